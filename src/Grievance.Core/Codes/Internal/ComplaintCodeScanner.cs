using System.Buffers;

namespace Grievance.Codes.Internal;

/// <summary>Finds complaint codes in free text (tweets in English, Hindi or Hinglish) without taking numbers for codes.</summary>
internal static class ComplaintCodeScanner
{
    /// <summary>The most separators (spaces, dashes) accepted between two segments.</summary>
    private const int MaxSeparators = 3;

    /// <summary>Periods before 2020 are not taken for codes: Indian STD codes (0512, 0120, ...) would look like them.</summary>
    private const int MinYearOfCentury = 20;

    private const byte Word = 1;
    private const byte Scope = 2;
    private const byte Digit = 4;
    private const byte Separator = 8;
    private const byte BlocksStartFlag = 16;
    private const byte BlocksEndFlag = 32;

    private static readonly byte[] s_ascii = BuildAsciiClasses();

    // The first character of a period from 2020 on: the tens of the year, 2 to 9, which no letter stands for.
    private static readonly SearchValues<char> s_asciiPeriodStarts = SearchValues.Create("23456789");
    private static readonly SearchValues<char> s_periodStarts = SearchValues.Create("23456789\u0968\u0969\u096A\u096B\u096C\u096D\u096E\u096F");
    private static readonly SearchValues<char> s_devanagariDigits = SearchValues.Create("\u0966\u0967\u0968\u0969\u096A\u096B\u096C\u096D\u096E\u096F");

    public static IReadOnlyList<ComplaintCode> FindAll(ReadOnlySpan<char> text)
    {
        // Every code FindAll takes has a period from 2020 on, so its first character is a real digit 2-9 with the
        // scope right before it (maybe after separators): one candidate per such digit, found with a vector search.
        var periodStarts = text.ContainsAny(s_devanagariDigits) ? s_periodStarts : s_asciiPeriodStarts;
        ComplaintCode[]? found = null;
        var count = 0;
        var position = 0;
        while (position < text.Length)
        {
            var offset = text[position..].IndexOfAny(periodStarts);
            if (offset < 0)
            {
                break;
            }

            var digit = position + offset;
            if (TryFindScopeStart(text, digit, out var start) && TryMatch(text, start, out var code, out var end))
            {
                if (found is null)
                {
                    found = [code];
                    count = 1;
                }
                else if (Array.IndexOf(found, code, 0, count) < 0)
                {
                    if (count == found.Length)
                    {
                        Array.Resize(ref found, count * 2);
                    }

                    found[count++] = code;
                }

                position = end;
                continue;
            }

            // No later digit of the same word can start a period: its scope would have to begin the word, and the
            // scope's characters cannot include this digit (2-9). Skip to the end of the word.
            position = digit + 1;
            while (position < text.Length && (ClassOf(text[position]) & Word) != 0)
            {
                position++;
            }
        }

        return found is null ? Array.Empty<ComplaintCode>() : count == found.Length ? found : found[..count];
    }

    /// <summary>Finds where a code whose period starts at <paramref name="period"/> would start: three scope characters beginning a word.</summary>
    private static bool TryFindScopeStart(ReadOnlySpan<char> text, int period, out int start)
    {
        var p = period;
        while (p > 0 && period - p < MaxSeparators && (ClassOf(text[p - 1]) & Separator) != 0)
        {
            p--;
        }

        start = p - ComplaintCode.ScopeLength;
        return start >= 0
            && IsScopeChar(text[start]) && IsScopeChar(text[start + 1]) && IsScopeChar(text[start + 2])
            && (start == 0 || (ClassOf(text[start - 1]) & (Word | BlocksStartFlag)) == 0);
    }

