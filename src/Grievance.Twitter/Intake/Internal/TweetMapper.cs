using System.Buffers;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Twitter.Http.Internal.Dto;

namespace Grievance.Twitter.Intake.Internal;

/// <summary>
/// Maps X posts to channel-neutral inbound messages, in one place. Lenient by design: a post with missing fields is
/// still mapped, so the intake's validator records it as a rejection with reasons instead of it vanishing here.
/// </summary>
/// <remarks>
/// Runs for every post of every page read, so it avoids work a post does not need: text without <c>&amp;</c> is not
/// copied, offsets are mapped only when a post has entities, and not at all when the text is all single-unit code
/// points without escapes (code point and UTF-16 offsets are then the same).
/// </remarks>
internal static class TweetMapper
{
    public static InboundMessage Map(TweetDto tweet, IReadOnlyDictionary<string, UserDto> users)
    {
        ArgumentNullException.ThrowIfNull(tweet);
        ArgumentNullException.ThrowIfNull(users);

        // Long posts: 'text' holds a truncated preview, 'note_tweet' the whole text with its own entities.
        var noteText = tweet.NoteTweet?.Text;
        var rawText = noteText ?? tweet.Text ?? string.Empty;
        var rawEntities = noteText is not null ? tweet.NoteTweet!.Entities : tweet.Entities;
        using var text = new MappedText(rawText);

        IReadOnlyList<MessageEntity> entities = [];
        IReadOnlyList<string> addressed = [];
        var entityCount = (rawEntities?.Mentions?.Count ?? 0) + (rawEntities?.Hashtags?.Count ?? 0)
            + (rawEntities?.Cashtags?.Count ?? 0) + (rawEntities?.Urls?.Count ?? 0);
        if (entityCount > 0)
        {
            var found = new List<MessageEntity>(entityCount);
            addressed = AddMentions(rawEntities!.Mentions, text, found);
            AddTags(rawEntities.Hashtags, MessageEntityKind.Hashtag, '#', text, found);
            AddTags(rawEntities.Cashtags, MessageEntityKind.Cashtag, '$', text, found);
            AddUrls(rawEntities.Urls, text, found);
            if (!IsSorted(found))
            {
                found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            }

            entities = found;
        }

        var author = tweet.AuthorId is not null ? users.GetValueOrDefault(tweet.AuthorId) : null;
        var coordinates = tweet.Geo?.Coordinates?.Coordinates;
        var (inReplyToId, isRepost) = References(tweet.ReferencedTweets);

        return new InboundMessage
        {
            Channel = Channels.X,

            // An edit creates a new post id; the first id of the edit history identifies the post across edits.
            ExternalId = tweet.EditHistoryTweetIds is [var original, ..] && !string.IsNullOrEmpty(original) ? original : tweet.Id ?? string.Empty,
            ConversationId = tweet.ConversationId,
            InReplyToId = inReplyToId,
            Author = new Complainant { PlatformId = tweet.AuthorId ?? string.Empty, Handle = author?.Username, DisplayName = author?.Name },
            Text = text.Decoded,
            Entities = entities,
            CreatedAt = tweet.CreatedAt ?? default,
            Language = tweet.Lang is null or "und" or "zxx" ? null : tweet.Lang,
            Geo = coordinates is [var longitude, var latitude] ? new GeoPoint(latitude, longitude) : null,
            AddressedAccounts = addressed,
            IsRepost = isRepost,
            Attachments = Attachments(tweet.Attachments?.MediaKeys),
        };
    }

    /// <summary>Decodes X's <c>&amp;amp;</c>, <c>&amp;lt;</c> and <c>&amp;gt;</c>; returns the same string when there is nothing to decode.</summary>
    public static string Decode(string raw)
    {
        using var text = new MappedText(raw);
        return text.Decoded;
    }

    private static List<string> AddMentions(List<MentionDto>? mentions, MappedText text, List<MessageEntity> entities)
    {
        var addressed = new List<string>(mentions?.Count ?? 0);
        if (mentions is null)
        {
            return addressed;
        }

        foreach (var mention in mentions)
        {
            if (mention.Username is { Length: > 0 } username && text.TryRange(mention.Start, mention.End, '@', username, out var start, out var end))
            {
                entities.Add(new MessageEntity { Kind = MessageEntityKind.Mention, Start = start, End = end, Value = username, ReferencedId = mention.Id });
                if (!ContainsIgnoreCase(addressed, username))
                {
                    addressed.Add(username);
                }
            }
        }

        return addressed;
    }

    private static void AddTags(List<TagDto>? tags, MessageEntityKind kind, char sigil, MappedText text, List<MessageEntity> entities)
    {
        if (tags is null)
        {
            return;
        }

        foreach (var tag in tags)
        {
            if (tag.Tag is { Length: > 0 } value && text.TryRange(tag.Start, tag.End, sigil, value, out var start, out var end))
            {
                entities.Add(new MessageEntity { Kind = kind, Start = start, End = end, Value = value });
            }
        }
    }

