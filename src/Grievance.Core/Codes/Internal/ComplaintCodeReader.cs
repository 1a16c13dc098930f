namespace Grievance.Codes.Internal;

/// <summary>Why a text is or is not a complaint code.</summary>
internal enum ReadStatus
{
    Valid = 0,
    Malformed = 1,
    BadMonth = 2,
    BadCheckSymbol = 3,
    CheckMismatch = 4,
    Ambiguous = 5,
}

/// <summary>Reads complaint codes, tolerating case, separators and confusable characters where the position allows.</summary>
internal static class ComplaintCodeReader
{
    private const int LetterI = 'I' - 'A';
    private const int LetterL = 'L' - 'A';
    private const int PeriodOffset = ComplaintCode.ScopeLength + 1;
    private const int SequenceOffset = PeriodOffset + ComplaintCode.PeriodLength + 1;
    private const char Skip = '\uFFFF';

    // What each ASCII character means in a typed code: its upper-case letter or digit, Skip for a separator, or '\0'.
    private static readonly char[] s_ascii = BuildAsciiMap();

    /// <summary>Reads a whole text as one code: separators anywhere are ignored, anything else must belong to the code.</summary>
    /// <param name="text">The text.</param>
    /// <param name="original">The same text as a string, reused as the canonical text when it already is; or <see langword="null"/>.</param>
    /// <param name="code">The code, when valid.</param>
    /// <returns>The outcome.</returns>
    public static ReadStatus TryRead(ReadOnlySpan<char> text, string? original, out ComplaintCode code)
    {
        var shape = TryReadCanonical(text, out var check);
        if (shape == ReadStatus.Valid)
        {
            var valid = Validates(text, check);
            code = valid ? ComplaintCode.FromCanonical(original ?? new string(text)) : default;
            return valid ? ReadStatus.Valid : ReadStatus.CheckMismatch;
        }

        if (shape != ReadStatus.Malformed)
        {
            code = default;
            return shape;
        }

        Span<char> compact = stackalloc char[ComplaintCode.MaxCompactLength];
        var length = 0;
        foreach (var c in text)
        {
            var normalized = c < s_ascii.Length ? s_ascii[c] : CodeAlphabet.IsSeparator(c) ? Skip : CodeAlphabet.Normalize(c);
            if (normalized == Skip)
            {
                continue;
            }

            if (normalized == '\0' || length == compact.Length)
            {
                code = default;
                return ReadStatus.Malformed;
            }

            compact[length++] = normalized;
        }

        return TryReadCompact(compact[..length], original, out code);
    }

    /// <summary>Reads a code from its characters without separators, each an upper-case ASCII letter or digit.</summary>
    /// <param name="compact">The characters: scope, period, sequence, check.</param>
    /// <param name="original">A string to reuse when it equals the canonical text; or <see langword="null"/>.</param>
    /// <param name="code">The code, when valid.</param>
    /// <returns>The outcome.</returns>
    public static ReadStatus TryReadCompact(ReadOnlySpan<char> compact, string? original, out ComplaintCode code)
    {
        code = default;
        if (compact.Length is < ComplaintCode.MinCompactLength or > ComplaintCode.MaxCompactLength)
        {
            return ReadStatus.Malformed;
        }

        // The canonical text is the compact text with two dashes, every character read in its segment's alphabet.
        Span<char> canonical = stackalloc char[compact.Length + 2];
        var ambiguous = 0;
        for (var i = 0; i < ComplaintCode.ScopeLength; i++)
        {
            var value = CodeAlphabet.ScopeValue(compact[i]);
            if (value == CodeAlphabet.None)
            {
                return ReadStatus.Malformed;
            }

            if (value == CodeAlphabet.IOrL)
            {
                ambiguous |= 1 << i;
                value = LetterI;
            }

            canonical[i] = (char)('A' + value);
        }

        canonical[ComplaintCode.ScopeLength] = '-';
        canonical[SequenceOffset - 1] = '-';
        for (var i = ComplaintCode.ScopeLength; i < compact.Length - 1; i++)
        {
            var value = CodeAlphabet.DigitValue(compact[i]);
            if (value == CodeAlphabet.None)
            {
                return ReadStatus.Malformed;
            }

            canonical[i < SequenceOffset - 2 ? i + 1 : i + 2] = (char)('0' + value);
        }

        var month = ((canonical[PeriodOffset + 2] - '0') * 10) + (canonical[PeriodOffset + 3] - '0');
        if (month is < 1 or > 12)
        {
            return ReadStatus.BadMonth;
        }

        var check = CodeAlphabet.CheckValue(compact[^1]);
        if (check == CodeAlphabet.None)
        {
            return ReadStatus.BadCheckSymbol;
        }

        canonical[^1] = CodeCheck.Symbols[check];
        if (ambiguous == 0)
        {
            if (!Validates(canonical, check))
            {
                return ReadStatus.CheckMismatch;
            }
        }
        else if (!TryResolve(canonical, ambiguous, check, out var status))
        {
            return status;
        }

        code = ComplaintCode.FromCanonical(original is not null && canonical.SequenceEqual(original) ? original : new string(canonical));
        return ReadStatus.Valid;
    }