    private static bool TryMatch(ReadOnlySpan<char> text, int start, out ComplaintCode code, out int end)
    {
        code = default;
        end = start;

        // Cheap rejection of ordinary words before any work: three scope characters, then a separator or a period character.
        if (start + ComplaintCode.MinCompactLength > text.Length
            || !IsScopeChar(text[start]) || !IsScopeChar(text[start + 1]) || !IsScopeChar(text[start + 2])
            || !(CodeAlphabet.IsSeparator(text[start + 3]) || IsDigitChar(text[start + 3])))
        {
            return false;
        }

        Span<char> compact = stackalloc char[ComplaintCode.MaxCompactLength];
        compact[0] = CodeAlphabet.Normalize(text[start]);
        compact[1] = CodeAlphabet.Normalize(text[start + 1]);
        compact[2] = CodeAlphabet.Normalize(text[start + 2]);
        var p = start + ComplaintCode.ScopeLength;

        if (SkipSeparators(text, ref p) > MaxSeparators)
        {
            return false;
        }

        for (var k = 0; k < ComplaintCode.PeriodLength; k++, p++)
        {
            if (p >= text.Length || !IsDigitChar(text[p]))
            {
                return false;
            }

            compact[ComplaintCode.ScopeLength + k] = CodeAlphabet.Normalize(text[p]);
        }

        if (CodeAlphabet.DigitValue(compact[3]) * 10 + CodeAlphabet.DigitValue(compact[4]) < MinYearOfCentury)
        {
            return false;
        }

        var separatorsAfterPeriod = SkipSeparators(text, ref p);
        if (separatorsAfterPeriod > MaxSeparators)
        {
            return false;
        }

        // The sequence and check character: a run of digits (O, I, L read as digits), then maybe a check letter.
        var length = ComplaintCode.ScopeLength + ComplaintCode.PeriodLength;
        while (p < text.Length && IsDigitChar(text[p]))
        {
            if (length == compact.Length)
            {
                return false;
            }

            compact[length++] = CodeAlphabet.Normalize(text[p++]);
        }

        var run = length - (ComplaintCode.ScopeLength + ComplaintCode.PeriodLength);
        if (run == 0)
        {
            return false;
        }

        if (p < text.Length && char.IsAsciiLetter(text[p]))
        {
            // A letter right after the digits is the check character, and must end the word.
            if (length == compact.Length)
            {
                return false;
            }

            compact[length++] = CodeAlphabet.Normalize(text[p++]);
            return EndsWord(text, p) && TryAccept(compact[..length], separatorsAfterPeriod, p, out code, out end);
        }

        // A check letter typed apart from the digits: "0042 K".
        if (p + 2 <= text.Length && CodeAlphabet.IsSeparator(text[p]) && char.IsAsciiLetter(text[p + 1]) && EndsWord(text, p + 2)
            && length < compact.Length)
        {
            compact[length] = CodeAlphabet.Normalize(text[p + 1]);
            if (TryAccept(compact[..(length + 1)], separatorsAfterPeriod, p + 2, out code, out end))
            {
                return true;
            }
        }

        // Otherwise the last character of the run is the check character.
        return run >= 2 && EndsWord(text, p) && TryAccept(compact[..length], separatorsAfterPeriod, p, out code, out end);
    }

    private static bool TryAccept(ReadOnlySpan<char> compact, int separatorsAfterPeriod, int position, out ComplaintCode code, out int end)
    {
        end = position;

        // Period, sequence and a digit check character typed as one number look like a phone number: not taken.
        if (separatorsAfterPeriod == 0 && CodeAlphabet.CheckValue(compact[^1]) < 10)
        {
            code = default;
            return false;
        }

        return ComplaintCodeReader.TryReadCompact(compact, null, out code) == ReadStatus.Valid;
    }

    private static int SkipSeparators(ReadOnlySpan<char> text, ref int position)
    {
        var count = 0;
        while (position < text.Length && (ClassOf(text[position]) & Separator) != 0)
        {
            position++;
            count++;
        }

        return count;
    }

    /// <summary>A letter, or a 0 or 1 typed for O or I/L, in ASCII.</summary>
    private static bool IsScopeChar(char c) => (ClassOf(c) & Scope) != 0;

    /// <summary>A digit (ASCII or Devanagari), or an O, I or L typed for 0 or 1.</summary>
    private static bool IsDigitChar(char c) => (ClassOf(c) & Digit) != 0;

    /// <summary>A code ends its word: no letter, digit, underscore, slash or at sign follows.</summary>
    private static bool EndsWord(ReadOnlySpan<char> text, int position) =>
        position >= text.Length || (ClassOf(text[position]) & BlocksEndFlag) == 0;

    private static byte ClassOf(char c)
    {
        if (c < 128)
        {
            return s_ascii[c];
        }

        if (CodeAlphabet.IsDevanagariDigit(c))
        {
            return Word | Digit | BlocksStartFlag | BlocksEndFlag;
        }

        return CodeAlphabet.IsSeparator(c) ? Separator : (byte)0;
    }

    private static byte[] BuildAsciiClasses()
    {
        var classes = new byte[128];
        for (var c = '\0'; c < 128; c++)
        {
            var value = 0;
            if (char.IsAsciiLetterOrDigit(c))
            {
                value |= Word | BlocksEndFlag;
            }

            if (char.IsAsciiLetter(c) || c is '0' or '1')
            {
                value |= Scope;
            }

            if (CodeAlphabet.DigitValue(CodeAlphabet.Normalize(c)) != CodeAlphabet.None)
            {
                value |= Digit;
            }

            if (CodeAlphabet.IsSeparator(c))
            {
                value |= Separator;
            }

            // Hashtags, mentions, cashtags, paths, identifiers and query strings are not codes.
            if (c is '#' or '@' or '$' or '/' or '\\' or '_' or '&' or '=')
            {
                value |= BlocksStartFlag;
            }

            if (c is '_' or '/' or '@')
            {
                value |= BlocksEndFlag;
            }

            classes[c] = (byte)value;
        }

        return classes;
    }
}
