using Grievance.Text.Internal;

namespace Grievance.Text;

/// <summary>
/// Finds and masks personal data in complaint text: Indian mobile numbers, Aadhaar numbers, e-mail addresses and PANs.
/// Channel-neutral; digits may be ASCII or Devanagari (०–९).
/// </summary>
/// <remarks>
/// <para>What is found:</para>
/// <list type="bullet">
/// <item><description><see cref="PiiKind.MobileNumber"/>: ten digits starting with 6–9, written as one group or grouped 5-5,
/// 3-3-4, 4-3-3 or 2-4-4 with single spaces or hyphens; optionally after <c>+91</c> or <c>91</c> (joined, or followed by a
/// space or hyphen) or a joined <c>0</c> (<c>09876543210</c>). The finding includes the prefix and the separators.</description></item>
/// <item><description><see cref="PiiKind.AadhaarNumber"/>: twelve digits, the first 2–9, written as one group or as 4-4-4 with the
/// same single space or hyphen twice, whose last digit is a valid Verhoeff check digit. A twelve-digit group that is also
/// <c>91</c> plus a mobile number is reported as Aadhaar when the check digit is valid (unless written with <c>+</c>), else as a
/// mobile number.</description></item>
/// <item><description><see cref="PiiKind.EmailAddress"/>: ASCII local part (letters, digits, <c>. _ % + -</c>), <c>@</c>, and a
/// domain of dot-separated labels ending in two or more letters; a trailing dot or hyphen is left out.</description></item>
/// <item><description><see cref="PiiKind.PermanentAccountNumber"/>: five upper-case ASCII letters, four digits and an upper-case
/// letter, whose fourth letter is a holder type (P C H F A T B L J G), standing alone as a word.</description></item>
/// </list>
/// <para>What is deliberately not found:</para>
/// <list type="bullet">
/// <item><description>digits glued to Latin letters, digits or an underscore: vehicle numbers (<c>UP32 AB 4521</c>), complaint codes
/// (<c>LKO-2611-0042K</c>), masked numbers (<c>98XXXXXX63</c>), handles with digits. Devanagari letters do not glue, because Hindi
/// writers often omit the space (<c>मोबाइल9876543210</c> is found);</description></item>
/// <item><description>digit runs that are not exactly one of the shapes above: a ten-digit mobile inside an 11-digit or longer
/// account number is not a mobile number, and neither are PIN codes, dates, times, FIR numbers (<c>0123/2026</c>), amounts
/// (<c>₹18,500</c>, <c>Rs 2,00,000</c>) or landlines;</description></item>
/// <item><description>numbers and addresses inside links: a white-space-delimited token containing <c>://</c>, starting with
/// <c>www.</c>, or with a dotted host name before its first <c>/</c> is skipped, so status ids are never reported;</description></item>
/// <item><description>a group of a twelve-digit 4-4-4 number that has a further four-digit group next to it (a card number),
/// and numbers on either side of a decimal point.</description></item>
/// </list>
/// <para>
/// Findings never overlap and come in text order. Offsets and lengths are in UTF-16 code units of the string passed in; the value
/// is not copied. The scanner never logs or stores the text.
/// </para>
/// </remarks>
public static class PiiScanner
{
    /// <summary>The character that replaces masked characters in <see cref="Redact"/>.</summary>
    public const char MaskCharacter = 'X';

    /// <summary>Finds personal data in <paramref name="text"/>.</summary>
    /// <param name="text">The text to scan, as received or normalized; findings refer to this exact string.</param>
    /// <returns>The findings in text order; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<PiiMatch> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PiiDetector.Scan(text) ?? (IReadOnlyList<PiiMatch>)[];
    }

    /// <summary>Masks the personal data in <paramref name="text"/>, keeping only a short tail of each finding.</summary>
    /// <remarks>
    /// <para>Each finding is masked in place with <see cref="MaskCharacter"/>, one character for one character, so the result has
    /// the same length and every other character, offset and separator is unchanged. What is kept:</para>
    /// <list type="bullet">
    /// <item><description>mobile number: the last 2 digits, the prefix (<c>+91</c>, <c>91</c>, <c>0</c>) and the separators
    /// (<c>+91 98765 43210</c> → <c>+91 XXXXX XXX10</c>, <c>9876543210</c> → <c>XXXXXXXX10</c>);</description></item>
    /// <item><description>Aadhaar number: the last 4 digits and the separators (<c>2345 6789 0124</c> → <c>XXXX XXXX 0124</c>), as
    /// on a masked Aadhaar;</description></item>
    /// <item><description>e-mail address: the <c>@</c> and the last dot with the top-level domain after it
    /// (<c>ravi.k@example.in</c> → <c>XXXXXX@XXXXXXX.in</c>);</description></item>
    /// <item><description>PAN: the last 2 characters (<c>ABCPE1234F</c> → <c>XXXXXXXX4F</c>).</description></item>
    /// </list>
    /// </remarks>
    /// <param name="text">The text to redact.</param>
    /// <returns>The redacted text, or <paramref name="text"/> itself when nothing was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = PiiDetector.Scan(text);
        if (matches is null)
        {
            return text;
        }

        return string.Create(text.Length, (text, matches), static (destination, state) =>
        {
            state.text.CopyTo(destination);
            foreach (var match in state.matches)
            {
                Mask(destination.Slice(match.Start, match.Length), match.Kind);
            }
        });
    }

    private static void Mask(Span<char> finding, PiiKind kind)
    {
        switch (kind)
        {
            case PiiKind.MobileNumber:
                MaskDigitsFromEnd(finding, keep: 2, maskUpTo: 10);
                break;
            case PiiKind.AadhaarNumber:
                MaskDigitsFromEnd(finding, keep: 4, maskUpTo: 12);
                break;
            case PiiKind.EmailAddress:
                var at = finding.IndexOf('@');
                var lastDot = finding.LastIndexOf('.');
                for (var i = 0; i < lastDot; i++)
                {
                    if (i != at)
                    {
                        finding[i] = MaskCharacter;
                    }
                }

                break;
            default:
                finding[..^2].Fill(MaskCharacter);
                break;
        }
    }

    /// <summary>Masks digits counted from the end: the last <paramref name="keep"/> stay, the next ones up to <paramref name="maskUpTo"/> are masked, any before (a prefix) stay.</summary>
    private static void MaskDigitsFromEnd(Span<char> finding, int keep, int maskUpTo)
    {
        var seen = 0;
        for (var i = finding.Length - 1; i >= 0; i--)
        {
            if (!Devanagari.IsDigit(finding[i]))
            {
                continue;
            }

            if (seen >= keep && seen < maskUpTo)
            {
                finding[i] = MaskCharacter;
            }

            seen++;
        }
    }
}
