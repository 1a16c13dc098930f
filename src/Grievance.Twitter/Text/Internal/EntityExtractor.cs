using System.Text.RegularExpressions;

namespace Grievance.Twitter.Text.Internal;

/// <summary>twitter-text's extractors, step for step, on UTF-16 indices.</summary>
internal static class EntityExtractor
{
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int DefaultProtocolLength = 8; // "https://"

    /// <summary><c>extractUrlsWithIndices</c> with <c>extractUrlsWithoutProtocol</c> on.</summary>
    public static List<TweetEntity> Urls(string text)
    {
        var urls = new List<TweetEntity>();
        var firstDot = text.AsSpan().IndexOf('.');
        if (firstDot < 0)
        {
            return urls;
        }

        // No match can start before the run of domain characters that ends at the first dot, less room for
        // a preceding character and "https://"; starting the scan there finds the same matches.
        var runStart = firstDot;
        while (runStart > 0 && IsDomainOrJoinChar(text[runStart - 1]))
        {
            runStart--;
        }

        for (var m = TwitterTextPatterns.Url.Match(text, Math.Max(0, runStart - 9)); m.Success; m = m.NextMatch())
        {
            var url = m.Groups["url"];
            var protocol = m.Groups["protocol"];
            var domain = m.Groups["domain"].Value;
            var path = m.Groups["path"];
            var before = m.Groups["before"];
            var endPosition = m.Index + m.Length;
            var startPosition = url.Index;

            if (!Punycode.IsAcceptableDomain(domain)
                || (protocol.Length > 0 ? protocol.Length : DefaultProtocolLength) + url.Length > MaxUrlLength)
            {
                continue;
            }

            if (protocol.Length == 0)
            {
                if (before.Length > 0 && text[before.Index + before.Length - 1] is '-' or '_' or '.' or '/')
                {
                    continue;
                }

                TweetEntity? last = null;
                var asciiEnd = 0;
                for (var a = TwitterTextPatterns.AsciiDomain.Match(domain); a.Success; a = a.NextMatch())
                {
                    var asciiStart = domain.IndexOf(a.Value, asciiEnd, StringComparison.Ordinal);
                    asciiEnd = asciiStart + a.Length;
                    last = new TweetEntity { Value = a.Value, Start = startPosition + asciiStart, End = startPosition + asciiEnd };
                    urls.Add(last);
                }

                if (last is null)
                {
                    continue;
                }

                if (path.Length > 0)
                {
                    // url.replace(domain, asciiDomain): the URL starts with the domain here.
                    urls[^1] = last with { Value = string.Concat(last.Value, url.ValueSpan[domain.Length..]), End = endPosition };
                }
            }
            else
            {
                var value = url.Value;
                var tco = TwitterTextPatterns.TcoUrl.Match(value);
                if (tco.Success)
                {
                    if (tco.Groups["slug"].Length > MaxTcoSlugLength)
                    {
                        continue;
                    }

                    value = tco.Value;
                    endPosition = startPosition + value.Length;
                }

                urls.Add(new TweetEntity { Value = value, Start = startPosition, End = endPosition });
            }
        }

        return urls;
    }

    /// <summary>A character that can sit between the start of a domain and its first dot.</summary>
    private static bool IsDomainOrJoinChar(char c) =>
        c is '_' or '-' || TwitterTextPatterns.InRanges(TwitterTextData.DomainChars, c);

    /// <summary><c>extractMentionsOrListsWithIndices</c>.</summary>
    public static List<TweetEntity> MentionsOrLists(string text)
    {
        var names = new List<TweetEntity>();
        if (text.AsSpan().IndexOfAny('@', '\uFF20') < 0)
        {
            return names;
        }

        for (var m = TwitterTextPatterns.MentionOrList().Match(text); m.Success; m = m.NextMatch())
        {
            if (IsMentionEnd(text, m.Index + m.Length))
            {
                continue;
            }

            var name = m.Groups["name"];
            var list = m.Groups["list"];
            var start = m.Groups["before"].Length + m.Index;
            names.Add(new TweetEntity
            {
                Value = name.Value,
                ListSlug = list.Value,
                Start = start,
                End = start + name.Length + list.Length + 1,
            });
        }

        return names;
    }

    /// <summary><c>endMentionMatch</c> on the text after <paramref name="index"/>.</summary>
    private static bool IsMentionEnd(string text, int index) =>
        index < text.Length
        && (TwitterTextPatterns.IsMentionTerminator(text[index]) || text.AsSpan(index).StartsWith("://", StringComparison.Ordinal));

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

    /// <summary><c>extractHashtagsWithIndices</c>, with or without removing hashtags that overlap URLs.</summary>
    public static List<TweetEntity> Hashtags(string text, bool checkUrlOverlap)
    {
        var tags = new List<TweetEntity>();
        if (text.AsSpan().IndexOfAny('#', '\uFF03') < 0)
        {
            return tags;
        }

        for (var m = TwitterTextPatterns.Hashtag.Match(text); m.Success; m = m.NextMatch())
        {
            var end = m.Index + m.Length;
            if (end < text.Length && (text[end] is '#' or '\uFF03' || text.AsSpan(end).StartsWith("://", StringComparison.Ordinal)))
            {
                continue;
            }

            var tag = m.Groups["tag"];
            var start = m.Index + m.Groups["before"].Length;
            tags.Add(new TweetEntity { Value = tag.Value, Start = start, End = start + tag.Length + 1 });
        }

        if (checkUrlOverlap && tags.Count > 0)
        {
            var urls = Urls(text);
            if (urls.Count > 0)
            {
                var kept = new List<TweetEntity>(tags.Count);
                foreach (var (entity, isTag) in RemoveOverlapping(tags, urls))
                {
                    if (isTag)
                    {
                        kept.Add(entity);
                    }
                }

                tags = kept;
            }
        }

        return tags;
    }

    /// <summary>
    /// <c>removeOverlappingEntities</c> on <c>first.concat(second)</c>: a stable sort by start, then every
    /// entity that starts before the previous kept one ends is dropped.
    /// </summary>
    internal static List<(TweetEntity Entity, bool FromFirst)> RemoveOverlapping(List<TweetEntity> first, List<TweetEntity> second)
    {
        var all = new List<(TweetEntity Entity, bool FromFirst)>(first.Count + second.Count);
        foreach (var e in first)
        {
            all.Add((e, true));
        }

        foreach (var e in second)
        {
            all.Add((e, false));
        }

        // A stable sort: ties keep concatenation order, as in JavaScript.
        var sorted = all.Select((e, i) => (e, i)).OrderBy(p => p.e.Entity.Start).ThenBy(p => p.i).Select(p => p.e).ToList();
        var result = new List<(TweetEntity, bool)>(sorted.Count);
        TweetEntity? previous = null;
        foreach (var item in sorted)
        {
            if (previous is not null && previous.End > item.Entity.Start)
            {
                continue;
            }

            result.Add(item);
            previous = item.Entity;
        }

        return result;
    }

    /// <summary><c>extractCashtagsWithIndices</c>.</summary>
    public static List<TweetEntity> Cashtags(string text)
    {
        var tags = new List<TweetEntity>();
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return tags;
        }

        for (var m = TwitterTextPatterns.Cashtag().Match(text); m.Success; m = m.NextMatch())
        {
            var tag = m.Groups["tag"];
            var start = m.Index + m.Groups["before"].Length;
            tags.Add(new TweetEntity { Value = tag.Value, Start = start, End = start + tag.Length + 1 });
        }

        return tags;
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
