using System.Buffers;
using System.Text.RegularExpressions;

namespace Grievance.Twitter.Text.Internal;

/// <summary>twitter-text's extractors, step for step, on UTF-16 indices.</summary>
internal static class EntityExtractor
{
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int DefaultProtocolLength = 8; // "https://"

    [ThreadStatic]
    private static string? t_lastUrlText;

    [ThreadStatic]
    private static TweetEntity[]? t_lastUrls;

    private static readonly SearchValues<char> PlainDomainChars =
        SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// <c>extractUrlsWithIndices</c> with <c>extractUrlsWithoutProtocol</c> on. The reference scans with a
    /// regular expression from every position; here the same (anchored) expression is tried only where a
    /// match can start: every match ends its domain with a dot and a TLD, and only domain characters, dots,
    /// <c>_</c> and <c>-</c> (plus a preceding character and <c>https://</c>) can come before that dot. The
    /// positions are tried in the same order, so the matches are the same.
    /// </summary>
    /// <remarks>
    /// The result for the last text seen on each thread is kept, because counting and extracting the entities
    /// of one post each need the URLs: the array is never handed out for writing.
    /// </remarks>
    public static TweetEntity[] Urls(string text)
    {
        if (ReferenceEquals(text, t_lastUrlText))
        {
            return t_lastUrls!;
        }

        var urls = FindUrls(text);
        t_lastUrls = urls;
        t_lastUrlText = text;
        return urls;
    }

    private static TweetEntity[] FindUrls(string text)
    {
        var matches = FindUrlMatches(text);
        if (matches.Count == 0)
        {
            return [];
        }

        var urls = new List<TweetEntity>(matches.Count);
        foreach (var m in matches)
        {
            AddUrl(text, m, urls);
        }

        return urls.ToArray();
    }

    /// <summary>The successive matches of <c>extractUrl</c>, as a global regex scan would find them.</summary>
    internal static List<UrlMatch> FindUrlMatches(string text)
    {
        var matches = new List<UrlMatch>();
        var tried = 0;
        var dot = NextTldDot(text, 0);
        while (dot >= 0)
        {
            var runStart = dot;
            while (runStart > 0 && IsDomainRunChar(text[runStart - 1]))
            {
                runStart--;
            }

            UrlMatch? m = null;
            for (var p = Math.Max(tried, runStart - 9); p < dot; p++)
            {
                if (CanStartUrl(text, p, runStart) && UrlMatcher.TryMatchAt(text, p, out var attempt))
                {
                    m = attempt;
                    break;
                }
            }

            if (m is not { } found)
            {
                tried = Math.Max(tried, dot);
                dot = NextTldDot(text, dot + 1);
                continue;
            }

            matches.Add(found);
            tried = found.End;
            dot = NextTldDot(text, tried);
        }

        return matches;
    }

    /// <summary>
    /// A cheap necessary condition for <c>extractUrl</c> to match at <paramref name="p"/>: after the start of
    /// the text or a valid preceding character comes a domain character (which includes the <c>h</c> of a
    /// protocol), and before the domain run only a protocol can start.
    /// </summary>
    private static bool CanStartUrl(string text, int p, int runStart)
    {
        if (p == 0)
        {
            return true;
        }

        if (p + 1 >= text.Length || !CharSets.UrlPreceding.Contains(text[p]))
        {
            return false;
        }

        var next = text[p + 1];
        return p + 1 >= runStart ? CharSets.DomainChars.Contains(next) : next is 'h' or 'H';
    }

    /// <summary>Whether a URL, after its protocol, starts with <c>t.co/</c> in any ASCII case.</summary>
    private static bool IsTcoHost(ReadOnlySpan<char> rest) =>
        rest.Length > 5 && rest[0] is 't' or 'T' && rest[1] == '.' && rest[2] is 'c' or 'C' && rest[3] is 'o' or 'O' && rest[4] == '/';

    /// <summary>The next dot at or after <paramref name="from"/> that a TLD or punycode label could follow.</summary>
    private static int NextTldDot(string text, int from)
    {
        while (from < text.Length)
        {
            var offset = text.AsSpan(from).IndexOf('.');
            var dot = from + offset;
            if (offset < 0 || dot + 1 >= text.Length)
            {
                return -1;
            }

            if (TwitterTextPatterns.TldStart.Contains(text[dot + 1]))
            {
                return dot;
            }

            from = dot + 1;
        }

        return -1;
    }

