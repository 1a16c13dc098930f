namespace Grievance.Twitter.Text.Internal;

/// <summary>One match of the reference's <c>extractUrl</c> pattern, as UTF-16 offsets.</summary>
internal readonly record struct UrlMatch(int Index, int UrlStart, int ProtocolLength, int DomainEnd, int PathLength, int End);

/// <summary>
/// Matches the reference's <c>extractUrl</c> pattern at a given position, the way a backtracking regex
/// engine does, but with the TLD list in a trie instead of a 1,500-branch alternation.
/// </summary>
/// <remarks>
/// The pattern is <c>(before)((https?://)?(domain)(:port)?(/path)?(?query)?)</c> with
/// <c>domain = sub* name (tld|punycode)</c>. A <c>sub</c> or <c>name</c> is one dot-terminated label that
/// starts and ends with a domain character (<c>sub</c> may also hold <c>_</c> and <c>-</c> inside, <c>name</c>
/// only <c>-</c>), so every choice the engine can make is a number of leading labels: it tries the most
/// <c>sub</c> labels first, then fewer. The TLD is the longest one that starts after the name's dot and is
/// not followed by <c>[0-9a-zA-Z@+-]</c>, as in the trie-shaped alternation, or else a punycode label. The
/// optional tail (port, path, query) always matches, so the first extent the engine would find is taken.
/// </remarks>
internal static class UrlMatcher
{
    private static readonly Lazy<TldTrie> s_tlds = new(() => new TldTrie());

    /// <summary>Tries the pattern at <paramref name="p"/> (the position of its preceding-character group).</summary>
    public static bool TryMatchAt(string text, int p, out UrlMatch match)
    {
        // (?:[preceding]|^): the character class first, then the start of the text.
        if (p < text.Length && CharSets.UrlPreceding.Contains(text[p]) && TryUrlAt(text, p, p + 1, out match))
        {
            return true;
        }

        if (p == 0 && TryUrlAt(text, 0, 0, out match))
        {
            return true;
        }

        match = default;
        return false;
    }

    private static bool TryUrlAt(string text, int index, int start, out UrlMatch match)
    {
        var protocol = ProtocolLength(text, start);
        if (protocol > 0 && TryDomainAt(text, start + protocol, out var domainEnd))
        {
            match = WithTail(text, index, start, protocol, domainEnd);
            return true;
        }

        if (TryDomainAt(text, start, out domainEnd))
        {
            match = WithTail(text, index, start, 0, domainEnd);
            return true;
        }

        match = default;
        return false;
    }

    private static UrlMatch WithTail(string text, int index, int start, int protocol, int domainEnd)
    {
        var position = domainEnd;

        // (?::[0-9]+)?
        if (position + 1 < text.Length && text[position] == ':' && char.IsAsciiDigit(text[position + 1]))
        {
            position += 2;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
        }

        // (/path*)?
        var pathLength = 0;
        if (position < text.Length && text[position] == '/')
        {
            var pathStart = position++;
            while (PathSegmentEnd(text, position) is var next && next > position)
            {
                position = next;
            }

            pathLength = position - pathStart;
        }

        // (?:\?query*queryEnding)?
        if (position < text.Length && text[position] == '?')
        {
            var queryEnd = LastQueryEnding(text, position + 1, text.Length);
            if (queryEnd > 0)
            {
                position = queryEnd;
            }
        }

        return new UrlMatch(index, start, protocol, domainEnd, pathLength, position);
    }

