using Grievance.Twitter.Text.Internal;

namespace Grievance.Twitter.Text;

/// <summary>
/// X's own text rules: weighted length, validity and entity extraction, matching twitter-text 3.1.0
/// (the reference JavaScript implementation) on every input, including its quirks.
/// </summary>
/// <remarks>
/// <para>
/// All indices are UTF-16 code unit offsets (.NET string indices), start inclusive and end exclusive, as in
/// twitter-text's JavaScript and Java implementations.
/// </para>
/// <para>
/// Emoji are counted with the emoji data the reference ships (twemoji-parser 11.0.2, Emoji 11). A sequence
/// that data does not know, such as <c>🧑‍🤝‍🧑</c> (Emoji 12) or a newer skin-tone or ZWJ combination, is counted
/// code point by code point with the configuration's weights, exactly as the reference and X count it: never less.
/// Counting such a sequence as a single emoji would under-count, and X would reject a post the count accepted.
/// </para>
/// </remarks>
public static class TweetText
{
    /// <summary>
    /// Computes a text's weighted length and validity (twitter-text's <c>parseTweet</c>).
    /// </summary>
    /// <param name="text">The text, as it will be posted.</param>
    /// <param name="config">The weighting; <see langword="null"/> means <see cref="TweetTextConfig.V3"/>, X's current one.</param>
    /// <returns>The weighted length, validity and ranges.</returns>
    /// <remarks>
    /// <para>
    /// The text is first normalised to NFC. Each URL (with or without protocol, as <see cref="ExtractUrlsWithIndices"/>
    /// finds them) counts <see cref="TweetTextConfig.TransformedUrlLength"/>. With <see cref="TweetTextConfig.EmojiParsingEnabled"/>,
    /// each emoji sequence known to the reference's emoji data counts <see cref="TweetTextConfig.DefaultWeight"/>;
    /// an emoji sequence newer than that data is counted code point by code point, as the reference does (for example
    /// <c>🧑‍🤝‍🧑</c> counts 8 under <see cref="TweetTextConfig.V3"/>), so the count is never below X's.
    /// Every other code point weighs as its range in the configuration says.
    /// </para>
    /// <para>The text is invalid when it is empty, too long, or holds U+FFFE, U+FEFF or U+FFFF.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="config"/> has a scale or maximum below 1, or a negative weight.</exception>
    public static TweetTextParseResult Parse(string text, TweetTextConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        config ??= TweetTextConfig.V3;
        config.Validate(nameof(config));
        return WeightedLengthCounter.Parse(text, config);
    }

    /// <summary>Extracts the screen names mentioned in a text, without <c>@</c>; list mentions (<c>@user/list</c>) are left out.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The screen names in order of appearance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> ExtractMentions(string text) =>
        ExtractMentionsWithIndices(text).Select(e => e.Value).ToArray();