    /// <summary>A character that can sit between the start of a domain and its last dot.</summary>
    private static bool IsDomainRunChar(char c) => c is '_' or '-' or '.' || CharSets.DomainChars.Contains(c);

    private static void AddUrl(string text, UrlMatch m, List<TweetEntity> urls)
    {
        var domainStart = m.UrlStart + m.ProtocolLength;
        var domain = text[domainStart..m.DomainEnd];
        var endPosition = m.End;
        var startPosition = m.UrlStart;
        var urlLength = m.End - m.UrlStart;

        if (!Punycode.IsAcceptableDomain(domain)
            || (m.ProtocolLength > 0 ? m.ProtocolLength : DefaultProtocolLength) + urlLength > MaxUrlLength)
        {
            return;
        }

        if (m.ProtocolLength == 0)
        {
            if (m.UrlStart > m.Index && text[m.Index] is '-' or '_' or '.' or '/')
            {
                return;
            }

            TweetEntity? last = null;
            if (domain.AsSpan().IndexOfAnyExcept(PlainDomainChars) < 0)
            {
                // Only letters, digits, dots and hyphens: validAsciiDomain matches the whole domain, as the
                // URL pattern just matched it with the same TLD list.
                last = new TweetEntity { Value = domain, Start = startPosition, End = startPosition + domain.Length };
                urls.Add(last);
            }
            else
            {
                var asciiEnd = 0;
                for (var a = TwitterTextPatterns.AsciiDomain.Match(domain); a.Success; a = a.NextMatch())
                {
                    var asciiStart = domain.IndexOf(a.Value, asciiEnd, StringComparison.Ordinal);
                    asciiEnd = asciiStart + a.Length;
                    last = new TweetEntity { Value = a.Value, Start = startPosition + asciiStart, End = startPosition + asciiEnd };
                    urls.Add(last);
                }
            }

            if (last is null)
            {
                return;
            }

            if (m.PathLength > 0)
            {
                // url.replace(domain, asciiDomain): the URL starts with the domain here.
                urls[^1] = last with { Value = string.Concat(last.Value, text.AsSpan(m.DomainEnd, m.End - m.DomainEnd)), End = endPosition };
            }
        }
        else
        {
            var value = text[m.UrlStart..m.End];
            if (IsTcoHost(value.AsSpan(m.ProtocolLength)))
            {
                // ^https?://t\.co/([a-z0-9]+)(?:\?query*queryEnding)? (case-insensitive): the slug and any query.
                var slugStart = startPosition + m.ProtocolLength + 5;
                var slugEnd = slugStart;
                while (slugEnd < m.End && char.IsAsciiLetterOrDigit(text[slugEnd]))
                {
                    slugEnd++;
                }

                if (slugEnd > slugStart)
                {
                    if (slugEnd - slugStart > MaxTcoSlugLength)
                    {
                        return;
                    }

                    var tcoEnd = slugEnd;
                    if (slugEnd < m.End && text[slugEnd] == '?' && UrlMatcher.LastQueryEnding(text, slugEnd + 1, m.End) is var queryEnd && queryEnd > 0)
                    {
                        tcoEnd = queryEnd;
                    }

                    value = text[startPosition..tcoEnd];
                    endPosition = tcoEnd;
                }
            }

            urls.Add(new TweetEntity { Value = value, Start = startPosition, End = endPosition });
        }
    }

