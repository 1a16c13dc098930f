using System.Text;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Twitter.Http.Internal.Dto;

namespace Grievance.Twitter.Intake.Internal;

/// <summary>
/// Maps X posts to channel-neutral inbound messages, in one place. Lenient by design: a post with missing fields is
/// still mapped, so the intake's validator records it as a rejection with reasons instead of it vanishing here.
/// </summary>
internal static class TweetMapper
{
    public static InboundMessage Map(TweetDto tweet, IReadOnlyDictionary<string, UserDto> users)
    {
        // Long posts: 'text' holds a truncated preview, 'note_tweet' the whole text with its own entities.
        var rawText = tweet.NoteTweet?.Text ?? tweet.Text ?? string.Empty;
        var rawEntities = tweet.NoteTweet?.Text is not null ? tweet.NoteTweet.Entities : tweet.Entities;
        var text = new MappedText(rawText);

        var entities = new List<MessageEntity>();
        var addressed = new List<string>();
        foreach (var mention in rawEntities?.Mentions ?? [])
        {
            if (mention.Username is { Length: > 0 } username && text.TryRange(mention.Start, mention.End, "@" + username, out var start, out var end))
            {
                entities.Add(new MessageEntity { Kind = MessageEntityKind.Mention, Start = start, End = end, Value = username, ReferencedId = mention.Id });
                if (!addressed.Contains(username, StringComparer.OrdinalIgnoreCase))
                {
                    addressed.Add(username);
                }
            }
        }

        AddTags(rawEntities?.Hashtags, MessageEntityKind.Hashtag, '#', text, entities);
        AddTags(rawEntities?.Cashtags, MessageEntityKind.Cashtag, '$', text, entities);
        foreach (var url in rawEntities?.Urls ?? [])
        {
            if (url.Url is { Length: > 0 } shortUrl && text.TryRange(url.Start, url.End, shortUrl, out var start, out var end))
            {
                entities.Add(new MessageEntity { Kind = MessageEntityKind.Url, Start = start, End = end, Value = url.ExpandedUrl ?? shortUrl });
            }
        }

        entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        var author = tweet.AuthorId is not null ? users.GetValueOrDefault(tweet.AuthorId) : null;
        var coordinates = tweet.Geo?.Coordinates?.Coordinates;

        return new InboundMessage
        {
            Channel = Channels.X,

            // An edit creates a new post id; the first id of the edit history identifies the post across edits.
            ExternalId = tweet.EditHistoryTweetIds is [var original, ..] && !string.IsNullOrEmpty(original) ? original : tweet.Id ?? string.Empty,
            ConversationId = tweet.ConversationId,
            InReplyToId = tweet.ReferencedTweets?.FirstOrDefault(r => r.Type == "replied_to")?.Id,
            Author = new Complainant { PlatformId = tweet.AuthorId ?? string.Empty, Handle = author?.Username, DisplayName = author?.Name },
            Text = text.Decoded,
            Entities = entities,
            CreatedAt = tweet.CreatedAt ?? default,
            Language = tweet.Lang is null or "und" or "zxx" ? null : tweet.Lang,
            Geo = coordinates is [var longitude, var latitude] ? new GeoPoint(latitude, longitude) : null,
            AddressedAccounts = addressed,
            IsRepost = tweet.ReferencedTweets?.Any(r => r.Type == "retweeted") == true,
            Attachments = [.. (tweet.Attachments?.MediaKeys ?? []).Select(k => new Attachment { MediaKey = k })],
        };
    }

    private static void AddTags(List<TagDto>? tags, MessageEntityKind kind, char sigil, MappedText text, List<MessageEntity> entities)
    {
        foreach (var tag in tags ?? [])
        {
            if (tag.Tag is { Length: > 0 } value && text.TryRange(tag.Start, tag.End, sigil + value, out var start, out var end))
            {
                entities.Add(new MessageEntity { Kind = kind, Start = start, End = end, Value = value });
            }
        }
    }

    /// <summary>
    /// X's <c>text</c> with <c>&amp;amp;</c>, <c>&amp;lt;</c> and <c>&amp;gt;</c> decoded, and maps X's entity offsets (code points)
    /// to UTF-16 offsets in the decoded text. X has counted offsets over the escaped text at times and over the
    /// unescaped text at others, so both readings are tried and the one whose span holds the entity wins.
    /// </summary>
    internal sealed class MappedText
    {
        private readonly List<int> _fromRawCodePoint = [];
        private readonly List<int> _fromDecodedCodePoint = [];

        public MappedText(string raw)
        {
            var builder = new StringBuilder(raw.Length);
            var i = 0;
            while (i < raw.Length)
            {
                var decoded = raw[i] == '&' ? Entity(raw, i) : null;
                if (decoded is { } entity)
                {
                    // Every code point of the escape sequence maps to the position of the decoded character.
                    for (var k = 0; k < entity.Length; k++)
                    {
                        _fromRawCodePoint.Add(builder.Length);
                    }

                    _fromDecodedCodePoint.Add(builder.Length);
                    builder.Append(entity.Char);
                    i += entity.Length;
                    continue;
                }

                var width = char.IsHighSurrogate(raw[i]) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]) ? 2 : 1;
                _fromRawCodePoint.Add(builder.Length);
                _fromDecodedCodePoint.Add(builder.Length);
                builder.Append(raw, i, width);
                i += width;
            }

            _fromRawCodePoint.Add(builder.Length);
            _fromDecodedCodePoint.Add(builder.Length);
            Decoded = builder.ToString();
        }

        public string Decoded { get; }

        public bool TryRange(int startCodePoint, int endCodePoint, string expected, out int start, out int end)
        {
            foreach (var map in (ReadOnlySpan<List<int>>)[_fromRawCodePoint, _fromDecodedCodePoint])
            {
                if (startCodePoint >= 0 && startCodePoint < endCodePoint && endCodePoint < map.Count)
                {
                    start = map[startCodePoint];
                    end = map[endCodePoint];
                    if (end > start && Decoded.AsSpan(start, end - start).Equals(expected, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            start = end = 0;
            return false;
        }

        private static (char Char, int Length)? Entity(string raw, int index)
        {
            var rest = raw.AsSpan(index);
            return rest.StartsWith("&amp;", StringComparison.Ordinal) ? ('&', 5)
                : rest.StartsWith("&lt;", StringComparison.Ordinal) ? ('<', 4)
                : rest.StartsWith("&gt;", StringComparison.Ordinal) ? ('>', 4)
                : null;
        }
    }
}
