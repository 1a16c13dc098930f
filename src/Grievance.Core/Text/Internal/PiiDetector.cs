namespace Grievance.Text.Internal;

/// <summary>The scanner behind <see cref="PiiScanner"/>; the rules are documented there.</summary>
internal static class PiiDetector
{
    private const int MaxGroups = 16;
    private const int NationalMobileLength = 10;
    private const int AadhaarLength = 12;
    private const int PanLength = 10;
    private const string PanHolderTypes = "PCHFATBLJG";

    /// <summary>The digit-group lengths accepted for the ten national digits of a mobile number.</summary>
    private static readonly int[][] s_mobileGroupings = [[10], [5, 5], [3, 3, 4], [4, 3, 3], [2, 4, 4]];

    public static List<PiiMatch>? Scan(string text)
    {
        var emails = FindEmails(text);
        List<PiiMatch>? matches = null;
        var segmentStart = 0;
        if (emails is not null)
        {
            foreach (var email in emails)
            {
                ScanSegment(text, segmentStart, email.Start, ref matches);
                (matches ??= []).Add(email);
                segmentStart = email.End;
            }
        }

        ScanSegment(text, segmentStart, text.Length, ref matches);
        return matches;
    }

    private static void ScanSegment(string text, int start, int end, ref List<PiiMatch>? matches)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if ((i == 0 || char.IsWhiteSpace(text[i - 1])) && TryGetUrlEnd(text, i, out var urlEnd))
            {
                i = Math.Min(urlEnd, end);
                continue;
            }

            if (Devanagari.IsDigit(c) || (c == '+' && i + 1 < end && Devanagari.IsDigit(text[i + 1])))
            {
                i = ScanNumber(text, i, end, ref matches);
                continue;
            }

            if (IsWordChar(c))
            {
                if (char.IsAsciiLetterUpper(c) && IsPan(text, i, end))
                {
                    (matches ??= []).Add(new PiiMatch(PiiKind.PermanentAccountNumber, i, PanLength));
                    i += PanLength;
                    continue;
                }

                // Digits inside a word (UP32, 98XXXXXX63, a handle) are never a number of their own.
                do
                {
                    i++;
                }
                while (i < end && IsWordChar(text[i]));
                continue;
            }