    private static void AddUrls(List<UrlDto>? urls, MappedText text, List<MessageEntity> entities)
    {
        if (urls is null)
        {
            return;
        }

        foreach (var url in urls)
        {
            if (url.Url is { Length: > 0 } shortUrl && text.TryRange(url.Start, url.End, sigil: null, shortUrl, out var start, out var end))
            {
                entities.Add(new MessageEntity { Kind = MessageEntityKind.Url, Start = start, End = end, Value = url.ExpandedUrl ?? shortUrl });
            }
        }
    }

    private static bool ContainsIgnoreCase(List<string> values, string value)
    {
        foreach (var existing in values)
        {
            if (string.Equals(existing, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSorted(List<MessageEntity> entities)
    {
        for (var i = 1; i < entities.Count; i++)
        {
            if (entities[i - 1].Start > entities[i].Start)
            {
                return false;
            }
        }

        return true;
    }

    private static (string? InReplyToId, bool IsRepost) References(List<ReferencedTweetDto>? references)
    {
        string? inReplyToId = null;
        var replied = false;
        var isRepost = false;
        if (references is not null)
        {
            foreach (var reference in references)
            {
                if (!replied && reference.Type == "replied_to")
                {
                    inReplyToId = reference.Id;
                    replied = true;
                }
                else if (reference.Type == "retweeted")
                {
                    isRepost = true;
                }
            }
        }

        return (inReplyToId, isRepost);
    }

    private static Attachment[] Attachments(List<string>? mediaKeys)
    {
        if (mediaKeys is not { Count: > 0 })
        {
            return [];
        }

        var attachments = new Attachment[mediaKeys.Count];
        for (var i = 0; i < attachments.Length; i++)
        {
            attachments[i] = new Attachment { MediaKey = mediaKeys[i] };
        }

        return attachments;
    }

    /// <summary>
    /// X's <c>text</c> with <c>&amp;amp;</c>, <c>&amp;lt;</c> and <c>&amp;gt;</c> decoded, and maps X's entity offsets (code points)
    /// to UTF-16 offsets in the decoded text. X has counted offsets over the escaped text at times and over the
    /// unescaped text at others, so both readings are tried and the one whose span holds the entity wins.
    /// </summary>
    /// <remarks>
    /// The offset maps are built on the first <see cref="TryRange"/>, in one pass, in pooled arrays returned on
    /// <see cref="Dispose"/>; text without escapes and without surrogate pairs needs none (offsets are the same).
    /// </remarks>
    internal sealed class MappedText : IDisposable
    {
        private const int StackLimit = 512;
        private readonly string _raw;
        private readonly bool _escaped;
        private bool _mapped;
        private int[]? _fromRawCodePoint;
        private int _fromRawCount;
        private int[]? _fromDecodedCodePoint;
        private int _fromDecodedCount;

        public MappedText(string raw)
        {
            ArgumentNullException.ThrowIfNull(raw);
            _raw = raw;
            var ampersand = raw.IndexOf('&', StringComparison.Ordinal);
            Decoded = ampersand < 0 ? raw : DecodeFrom(raw, ampersand, out _escaped);
        }

        public string Decoded { get; }

        /// <summary>
        /// Maps the code point range [<paramref name="startCodePoint"/>, <paramref name="endCodePoint"/>) to UTF-16 offsets
        /// in <see cref="Decoded"/> if the span there is <paramref name="sigil"/> followed by <paramref name="value"/>
        /// (ignoring case), over the escaped reading first, then over the unescaped one.
        /// </summary>
        public bool TryRange(int startCodePoint, int endCodePoint, char? sigil, string value, out int start, out int end)
        {
            start = end = 0;
            if (startCodePoint < 0 || startCodePoint >= endCodePoint)
            {
                return false;
            }

            EnsureMapped();
            if (_fromRawCodePoint is null)
            {
                // No escapes and no surrogate pairs: every code point is one UTF-16 unit.
                return endCodePoint <= _raw.Length && Holds(startCodePoint, endCodePoint, sigil, value, out start, out end);
            }

            return TryMap(_fromRawCodePoint, _fromRawCount, startCodePoint, endCodePoint, sigil, value, out start, out end)
                || (_escaped && TryMap(_fromDecodedCodePoint!, _fromDecodedCount, startCodePoint, endCodePoint, sigil, value, out start, out end));
        }

        public void Dispose()
        {
            if (_fromRawCodePoint is not null)
            {
                ArrayPool<int>.Shared.Return(_fromRawCodePoint);
            }

            if (_fromDecodedCodePoint is not null && !ReferenceEquals(_fromDecodedCodePoint, _fromRawCodePoint))
            {
                ArrayPool<int>.Shared.Return(_fromDecodedCodePoint);
            }

            _fromRawCodePoint = _fromDecodedCodePoint = null;
        }

        private bool TryMap(int[] map, int count, int startCodePoint, int endCodePoint, char? sigil, string value, out int start, out int end)
        {
            start = end = 0;
            return endCodePoint < count && Holds(map[startCodePoint], map[endCodePoint], sigil, value, out start, out end);
        }

        private bool Holds(int from, int to, char? sigil, string value, out int start, out int end)
        {
            start = from;
            end = to;
            if (to <= from)
            {
                return false;
            }

            var span = Decoded.AsSpan(from, to - from);
            if (sigil is { } expected)
            {
                if (span.Length != value.Length + 1 || span[0] != expected)
                {
                    return false;
                }

                span = span[1..];
            }

            // X reports the entity as written, so the exact comparison almost always decides; case-insensitive otherwise.
            return span.SequenceEqual(value) || span.Equals(value, StringComparison.OrdinalIgnoreCase);
        }

        private void EnsureMapped()
        {
            if (_mapped)
            {
                return;
            }

            _mapped = true;
            var raw = _raw;
            if (!_escaped)
            {
                if (raw.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
                {
                    return;
                }

                // No escapes: both readings are the same map.
                var map = ArrayPool<int>.Shared.Rent(raw.Length + 1);
                var count = 0;
                var i = 0;
                while (i < raw.Length)
                {
                    map[count++] = i;
                    i += Width(raw, i);
                }

                map[count++] = raw.Length;
                _fromRawCodePoint = _fromDecodedCodePoint = map;
                _fromRawCount = _fromDecodedCount = count;
                return;
            }

            var fromRaw = ArrayPool<int>.Shared.Rent(raw.Length + 1);
            var fromDecoded = ArrayPool<int>.Shared.Rent(raw.Length + 1);
            int rawCount = 0, decodedCount = 0, position = 0, index = 0;
            while (index < raw.Length)
            {
                var escape = raw[index] == '&' ? EscapeLength(raw, index) : 0;
                if (escape > 0)
                {
                    // Every code point of the escape sequence maps to the position of the decoded character.
                    for (var k = 0; k < escape; k++)
                    {
                        fromRaw[rawCount++] = position;
                    }

                    fromDecoded[decodedCount++] = position;
                    position++;
                    index += escape;
                    continue;
                }

                var width = Width(raw, index);
                fromRaw[rawCount++] = position;
                fromDecoded[decodedCount++] = position;
                position += width;
                index += width;
            }

            fromRaw[rawCount++] = position;
            fromDecoded[decodedCount++] = position;
            _fromRawCodePoint = fromRaw;
            _fromRawCount = rawCount;
            _fromDecodedCodePoint = fromDecoded;
            _fromDecodedCount = decodedCount;
        }

        private static int Width(string raw, int index) =>
            char.IsHighSurrogate(raw[index]) && index + 1 < raw.Length && char.IsLowSurrogate(raw[index + 1]) ? 2 : 1;

        private static string DecodeFrom(string raw, int firstAmpersand, out bool escaped)
        {
            char[]? rented = null;
            var buffer = raw.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
            try
            {
                raw.AsSpan(0, firstAmpersand).CopyTo(buffer);
                var length = firstAmpersand;
                var index = firstAmpersand;
                escaped = false;
                while (index < raw.Length)
                {
                    var next = raw.AsSpan(index).IndexOf('&');
                    if (next < 0)
                    {
                        raw.AsSpan(index).CopyTo(buffer[length..]);
                        length += raw.Length - index;
                        break;
                    }

                    raw.AsSpan(index, next).CopyTo(buffer[length..]);
                    length += next;
                    index += next;
                    var escape = EscapeLength(raw, index);
                    if (escape > 0)
                    {
                        buffer[length++] = raw[index + 1] switch { 'a' => '&', 'l' => '<', _ => '>' };
                        index += escape;
                        escaped = true;
                    }
                    else
                    {
                        buffer[length++] = '&';
                        index++;
                    }
                }

                return escaped ? new string(buffer[..length]) : raw;
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
        }

        /// <summary>The length of the escape sequence at <paramref name="index"/> (which holds '&amp;'), or 0.</summary>
        private static int EscapeLength(string raw, int index)
        {
            var rest = raw.AsSpan(index);
            return rest.StartsWith("&amp;", StringComparison.Ordinal) ? 5
                : rest.StartsWith("&lt;", StringComparison.Ordinal) || rest.StartsWith("&gt;", StringComparison.Ordinal) ? 4
                : 0;
        }
    }
}
