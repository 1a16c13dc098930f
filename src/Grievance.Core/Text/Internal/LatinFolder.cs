using System.Text;

namespace Grievance.Text.Internal;

/// <summary>The Hinglish spelling folds behind <see cref="TextNormalizer.FoldLatin"/>; the rules are listed there.</summary>
internal static class LatinFolder
{
    private const int SilentFinalEMinimumLength = 5;

    public static string Fold(string text) =>
        PooledBuffer.Build(text, 0, static (source, _, destination) => FoldInto(source, destination));

    private static int FoldInto(ReadOnlySpan<char> source, Span<char> destination)
    {
        var written = 0;
        var i = 0;
        while (i < source.Length)
        {
            if (!IsLatinLetter(source[i]))
            {
                destination[written++] = source[i++];
                continue;
            }

            var end = WordEnd(source, i);
            written += FoldWord(source[i..end], destination[written..]);
            i = end;
        }

        return written;
    }

    /// <summary>Returns whether <paramref name="c"/> is a letter of the Basic Latin to Latin Extended-B blocks.</summary>
    public static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c));

    /// <summary>Returns the end of the run of Latin letters starting at <paramref name="start"/>.</summary>
    public static int WordEnd(ReadOnlySpan<char> source, int start)
    {
        var end = start + 1;
        while (end < source.Length && IsLatinLetter(source[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// Folds one word of Latin letters into <paramref name="destination"/>: a word of ASCII letters (any case) comes out folded and
    /// in lower case, a word with any other letter is copied unchanged. Never writes more than it reads.
    /// </summary>
    public static int FoldWord(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (!Ascii.IsValid(word))
        {
            word.CopyTo(destination);
            return word.Length;
        }

        var length = word.Length;
        var written = 0;
        var i = 0;
        while (i < length)
        {
            var c = Lower(word[i]);
            var next = i + 1 < length ? Lower(word[i + 1]) : '\0';
            var afterNext = i + 2 < length ? Lower(word[i + 2]) : '\0';
            var previous = i > 0 ? Lower(word[i - 1]) : '\0';
            var atEnd = i + 1 == length;
            var consumed = 1;
            var emit = c;

            switch (c)
            {
                case 'a' when next == 'u':
                case 'o' when next == 'u':
                case 'a' or 'o' when next == 'w' && !IsVowel(afterNext):
                    emit = 'o'; // au, ou, and aw/ow not before a vowel: lakhnau, lucknow, jounpur
                    consumed = 2;
                    break;
                case 'e' when next == 'e':
                    emit = 'i'; // ee
                    consumed = 2;
                    break;
                case 'e' when next == 'i':
                    emit = 'e'; // ei: bareilly
                    consumed = 2;
                    break;
                case 'e' when next == 'y' && i + 2 == length:
                    emit = 'i'; // final ey: bareilley
                    consumed = 2;
                    break;
                case 'e' when previous == 'a':
                    emit = 'i'; // ae: raebareli
                    break;
                case 'e' when atEnd && length >= SilentFinalEMinimumLength && !IsVowel(previous):
                    emit = '\0'; // silent final e: bijnore, mirzapure
                    break;
                case 'i' when next == 'e' && i + 2 == length:
                    emit = 'i'; // final ie: hardoie
                    consumed = 2;
                    break;
                case 'i' when next == 'y' && IsVowel(afterNext):
                    emit = 'i'; // iy before a vowel: baliya
                    consumed = 2;
                    break;
                case 'o' when next == 'o':
                    emit = 'u'; // oo
                    consumed = 2;
                    break;
                case 'u' when next == 'c' && afterNext == 'k':
                    emit = 'a'; // uck: lucknow, truck
                    break;
                case 'c':
                    emit = next switch
                    {
                        'h' => 'c',
                        'c' or 'k' => '\0',
                        'e' or 'i' or 'y' => 's',
                        _ => 'k',
                    };
                    consumed = next == 'h' ? 2 : 1;
                    break;
                case 'p' when next == 'h':
                    emit = 'f';
                    consumed = 2;
                    break;
                case 'r' when next == 'h':
                    emit = 'd'; // rh spells ढ़: garh, gadh
                    consumed = 2;
                    break;
                case 'q':
                    emit = 'k';
                    break;
                case 'w':
                    emit = 'v';
                    break;
                case 'z':
                    emit = 'j';
                    break;
                case 'y' when atEnd && i > 0 && !IsVowel(previous):
                    emit = 'i'; // final y after a consonant: chandauly
                    break;
                case 'h' when written > 0 && (!IsVowel(destination[written - 1]) || atEnd || !IsVowel(next)):
                    emit = '\0'; // aspiration and silent h: gh, kh, bh, sh, th; etah; shahjahanpur
                    break;
            }

            i += consumed;
            if (emit != '\0' && (written == 0 || destination[written - 1] != emit))
            {
                destination[written++] = emit;
            }
        }

        return written;
    }

    private static char Lower(char c) => (char)(c | 0x20);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