            i++;
        }
    }

    /// <summary>A Latin letter, an ASCII or Devanagari digit, or an underscore: characters that glue digits into a code or handle.</summary>
    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || Devanagari.IsDigit(c) || (c is >= '\u00C0' and < '\u0250' && char.IsLetter(c));

    private static bool IsPan(string text, int i, int end)
    {
        if (i + PanLength > end || (i > 0 && IsWordChar(text[i - 1])) || (i + PanLength < text.Length && IsWordChar(text[i + PanLength])))
        {
            return false;
        }

        for (var k = 0; k < 5; k++)
        {
            if (!char.IsAsciiLetterUpper(text[i + k]))
            {
                return false;
            }
        }

        for (var k = 5; k < 9; k++)
        {
            if (!Devanagari.IsDigit(text[i + k]))
            {
                return false;
            }
        }

        return char.IsAsciiLetterUpper(text[i + 9]) && PanHolderTypes.Contains(text[i + 3], StringComparison.Ordinal);
    }

    private readonly record struct Group(int Start, int Length, char SeparatorBefore);

    /// <summary>Reads a chunk of digit groups joined by single spaces or hyphens and adds the numbers found in it.</summary>
    /// <returns>The index just after the chunk.</returns>
    private static int ScanNumber(string text, int start, int end, ref List<PiiMatch>? matches)
    {
        Span<Group> groups = stackalloc Group[MaxGroups];
        var hasPlus = text[start] == '+';
        var p = hasPlus ? start + 1 : start;
        var count = 0;
        var separator = '\0';
        while (true)
        {
            var groupStart = p;
            while (p < end && Devanagari.IsDigit(text[p]))
            {
                p++;
            }

            groups[count++] = new Group(groupStart, p - groupStart, separator);
            if (count < MaxGroups && p + 1 < end && text[p] is ' ' or '-' or '\u00A0' && Devanagari.IsDigit(text[p + 1]))
            {
                separator = text[p];
                p++;
                continue;
            }

            break;
        }

        var firstAttached = start > 0 && (IsWordChar(text[start - 1]) || IsDecimalPoint(text, start - 1, before: true));
        var lastAttached = p < text.Length && (IsWordChar(text[p]) || IsDecimalPoint(text, p, before: false));
        var chunk = new Chunk(text, groups[..count], hasPlus ? start : -1, firstAttached, lastAttached);

        var k = 0;
        while (k < count)
        {
            var used = chunk.MatchAt(k, out var kind, out var matchStart);
            if (used == 0)
            {
                k++;
                continue;
            }

            var last = groups[k + used - 1];
            (matches ??= []).Add(new PiiMatch(kind, matchStart, last.Start + last.Length - matchStart));
            k += used;
        }

        return p;
    }

    /// <summary>A '.' between digits: the chunk is part of a decimal number.</summary>
    private static bool IsDecimalPoint(string text, int index, bool before)
    {
        if (text[index] != '.')
        {
            return false;
        }

        var neighbour = before ? index - 1 : index + 1;
        return neighbour >= 0 && neighbour < text.Length && Devanagari.IsDigit(text[neighbour]);
    }

    /// <summary>The digit groups of one chunk, and whether its ends are glued to a word or a decimal point.</summary>
    private readonly ref struct Chunk
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Group> _groups;
        private readonly int _plusIndex;
        private readonly bool _firstAttached;
        private readonly bool _lastAttached;

        public Chunk(string text, ReadOnlySpan<Group> groups, int plusIndex, bool firstAttached, bool lastAttached)
        {
            _text = text;
            _groups = groups;
            _plusIndex = plusIndex;
            _firstAttached = firstAttached;
            _lastAttached = lastAttached;
        }

        /// <summary>Tries every pattern at group <paramref name="k"/>; returns the number of groups used, or 0.</summary>
        public int MatchAt(int k, out PiiKind kind, out int start)
        {
            var group = _groups[k];
            start = group.Start;
            kind = PiiKind.MobileNumber;

            if (k == 0 && _plusIndex >= 0)
            {
                // +919876543210, +91 98765 43210, +91-98765-43210
                if (group.Length == 2 + NationalMobileLength && StartsWith91(group) && IsMobileLead(group.Start + 2) && Usable(0, 1))
                {
                    start = _plusIndex;
                    return 1;
                }

                if (group.Length == 2 && StartsWith91(group))
                {
                    var national = MatchNational(1);
                    if (national > 0 && Usable(0, 1))
                    {
                        start = _plusIndex;
                        return 1 + national;
                    }
                }
            }

            if (group.Length == AadhaarLength && Usable(k, 1) && IsAadhaar(k, 1))
            {
                kind = PiiKind.AadhaarNumber;
                return 1;
            }

            if (group.Length == 4 && k + 2 < _groups.Length && Usable(k, 3) && IsGroupedAadhaar(k))
            {
                kind = PiiKind.AadhaarNumber;
                return 3;
            }

            // 919876543210 and 09876543210
            if (Usable(k, 1)
                && ((group.Length == 2 + NationalMobileLength && StartsWith91(group) && IsMobileLead(group.Start + 2))
                    || (group.Length == 1 + NationalMobileLength && Devanagari.DigitValue(_text[group.Start]) == 0 && IsMobileLead(group.Start + 1))))
            {
                return 1;
            }

            // 91 98765 43210
            if (group.Length == 2 && StartsWith91(group) && Usable(k, 1))
            {
                var national = MatchNational(k + 1);
                if (national > 0)
                {
                    return 1 + national;
                }
            }

            return MatchNational(k);
        }

        private int MatchNational(int k)
        {
            if (k >= _groups.Length || !IsMobileLead(_groups[k].Start))
            {
                return 0;
            }

            foreach (var grouping in s_mobileGroupings)
            {
                if (k + grouping.Length > _groups.Length || !Usable(k, grouping.Length))
                {
                    continue;
                }

                var fits = true;
                for (var g = 0; g < grouping.Length && fits; g++)
                {
                    fits = _groups[k + g].Length == grouping[g];
                }

                if (fits)
                {
                    return grouping.Length;
                }
            }

            return 0;
        }

        private bool IsGroupedAadhaar(int k)
        {
            var second = _groups[k + 1];
            var third = _groups[k + 2];
            if (second.Length != 4 || third.Length != 4 || second.SeparatorBefore != third.SeparatorBefore)
            {
                return false;
            }

            // Part of a longer run of four-digit groups (a card number) is not an Aadhaar number.
            if ((k > 0 && _groups[k - 1].Length == 4) || (k + 3 < _groups.Length && _groups[k + 3].Length == 4))
            {
                return false;
            }

            return IsAadhaar(k, 3);
        }

        private bool IsAadhaar(int k, int groupCount)
        {
            Span<byte> digits = stackalloc byte[AadhaarLength];
            var n = 0;
            for (var g = k; g < k + groupCount; g++)
            {
                var group = _groups[g];
                for (var i = group.Start; i < group.Start + group.Length; i++)
                {
                    digits[n++] = (byte)Devanagari.DigitValue(_text[i]);
                }
            }

            return digits[0] >= 2 && Verhoeff.IsValid(digits);
        }

        private bool Usable(int k, int groupCount) =>
            !(k == 0 && _firstAttached) && !(k + groupCount == _groups.Length && _lastAttached);

        private bool StartsWith91(Group group) =>
            Devanagari.DigitValue(_text[group.Start]) == 9 && Devanagari.DigitValue(_text[group.Start + 1]) == 1;

        private bool IsMobileLead(int index) => Devanagari.DigitValue(_text[index]) >= 6;
    }

    private static List<PiiMatch>? FindEmails(string text)
    {
        List<PiiMatch>? emails = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        while (at >= 0)
        {
            var next = at + 1;
            if (TryEmailAt(text, at, out var start, out var end) && !IsInsideUrl(text, start))
            {
                (emails ??= []).Add(new PiiMatch(PiiKind.EmailAddress, start, end - start));
                next = end;
            }

            at = next < text.Length ? text.IndexOf('@', next) : -1;
        }

        return emails;
    }

    private static bool TryEmailAt(string text, int at, out int start, out int end)
    {
        start = at;
        while (start > 0 && IsLocalPartChar(text[start - 1]))
        {
            start--;
        }

        while (start < at && text[start] == '.')
        {
            start++;
        }

        end = at + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-'))
        {
            end++;
        }

        while (end > at + 1 && text[end - 1] is '.' or '-')
        {
            end--;
        }

        return start < at && text[at - 1] != '.' && IsDomain(text.AsSpan(at + 1, end - at - 1));
    }

    private static bool IsLocalPartChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>Dot-separated labels of letters, digits and inner hyphens, ending in a top-level label of two or more letters.</summary>
    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || domain.Length - lastDot - 1 < 2)
        {
            return false;
        }

        foreach (var c in domain[(lastDot + 1)..])
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        foreach (var label in domain.Split('.'))
        {
            var part = domain[label];
            if (part.IsEmpty || part[0] == '-' || part[^1] == '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInsideUrl(string text, int index)
    {
        var tokenStart = index;
        while (tokenStart > 0 && !char.IsWhiteSpace(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        return TryGetUrlEnd(text, tokenStart, out _);
    }

    /// <summary>
    /// Whether the white-space-delimited token at <paramref name="tokenStart"/> is a link: it contains <c>://</c>, starts with
    /// <c>www.</c>, or has a host name with a dot before its first <c>/</c> (<c>x.com/i/status/…</c>).
    /// </summary>
    private static bool TryGetUrlEnd(string text, int tokenStart, out int tokenEnd)
    {
        tokenEnd = tokenStart;
        while (tokenEnd < text.Length && !char.IsWhiteSpace(text[tokenEnd]))
        {
            tokenEnd++;
        }

        var token = text.AsSpan(tokenStart, tokenEnd - tokenStart).TrimStart("(<[\"'");
        if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var slash = token.IndexOf('/');
        return slash > 0 && IsHost(token[..slash]);
    }

    private static bool IsHost(ReadOnlySpan<char> host)
    {
        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return IsDomain(host);
    }
}