    /// <summary>
    /// The fast path for text already in canonical form (what the system itself prints): checks the shape in place.
    /// Returns <see cref="ReadStatus.Malformed"/> for anything else, which the tolerant path then reads.
    /// </summary>
    private static ReadStatus TryReadCanonical(ReadOnlySpan<char> text, out int check)
    {
        check = CodeAlphabet.None;
        if (text.Length is < ComplaintCode.MinCompactLength + 2 or > ComplaintCode.MaxCompactLength + 2
            || text[ComplaintCode.ScopeLength] != '-' || text[SequenceOffset - 1] != '-'
            || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]) || !char.IsAsciiLetterUpper(text[2]))
        {
            return ReadStatus.Malformed;
        }

        for (var i = PeriodOffset; i < text.Length - 1; i++)
        {
            if (!char.IsAsciiDigit(text[i]) && i != SequenceOffset - 1)
            {
                return ReadStatus.Malformed;
            }
        }

        check = CodeAlphabet.CheckValue(text[^1]);
        if (check == CodeAlphabet.None || CodeCheck.Symbols[check] != text[^1])
        {
            return ReadStatus.Malformed;
        }

        var month = ((text[PeriodOffset + 2] - '0') * 10) + (text[PeriodOffset + 3] - '0');
        return month is < 1 or > 12 ? ReadStatus.BadMonth : ReadStatus.Valid;
    }

    /// <summary>Folds the canonical text through the check and tells whether it ends at zero.</summary>
    private static bool Validates(ReadOnlySpan<char> canonical, int check)
    {
        var state = 0;
        for (var i = 0; i < ComplaintCode.ScopeLength; i++)
        {
            state = CodeCheck.Operate(state, canonical[i] - 'A');
        }

        for (var i = PeriodOffset; i < canonical.Length - 1; i++)
        {
            if (i != SequenceOffset - 1)
            {
                state = CodeCheck.Operate(state, canonical[i] - '0');
            }
        }

        return CodeCheck.Operate(state, check) == 0;
    }

    /// <summary>Tries every I/L reading of the 1s typed in the scope; succeeds when exactly one is valid and writes it.</summary>
    private static bool TryResolve(Span<char> canonical, int ambiguous, int check, out ReadStatus status)
    {
        var valid = -1;
        for (var reading = 0; reading < 1 << ComplaintCode.ScopeLength; reading++)
        {
            if ((reading & ~ambiguous) != 0)
            {
                continue;
            }

            Apply(canonical, ambiguous, reading);
            if (Validates(canonical, check))
            {
                if (valid >= 0)
                {
                    status = ReadStatus.Ambiguous;
                    return false;
                }

                valid = reading;
            }
        }

        if (valid < 0)
        {
            status = ReadStatus.CheckMismatch;
            return false;
        }

        Apply(canonical, ambiguous, valid);
        status = ReadStatus.Valid;
        return true;
    }

    private static void Apply(Span<char> canonical, int ambiguous, int reading)
    {
        for (var i = 0; i < ComplaintCode.ScopeLength; i++)
        {
            if ((ambiguous & (1 << i)) != 0)
            {
                canonical[i] = (char)('A' + ((reading & (1 << i)) != 0 ? LetterL : LetterI));
            }
        }
    }

    private static char[] BuildAsciiMap()
    {
        var map = new char[128];
        for (var c = '\0'; c < map.Length; c++)
        {
            map[c] = CodeAlphabet.IsSeparator(c) ? Skip : CodeAlphabet.Normalize(c);
        }

        return map;
    }
}
