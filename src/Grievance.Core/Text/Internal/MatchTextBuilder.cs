using System.Text;

namespace Grievance.Text.Internal;

/// <summary>The passes behind <see cref="TextNormalizer.Normalize"/> and <see cref="TextNormalizer.ToMatchKey"/>.</summary>
internal static class MatchTextBuilder
{
    public static string Normalize(string text)
    {
        var decoded = EntityDecoder.Decode(text);
        if (!decoded.IsNormalized(NormalizationForm.FormC))
        {
            decoded = decoded.Normalize(NormalizationForm.FormC);
        }

        return PooledBuffer.Build(decoded, 0, static (source, _, destination) => NormalizeInto(source, destination));
    }

    public static string ToMatchKey(string text)
    {
        var normalized = Normalize(text);
        return PooledBuffer.Build(normalized, 0, static (source, _, destination) => KeyInto(source, destination));
    }

    /// <summary>One pass: invisible characters, whitespace, digits, nukta, chandrabindu, nasal clusters, repeated signs, case.</summary>
    private static int NormalizeInto(ReadOnlySpan<char> source, Span<char> destination)
    {
        var written = 0;
        var pendingSpace = false;
        foreach (var original in source)
        {
            if (char.IsWhiteSpace(original))
            {
                pendingSpace = written > 0;
                continue;
            }

            var c = Map(original);
            if (c == '\0')
            {
                continue;
            }

            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }

            if (c >= '\u0900' && c <= '\u097F')
            {
                // न्द → ंद: a nasal with virama before a stop of its own class is written as anusvara.
                if (written >= 2
                    && destination[written - 1] == Devanagari.Virama
                    && destination[written - 2] == Devanagari.HomorganicNasal(c))
                {
                    destination[written - 2] = Devanagari.Anusvara;
                    written--;
                }
                else if (written > 0 && Devanagari.IsSign(c) && destination[written - 1] == c)
                {
                    continue; // बरेलीी → बरेली
                }
            }

            destination[written++] = c;
        }

        return written;
    }

    /// <summary>Maps one character for <see cref="NormalizeInto"/>; <c>'\0'</c> means drop it.</summary>
    private static char Map(char c)
    {
        if (c < '\u0080')
        {
            if (c < ' ' || c == '\u007F')
            {
                return '\0';
            }

            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        if (c >= '\u0900' && c <= '\u097F')
        {
            return c switch
            {
                Devanagari.Nukta => '\0',
                Devanagari.Chandrabindu => Devanagari.Anusvara,
                >= Devanagari.DigitZero and <= '\u096F' => (char)('0' + (c - Devanagari.DigitZero)),
                _ => Devanagari.RemoveNukta(c),
            };
        }

        if (IsInvisible(c))
        {
            return '\0';
        }

        if (c is >= '\u0660' and <= '\u0669')
        {
            return (char)('0' + (c - '\u0660'));
        }

        if (c is >= '\u06F0' and <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0'));
        }

        return char.ToLowerInvariant(c);
    }

    private static bool IsInvisible(char c) =>
        c is (>= '\u0080' and <= '\u009F') // C1 controls
            or '\u00AD'                    // soft hyphen
            or '\u061C'                    // Arabic letter mark
            or '\u180E'                    // Mongolian vowel separator
            or (>= '\u200B' and <= '\u200F') // zero-width space, ZWNJ, ZWJ, LRM, RLM
            or (>= '\u202A' and <= '\u202E') // bidi embeddings and overrides
            or (>= '\u2060' and <= '\u2064') // word joiner, invisible operators
            or (>= '\u2066' and <= '\u2069') // bidi isolates
            or '\uFEFF';                   // byte-order mark, zero-width no-break space

    /// <summary>Second pass of a match key over normalized text: vowel length, virama, word breaks and Latin folding.</summary>
    private static int KeyInto(ReadOnlySpan<char> source, Span<char> destination)
    {
        var written = 0;
        var pendingSpace = false;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (LatinFolder.IsLatinLetter(c))
            {
                var end = LatinFolder.WordEnd(source, i);
                written = AppendSpace(destination, written, ref pendingSpace);
                written += LatinFolder.FoldWord(source[i..end], destination[written..]);
                i = end;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                if (Rune.IsLetterOrDigit(new Rune(c, source[i + 1])))
                {
                    written = AppendSpace(destination, written, ref pendingSpace);
                    destination[written++] = c;
                    destination[written++] = source[i + 1];
                }
                else
                {
                    pendingSpace = written > 0;
                }

                i += 2;
                continue;
            }

            i++;
            if (c >= '\u0900' && c <= '\u097F')
            {
                if (c == Devanagari.Virama)
                {
                    continue; // सुल्तानपुर → सुलतानपुर
                }

                c = Devanagari.FoldVowelForKey(c);
                if (Devanagari.IsSign(c) && written > 0 && destination[written - 1] == c)
                {
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c) || IsMark(c))
            {
                written = AppendSpace(destination, written, ref pendingSpace);
                destination[written++] = c;
            }
            else
            {
                pendingSpace = written > 0;
            }
        }

        return written;
    }

    private static int AppendSpace(Span<char> destination, int written, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            destination[written++] = ' ';
            pendingSpace = false;
        }

        return written;
    }

    private static bool IsMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark;
}