    /// <summary>
    /// One iteration of <c>validUrlPath</c> at <paramref name="x"/>: its end, or <paramref name="x"/> when it does
    /// not match. The expression is <c>gen*(?:parens gen*)*ending | parens | @gen+/</c>; nothing after the path
    /// can fail, so each iteration takes the engine's first successful extent: with balanced parentheses
    /// after the first run of path characters, up to the last ending character of the last run, or else to
    /// the end of the last parentheses; without, up to the last ending character of the run. (The last
    /// alternative can never come first: its <c>/</c> is itself an ending character of the first.)
    /// </summary>
    private static int PathSegmentEnd(string text, int x)
    {
        var runStart = x;
        var runEnd = PathRunEnd(text, x);
        var lastParensEnd = -1;
        while (runEnd < text.Length && text[runEnd] == '(' && ParensEnd(text, runEnd) is var parensEnd && parensEnd > 0)
        {
            lastParensEnd = parensEnd;
            runStart = parensEnd;
            runEnd = PathRunEnd(text, parensEnd);
        }

        for (var i = runEnd - 1; i >= runStart; i--)
        {
            if (CharSets.UrlPathEnding.Contains(text[i]))
            {
                return i + 1;
            }
        }

        return lastParensEnd > 0 ? lastParensEnd : x;
    }

    /// <summary>
    /// <c>\((?:gen+|(?:gen*\(gen+\)gen*))\)</c> at <paramref name="i"/> (an opening parenthesis): its end, or -1.
    /// Path characters hold no parentheses, so each run is taken whole.
    /// </summary>
    private static int ParensEnd(string text, int i)
    {
        var first = PathRunEnd(text, i + 1);
        if (first > i + 1 && first < text.Length && text[first] == ')')
        {
            return first + 1;
        }

        if (first >= text.Length || text[first] != '(')
        {
            return -1;
        }

        var inner = PathRunEnd(text, first + 1);
        if (inner == first + 1 || inner >= text.Length || text[inner] != ')')
        {
            return -1;
        }

        var last = PathRunEnd(text, inner + 1);
        return last < text.Length && text[last] == ')' ? last + 1 : -1;
    }