    /// <summary>Extracts the mentions of a text with their positions; list mentions (<c>@user/list</c>) are left out.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The mentions in order of appearance; <see cref="TweetEntity.Value"/> is the screen name without <c>@</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<TweetEntity> ExtractMentionsWithIndices(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EntityExtractor.MentionsOrLists(text).Where(e => e.ListSlug.Length == 0).ToArray();
    }

    /// <summary>Extracts the mentions and list mentions of a text with their positions.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The entities in order of appearance; a list mention has a <see cref="TweetEntity.ListSlug"/> such as <c>/slug</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<TweetEntity> ExtractMentionsOrListsWithIndices(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EntityExtractor.MentionsOrLists(text);
    }

    /// <summary>Extracts the screen name a text replies to: a mention at its very start, after optional spaces (twitter-text's <c>extractReplies</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The screen name without <c>@</c>, or <see langword="null"/> when the text does not start with a mention.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string? ExtractReplyScreenName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EntityExtractor.Reply(text);
    }

    /// <summary>Extracts the URLs of a text, including ones without protocol such as <c>example.com</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The URLs in order of appearance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> ExtractUrls(string text) =>
        ExtractUrlsWithIndices(text).Select(e => e.Value).ToArray();

    /// <summary>Extracts the URLs of a text with their positions, including ones without protocol such as <c>example.com</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The URLs in order of appearance. A t.co URL ends after its slug and query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<TweetEntity> ExtractUrlsWithIndices(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Array.AsReadOnly(EntityExtractor.Urls(text));
    }

    /// <summary>Extracts the hashtags of a text, without <c>#</c>. Hashtags inside URLs are left out.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hashtags in order of appearance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> ExtractHashtags(string text) =>
        ExtractHashtagsWithIndices(text).Select(e => e.Value).ToArray();

    /// <summary>Extracts the hashtags of a text with their positions. Hashtags inside URLs are left out.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hashtags in order of appearance; <see cref="TweetEntity.Value"/> is the tag without <c>#</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<TweetEntity> ExtractHashtagsWithIndices(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EntityExtractor.Hashtags(text, checkUrlOverlap: true);
    }

    /// <summary>Extracts the cashtags (<c>$TICKER</c>) of a text, without <c>$</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cashtags in order of appearance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> ExtractCashtags(string text) =>
        ExtractCashtagsWithIndices(text).Select(e => e.Value).ToArray();

    /// <summary>Extracts the cashtags (<c>$TICKER</c>) of a text with their positions.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cashtags in order of appearance; <see cref="TweetEntity.Value"/> is the tag without <c>$</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<TweetEntity> ExtractCashtagsWithIndices(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EntityExtractor.Cashtags(text);
    }

    /// <summary>Tells whether a text is exactly one mention, such as <c>@user</c>.</summary>
    /// <param name="username">The text, including <c>@</c>.</param>
    /// <returns><see langword="true"/> when it is a valid mention of a screen name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="username"/> is <see langword="null"/>.</exception>
    public static bool IsValidUsername(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (username.Length == 0)
        {
            return false;
        }

        var mentions = ExtractMentions(username);
        return mentions.Count == 1 && username.AsSpan(1).SequenceEqual(mentions[0]);
    }

    /// <summary>Tells whether a text is exactly one list mention, such as <c>@user/list</c>.</summary>
    /// <param name="usernameList">The text, including <c>@</c>.</param>
    /// <returns><see langword="true"/> when it is a valid list mention.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="usernameList"/> is <see langword="null"/>.</exception>
    public static bool IsValidList(string usernameList)
    {
        ArgumentNullException.ThrowIfNull(usernameList);
        var m = TwitterTextPatterns.WholeMentionOrList().Match(usernameList);
        return m.Success && m.Groups["before"].Length == 0 && m.Groups["list"].Length > 0;
    }

    /// <summary>Tells whether a text is exactly one hashtag, such as <c>#tag</c>.</summary>
    /// <param name="hashtag">The text, including <c>#</c>.</param>
    /// <returns><see langword="true"/> when it is a valid hashtag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hashtag"/> is <see langword="null"/>.</exception>
    public static bool IsValidHashtag(string hashtag)
    {
        ArgumentNullException.ThrowIfNull(hashtag);
        if (hashtag.Length == 0)
        {
            return false;
        }

        var tags = ExtractHashtags(hashtag);
        return tags.Count == 1 && hashtag.AsSpan(1).SequenceEqual(tags[0]);
    }

    /// <summary>Tells whether a text is a valid URL by twitter-text's rules (<c>isValidUrl</c>).</summary>
    /// <param name="url">The URL.</param>
    /// <param name="unicodeDomains">Whether the host may hold non-ASCII characters.</param>
    /// <param name="requireProtocol">Whether the URL must start with <c>http://</c> or <c>https://</c>.</param>
    /// <returns><see langword="true"/> when the URL is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    public static bool IsValidUrl(string url, bool unicodeDomains = true, bool requireProtocol = true)
    {
        ArgumentNullException.ThrowIfNull(url);
        return EntityExtractor.IsValidUrl(url, unicodeDomains, requireProtocol);
    }

    /// <summary>
    /// Shortens a text so that its weighted length (under <see cref="TweetTextConfig.V3"/>) is at most
    /// <paramref name="maxWeightedLength"/>, appending <paramref name="ellipsis"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxWeightedLength">The largest weighted length of the result.</param>
    /// <param name="ellipsis">The text that marks the cut; it counts towards the length.</param>
    /// <returns>
    /// The text itself when it already fits; otherwise the longest prefix that fits with the ellipsis, cut only
    /// between grapheme clusters (never inside an emoji sequence or an Indic conjunct), never inside a URL,
    /// mention, hashtag or cashtag, and at a space when that keeps most of the text. The result always parses
    /// to at most <paramref name="maxWeightedLength"/>; when not even the ellipsis fits, it is empty.
    /// </returns>
    /// <remarks>Only the length is handled: a text holding an invalid character (U+FFFE, U+FEFF, U+FFFF) keeps it.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="ellipsis"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWeightedLength"/> is negative.</exception>
    public static string Truncate(string text, int maxWeightedLength = 280, string ellipsis = "…")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ellipsis);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWeightedLength);
        return Truncator.Truncate(text, maxWeightedLength, ellipsis);
    }
}