    /// <summary>
    /// <c>extractMentionsOrListsWithIndices</c>. The reference's <c>validMentionOrList</c> expression is
    /// <c>(before)[@＠](name{1,20})(/list)?</c>, where <c>before</c> is, in order of preference: the start of
    /// the text; one character other than <c>a-zA-Z0-9_!#$%&amp;*@＠</c>; or <c>rt</c>/<c>RT</c>/<c>rT</c>/<c>Rt</c>
    /// with an optional colon, at the start or after a character other than <c>a-zA-Z0-9_+~.-</c>. It is
    /// emulated here position by position, in the order the expression would try them, so the result is the
    /// same without running the expression from every position.
    /// </summary>
    public static List<TweetEntity> MentionsOrLists(string text)
    {
        var names = new List<TweetEntity>();
        var span = text.AsSpan();
        var lastIndex = 0;
        var nextCandidate = 0;
        var searchFrom = 0;
        while (searchFrom < span.Length)
        {
            var offset = span[searchFrom..].IndexOfAny('@', '\uFF20');
            if (offset < 0)
            {
                break;
            }

            var at = searchFrom + offset;
            searchFrom = at + 1;

            // A match whose at sign is here starts between at - 4 ("Xrt:@") and at ("^@").
            var found = false;
            for (var p = Math.Max(Math.Max(lastIndex, nextCandidate), at - 4); p <= at && !found; p++)
            {
                var sign = MentionSignAt(span, p);
                if (sign < 0)
                {
                    continue;
                }

                found = true;
                var nameEnd = sign + 1;
                while (nameEnd < span.Length && nameEnd - sign <= 20 && IsNameChar(span[nameEnd]))
                {
                    nameEnd++;
                }

                var listEnd = nameEnd;
                if (nameEnd + 1 < span.Length && span[nameEnd] == '/' && char.IsAsciiLetter(span[nameEnd + 1]))
                {
                    listEnd = nameEnd + 2;
                    while (listEnd < span.Length && listEnd - nameEnd <= 25 && (IsNameChar(span[listEnd]) || span[listEnd] == '-'))
                    {
                        listEnd++;
                    }
                }

                lastIndex = listEnd;
                searchFrom = Math.Max(searchFrom, listEnd);
                if (IsMentionEnd(text, listEnd))
                {
                    continue;
                }

                names.Add(new TweetEntity
                {
                    Value = text[(sign + 1)..nameEnd],
                    ListSlug = text[nameEnd..listEnd],
                    Start = sign,
                    End = listEnd,
                });
            }

            nextCandidate = Math.Max(nextCandidate, at + 1);
        }

        return names;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// The index of the at sign of a mention that <c>validMentionOrList</c> matches when it starts at
    /// <paramref name="p"/>, or -1. The alternatives of <c>before</c> are tried in the expression's order.
    /// </summary>
    private static int MentionSignAt(ReadOnlySpan<char> text, int p)
    {
        // ^
        if (p == 0 && IsMentionStart(text, 0))
        {
            return 0;
        }

        if (p >= text.Length)
        {
            return -1;
        }

        // [^a-zA-Z0-9_!#$%&*@＠]
        var c = text[p];
        if (!IsNameChar(c) && c is not ('!' or '#' or '$' or '%' or '&' or '*' or '@' or '\uFF20') && IsMentionStart(text, p + 1))
        {
            return p + 1;
        }

        // (?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?
        if (p == 0 && IsRetweetMarker(text, 0))
        {
            var sign = AfterRetweetMarker(text, 2);
            if (sign >= 0)
            {
                return sign;
            }
        }

        if (!IsNameChar(c) && c is not ('+' or '~' or '.' or '-') && IsRetweetMarker(text, p + 1))
        {
            return AfterRetweetMarker(text, p + 3);
        }

        return -1;
    }

    /// <summary>The at sign after <c>rt</c> and an optional colon (tried first, as <c>:?</c> is greedy), or -1.</summary>
    private static int AfterRetweetMarker(ReadOnlySpan<char> text, int index)
    {
        if (index < text.Length && text[index] == ':' && IsMentionStart(text, index + 1))
        {
            return index + 1;
        }

        return IsMentionStart(text, index) ? index : -1;
    }

    private static bool IsRetweetMarker(ReadOnlySpan<char> text, int index) =>
        index + 1 < text.Length && text[index] is 'r' or 'R' && text[index + 1] is 't' or 'T';

    /// <summary>An at sign followed by at least one screen name character.</summary>
    private static bool IsMentionStart(ReadOnlySpan<char> text, int index) =>
        index + 1 < text.Length && text[index] is '@' or '\uFF20' && IsNameChar(text[index + 1]);

    /// <summary><c>endMentionMatch</c> on the text after <paramref name="index"/>.</summary>
    private static bool IsMentionEnd(string text, int index) =>
        index < text.Length
        && (text[index] is '@' or '\uFF20' || CharSets.MentionEndLatin.Contains(text[index])
            || text.AsSpan(index).StartsWith("://", StringComparison.Ordinal));

    /// <summary><c>extractReplies</c>.</summary>
    public static string? Reply(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var m = TwitterTextPatterns.Reply().Match(text);
        return !m.Success || IsMentionEnd(text, m.Index + m.Length) ? null : m.Groups["name"].Value;
    }

    /// <summary>
    /// <c>extractHashtagsWithIndices</c>, with or without removing hashtags that overlap URLs. The reference's
    /// <c>validHashtag</c> expression is <c>(boundary)[#＃](?!\uFE0F|\u20E3)(alnum* alpha alnum*)</c>, where the
    /// boundary is the start of the text, U+FE0E, U+FE0F, or one code point that is neither alphanumeric nor
    /// <c>&amp;</c>; it is emulated here around each hash sign, which gives the same matches.
    /// </summary>
    public static List<TweetEntity> Hashtags(string text, bool checkUrlOverlap)
    {
        var tags = new List<TweetEntity>();
        if (text.AsSpan().IndexOfAny('#', '\uFF03') < 0)
        {
            return tags;
        }

        var span = text.AsSpan();
        var lastIndex = 0;
        var searchFrom = 0;
        while (searchFrom < span.Length)
        {
            var offset = span[searchFrom..].IndexOfAny('#', '\uFF03');
            if (offset < 0)
            {
                break;
            }

            var hash = searchFrom + offset;
            searchFrom = hash + 1;
            var start = HashtagMatchStart(span, hash);
            if (start == int.MaxValue || start < lastIndex || (hash + 1 < span.Length && span[hash + 1] is '\uFE0F' or '\u20E3'))
            {
                continue;
            }

            // (alnum* alpha alnum*): the longest run of alphanumerics, if it holds a letter or mark.
            var end = hash + 1;
            var hasAlpha = false;
            while (end < span.Length)
            {
                var c = span[end];
                if (char.IsHighSurrogate(c) && end + 1 < span.Length && char.IsLowSurrogate(span[end + 1]))
                {
                    var codePoint = char.ConvertToUtf32(c, span[end + 1]);
                    if (!CharSets.InAstralRanges(TwitterTextData.HashtagAlphaNumericAstral, codePoint))
                    {
                        break;
                    }

                    hasAlpha |= CharSets.InAstralRanges(TwitterTextData.HashtagAlphaAstral, codePoint);
                    end += 2;
                }
                else
                {
                    if (!CharSets.HashtagAlphaNumeric.Contains(c))
                    {
                        break;
                    }

                    hasAlpha |= CharSets.HashtagAlpha.Contains(c);
                    end++;
                }
            }

            if (!hasAlpha)
            {
                continue;
            }

            lastIndex = end;
            searchFrom = end;
            if (end < span.Length && (span[end] is '#' or '\uFF03' || span[end..].StartsWith("://", StringComparison.Ordinal)))
            {
                continue;
            }

            tags.Add(new TweetEntity { Value = text[(hash + 1)..end], Start = hash, End = end });
        }

        if (checkUrlOverlap && tags.Count > 0)
        {
            var urls = Urls(text);
            if (urls.Length > 0)
            {
                tags = RemoveOverlappingUrls(tags, urls);
            }
        }

        return tags;
    }

    /// <summary>Where a hashtag match would start for the hash sign at <paramref name="hash"/> (its boundary), or <see cref="int.MaxValue"/>.</summary>
    private static int HashtagMatchStart(ReadOnlySpan<char> text, int hash)
    {
        if (hash == 0)
        {
            return 0;
        }

        var previous = text[hash - 1];
        if (previous is '\uFE0E' or '\uFE0F')
        {
            return hash - 1;
        }

        if (char.IsLowSurrogate(previous))
        {
            return hash >= 2 && char.IsHighSurrogate(text[hash - 2])
                && !CharSets.InAstralRanges(TwitterTextData.HashtagAlphaNumericAstral, char.ConvertToUtf32(text[hash - 2], previous))
                ? hash - 2
                : int.MaxValue;
        }

        return char.IsSurrogate(previous) || previous == '&' || CharSets.HashtagAlphaNumeric.Contains(previous) ? int.MaxValue : hash - 1;
    }

    /// <summary>
    /// <c>removeOverlappingEntities</c> on <c>tags.concat(urls)</c>, keeping the hashtags: a stable sort by
    /// start (a hashtag before a URL with the same start), then every entity that starts before the previous
    /// kept one ends is dropped. Both lists are already in order, so the sort is a merge.
    /// </summary>
    internal static List<TweetEntity> RemoveOverlappingUrls(List<TweetEntity> tags, TweetEntity[] urls)
    {
        var kept = new List<TweetEntity>(tags.Count);
        var previousEnd = int.MinValue;
        var u = 0;
        foreach (var tag in tags)
        {
            for (; u < urls.Length && urls[u].Start < tag.Start; u++)
            {
                if (previousEnd <= urls[u].Start)
                {
                    previousEnd = urls[u].End;
                }
            }

            if (previousEnd <= tag.Start)
            {
                kept.Add(tag);
                previousEnd = tag.End;
            }
        }

        return kept;
    }

    /// <summary>
    /// <c>extractCashtagsWithIndices</c>: the reference's <c>validCashtag</c> expression,
    /// <c>(^|spaces)\$([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=$|\s|punct)</c> (case-insensitive), emulated around each
    /// dollar sign.
    /// </summary>
    public static List<TweetEntity> Cashtags(string text)
    {
        var tags = new List<TweetEntity>();
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return tags;
        }

        var span = text.AsSpan();
        var lastIndex = 0;
        var searchFrom = 0;
        while (searchFrom < span.Length)
        {
            var offset = span[searchFrom..].IndexOf('$');
            if (offset < 0)
            {
                break;
            }

            var dollar = searchFrom + offset;
            searchFrom = dollar + 1;

            // (^|spaces): the start of the text, or one space character not used by the previous match.
            if (!(dollar == 0 || (dollar - 1 >= lastIndex && IsCashtagSpace(span[dollar - 1]))))
            {
                continue;
            }

            // [a-z]{1,6}(?:[._][a-z]{1,2})? followed by the end, a space or punctuation. A shorter run of
            // letters is always followed by a letter, so only the whole run (if at most 6) can match.
            var letters = dollar + 1;
            while (letters < span.Length && char.IsAsciiLetter(span[letters]))
            {
                letters++;
            }

            var count = letters - dollar - 1;
            if (count is < 1 or > 6)
            {
                continue;
            }

            var end = -1;
            if (letters + 1 < span.Length && span[letters] is '.' or '_' && char.IsAsciiLetter(span[letters + 1]))
            {
                var suffix = letters + 2 < span.Length && char.IsAsciiLetter(span[letters + 2]) ? letters + 3 : letters + 2;
                for (var e = suffix; e >= letters + 2 && end < 0; e--)
                {
                    if (IsCashtagEnd(span, e))
                    {
                        end = e;
                    }
                }
            }

            if (end < 0 && IsCashtagEnd(span, letters))
            {
                end = letters;
            }

            if (end < 0)
            {
                continue;
            }

            lastIndex = end;
            searchFrom = end;
            tags.Add(new TweetEntity { Value = text[(dollar + 1)..end], Start = dollar, End = end });
        }

        return tags;
    }