    private static int PathRunEnd(string text, int i)
    {
        while (i < text.Length && CharSets.UrlPath.Contains(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary><c>query*queryEnding</c> after a question mark, not beyond <paramref name="limit"/>: the end, or -1 when it does not match.</summary>
    internal static int LastQueryEnding(string text, int i, int limit)
    {
        var end = i;
        while (end < limit && IsQueryChar(text[end]))
        {
            end++;
        }

        for (var j = end - 1; j >= i; j--)
        {
            if (IsQueryEndingChar(text[j]))
            {
                return j + 1;
            }
        }

        return -1;
    }

    private static bool IsQueryChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '?' or '*' or '\'' or '@' or '(' or ')' or ';' or ':' or '&' or '=' or '+' or '$'
            or '/' or '%' or '#' or '[' or ']' or '-' or '_' or '.' or ',' or '~' or '|';

    private static bool IsQueryEndingChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '&' or '=' or '#' or '/';

    /// <summary><c>https?://</c> (ASCII letters in either case): 8, 7, or 0 when absent.</summary>
    private static int ProtocolLength(string text, int i)
    {
        if (i + 7 > text.Length
            || text[i] is not ('h' or 'H') || text[i + 1] is not ('t' or 'T') || text[i + 2] is not ('t' or 'T') || text[i + 3] is not ('p' or 'P'))
        {
            return 0;
        }

        var s = text[i + 4] is 's' or 'S' ? 1 : 0;
        return i + s + 7 <= text.Length && text.AsSpan(i + 4 + s, 3).SequenceEqual("://") ? 7 + s : 0;
    }

    /// <summary><c>sub* name (tld|punycode)</c> at <paramref name="q"/>, with the engine's order of choices.</summary>
    private static bool TryDomainAt(string text, int q, out int end)
    {
        // Labels from q: each runs up to the first character outside domain characters, '_' and '-'.
        Span<int> dots = stackalloc int[16];
        var subLabels = 0;
        var position = q;
        var labelCount = 0;
        while (true)
        {
            var labelEnd = position;
            while (labelEnd < text.Length && IsLabelChar(text[labelEnd]))
            {
                labelEnd++;
            }

            if (labelEnd >= text.Length || text[labelEnd] != '.' || labelEnd == position)
            {
                break;
            }

            if (labelCount == dots.Length)
            {
                var larger = new int[dots.Length * 2];
                dots.CopyTo(larger);
                dots = larger;
            }

            dots[labelCount++] = labelEnd;
            if (subLabels == labelCount - 1 && IsValidLabel(text, position, labelEnd, allowUnderscore: true))
            {
                subLabels = labelCount;
            }

            position = labelEnd + 1;
        }

        // The engine tries the most sub labels first; the label after them must be a name.
        for (var k = Math.Min(subLabels, labelCount - 1); k >= 0; k--)
        {
            var nameStart = k == 0 ? q : dots[k - 1] + 1;
            if (!IsValidLabel(text, nameStart, dots[k], allowUnderscore: false))
            {
                continue;
            }

            var tldStart = dots[k] + 1;
            var tldEnd = s_tlds.Value.LongestMatch(text, tldStart);
            if (tldEnd < 0)
            {
                tldEnd = PunycodeEnd(text, tldStart);
            }

            if (tldEnd >= 0)
            {
                end = tldEnd;
                return true;
            }
        }

        end = -1;
        return false;
    }

    private static bool IsLabelChar(char c) => c is '_' or '-' || CharSets.DomainChars.Contains(c);

    /// <summary><c>(?:dc(?:[_-]|dc)*)?dc</c> (or without <c>_</c>) over the whole of <c>text[start..end]</c>.</summary>
    private static bool IsValidLabel(string text, int start, int end, bool allowUnderscore)
    {
        if (end <= start || !CharSets.DomainChars.Contains(text[start]) || !CharSets.DomainChars.Contains(text[end - 1]))
        {
            return false;
        }

        return allowUnderscore || text.AsSpan(start, end - start).IndexOf('_') < 0;
    }

    /// <summary><c>[xX][nN]--[\-0-9a-zA-Z]+</c>, greedy: the end, or -1.</summary>
    private static int PunycodeEnd(string text, int i)
    {
        if (i + 5 > text.Length || text[i] is not ('x' or 'X') || text[i + 1] is not ('n' or 'N') || text[i + 2] != '-' || text[i + 3] != '-')
        {
            return -1;
        }

        var end = i + 4;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return end > i + 4 ? end : -1;
    }

    /// <summary>The TLD list as a trie over case-folded code units.</summary>
    private sealed class TldTrie
    {
        private readonly Dictionary<char, char> _fold = [];
        private readonly Node _root = new();

        public TldTrie()
        {
            foreach (var fold in TwitterTextData.TldCaseFolds)
            {
                foreach (var c in fold)
                {
                    _fold[c] = fold[0];
                }
            }

            foreach (var tld in (TwitterTextData.GenericTlds + "|" + TwitterTextData.CountryTlds).Split('|'))
            {
                var node = _root;
                foreach (var c in tld)
                {
                    var key = Fold(c);
                    if (!node.Children.TryGetValue(key, out var child))
                    {
                        child = new Node();
                        node.Children.Add(key, child);
                    }

                    node = child;
                }

                node.IsEnd = true;
            }
        }

        /// <summary>The end of the longest TLD at <paramref name="start"/> not followed by <c>[0-9a-zA-Z@+-]</c>, or -1.</summary>
        public int LongestMatch(string text, int start)
        {
            var best = -1;
            var node = _root;
            for (var i = start; i < text.Length && node.Children.TryGetValue(Fold(text[i]), out node); i++)
            {
                if (node.IsEnd && (i + 1 == text.Length || !IsTldContinuation(text[i + 1])))
                {
                    best = i + 1;
                }
            }

            return best;
        }

        private static bool IsTldContinuation(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '+' or '-';

        private char Fold(char c) =>
            char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c < 0x80 ? c : _fold.GetValueOrDefault(c, c);

        private sealed class Node
        {
            public Dictionary<char, Node> Children { get; } = [];

            public bool IsEnd { get; set; }
        }
    }
}
