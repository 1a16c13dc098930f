using System.Text;

namespace Grievance.Twitter.Text.Internal;

/// <summary>
/// NFC normalisation that, like JavaScript's <c>String.prototype.normalize</c>, accepts any UTF-16 string.
/// </summary>
/// <remarks>
/// .NET's <see cref="string.Normalize()"/> throws on lone surrogates and on some noncharacters (U+FFFE).
/// Neither has a decomposition nor combines with a neighbour, so the text is normalised piece by piece
/// around them and they are kept as they are, which is what the reference does.
/// </remarks>
internal static class Nfc
{
    public static string Normalize(string text)
    {
        if (IsKnownNfc(text))
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return NormalizeAroundInvalid(text);
        }
    }

    /// <summary>
    /// A quick, conservative check for the characters of most posts here: it returns <see langword="true"/>
    /// only for text that is certainly in NFC, and leaves everything else to ICU.
    /// </summary>
    /// <remarks>
    /// Accepted: U+0000–U+02FF (nothing there decomposes, and no combining mark follows); Devanagari except
    /// the composition exclusions U+0958–U+095F, a nukta that would compose (after न, र, ळ) and combining
    /// marks out of canonical order; the symbol blocks U+2002–U+20CF and U+2100–U+2BFF without their few
    /// singletons and exclusions, plus the keycap mark U+20E3 (a starter that composes with nothing);
    /// variation selectors and the specials block; and astral code points U+1F000–U+1FAFF (emoji, none of
    /// which decompose). Each accepted character either is a starter or is checked for canonical order.
    /// </remarks>
    internal static bool IsKnownNfc(ReadOnlySpan<char> text)
    {
        var previousClass = 0;
        var previous = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var combiningClass = 0;
            if (c < '\u0300')
            {
                // A starter that nothing before can combine with.
            }
            else if (c is >= '\u0900' and <= '\u097F')
            {
                if (c is >= '\u0958' and <= '\u095F')
                {
                    return false;
                }

                combiningClass = c switch
                {
                    '\u093C' => 7,
                    '\u094D' => 9,
                    '\u0952' => 220,
                    '\u0951' or '\u0953' or '\u0954' => 230,
                    _ => 0,
                };
                if (c == '\u093C' && previous is '\u0928' or '\u0930' or '\u0933')
                {
                    return false;
                }
            }
            else if (c is (>= '\u2002' and <= '\u20CF') or '\u20E3' or (>= '\u2100' and <= '\u2BFF') or (>= '\uFE00' and <= '\uFE0F') or (>= '\uFFF0' and <= '\uFFFF'))
            {
                // Starters that NFC keeps, except the singletons U+2126, U+212A, U+212B, U+2329, U+232A and the
                // composition exclusion U+2ADC.
                if (c is '\u2126' or '\u212A' or '\u212B' or '\u2329' or '\u232A' or '\u2ADC')
                {
                    return false;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (codePoint is < 0x1F000 or > 0x1FAFF)
                {
                    return false;
                }

                i++;
            }
            else
            {
                return false;
            }

            if (combiningClass != 0 && previousClass > combiningClass)
            {
                return false;
            }

            previousClass = combiningClass;
            previous = c;
        }

        return true;
    }

    private static string NormalizeAroundInvalid(string text)
    {
        var sb = new StringBuilder(text.Length);
        var segmentStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int width;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                width = IsNoncharacter(cp) ? 2 : 0;
                if (width == 0)
                {
                    i++;
                    continue;
                }
            }
            else
            {
                width = char.IsSurrogate(c) || IsNoncharacter(c) ? 1 : 0;
            }

            if (width > 0)
            {
                AppendNormalized(sb, text, segmentStart, i);
                sb.Append(text, i, width);
                i += width - 1;
                segmentStart = i + 1;
            }
        }

        AppendNormalized(sb, text, segmentStart, text.Length);
        return sb.ToString();
    }

    private static void AppendNormalized(StringBuilder sb, string text, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var segment = text[start..end];
        try
        {
            sb.Append(segment.Normalize(NormalizationForm.FormC));
        }
        catch (ArgumentException)
        {
            sb.Append(segment);
        }
    }

    private static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
}