    /// <summary>The reference's <c>spaces</c> class.</summary>
    private static bool IsCashtagSpace(char c) =>
        c is (>= '\u0009' and <= '\u000D') or ' ' or '\u0085' or '\u00A0' or '\u1680' or '\u180E' or (>= '\u2000' and <= '\u200A')
            or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    /// <summary><c>(?=$|\s|[punct])</c>, with JavaScript's <c>\s</c>.</summary>
    private static bool IsCashtagEnd(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return true;
        }

        var c = text[index];
        return c is (>= '\u0009' and <= '\u000D') or ' ' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A')
                or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF'
            || "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$".Contains(c, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>isValidUrl</c>: the URL must split into scheme, authority, path, query and fragment, and the first
    /// match of each part's pattern must be the whole part.
    /// </summary>
    public static bool IsValidUrl(string url, bool unicodeDomains, bool requireProtocol)
    {
        if (url.Length == 0)
        {
            return false;
        }

        var patterns = TwitterTextPatterns.ValidateUrl;
        var parts = patterns.Unencoded.Match(url);
        if (!parts.Success)
        {
            return false;
        }

        var scheme = parts.Groups[1];
        if (requireProtocol
            && !(scheme.Success && IsWholeMatch(scheme.Value, patterns.Scheme)
                 && (scheme.Value.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Value.Equals("https", StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        if (!IsWholeMatch(parts.Groups[3].Value, patterns.Path)
            || !IsOptionalWholeMatch(parts.Groups[4], patterns.QueryOrFragment)
            || !IsOptionalWholeMatch(parts.Groups[5], patterns.QueryOrFragment))
        {
            return false;
        }

        return IsWholeMatch(parts.Groups[2].Value, unicodeDomains ? patterns.UnicodeAuthority : patterns.Authority);
    }

    private static bool IsWholeMatch(string value, Regex regex)
    {
        var m = regex.Match(value);
        return m.Success && m.Index == 0 && m.Length == value.Length;
    }

    private static bool IsOptionalWholeMatch(Group group, Regex regex) =>
        !group.Success || group.Length == 0 || IsWholeMatch(group.Value, regex);
}
