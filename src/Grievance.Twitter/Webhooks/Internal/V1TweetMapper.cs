using System.Globalization;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Twitter.Http.Internal.Dto;
using Grievance.Twitter.Intake.Internal;

namespace Grievance.Twitter.Webhooks.Internal;

/// <summary>
/// Maps the v1.1-format objects of webhook deliveries to inbound messages. Posts are first translated to the v2 shape
/// and mapped by <see cref="TweetMapper"/>, so a post delivered by webhook and the same post read by polling become the
/// same message with the same key; direct messages are mapped here.
/// </summary>
internal static class V1TweetMapper
{
    private const string CreatedAtFormat = "ddd MMM dd HH:mm:ss zzz yyyy";

    public static InboundMessage MapTweet(V1TweetDto tweet)
    {
        var userId = tweet.User?.IdStr;
        var users = new Dictionary<string, UserDto>(StringComparer.Ordinal);
        if (userId is not null)
        {
            users[userId] = new UserDto { Id = userId, Username = tweet.User!.ScreenName, Name = tweet.User.Name };
        }

        var message = TweetMapper.Map(ToV2(tweet), users);
        return message with
        {
            PlaceName = tweet.Place?.FullName,
            Author = message.Author with { Location = string.IsNullOrWhiteSpace(tweet.User?.Location) ? null : tweet.User!.Location },
        };
    }

    public static InboundMessage MapDirectMessage(V1DirectMessageEventDto dm, IReadOnlyDictionary<string, V1UserDto>? users, string? recipientUsername)
    {
        var create = dm.MessageCreate;
        var senderId = create?.SenderId ?? string.Empty;
        var sender = users?.GetValueOrDefault(senderId);
        DateTimeOffset createdAt = default;
        if (long.TryParse(dm.CreatedTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            createdAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return new InboundMessage
        {
            Channel = TwitterChannels.DirectMessage,
            ExternalId = dm.Id ?? string.Empty,
            Author = new Complainant { PlatformId = senderId, Handle = sender?.ScreenName, DisplayName = sender?.Name },
            Text = create?.MessageData?.Text ?? string.Empty,
            CreatedAt = createdAt,
            AddressedAccounts = recipientUsername is null ? [] : [recipientUsername],
        };
    }

    /// <summary>Parses v1.1's <c>Sat May 02 18:41:07 +0000 2026</c>; <see langword="null"/> when absent or malformed (the validator then rejects the message with a reason).</summary>
    public static DateTimeOffset? ParseCreatedAt(string? value) =>
        DateTimeOffset.TryParseExact(value, CreatedAtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    private static TweetDto ToV2(V1TweetDto tweet)
    {
        // Long posts: v1.1 'text' is a truncated preview; 'extended_tweet.full_text' (or 'full_text') holds the whole text
        // with its own entities, as 'note_tweet' does in v2.
        var fullText = tweet.ExtendedTweet?.FullText ?? tweet.FullText;
        var entities = tweet.ExtendedTweet?.FullText is not null ? tweet.ExtendedTweet.Entities : tweet.Entities;

        var referenced = new List<ReferencedTweetDto>();
        if (tweet.InReplyToStatusIdStr is { Length: > 0 } parent)
        {
            referenced.Add(new ReferencedTweetDto { Type = "replied_to", Id = parent });
        }

        if (tweet.QuotedStatusIdStr is { Length: > 0 } quoted)
        {
            referenced.Add(new ReferencedTweetDto { Type = "quoted", Id = quoted });
        }

        if (tweet.RetweetedStatus is not null)
        {
            referenced.Add(new ReferencedTweetDto { Type = "retweeted", Id = tweet.RetweetedStatus.IdStr });
        }

        // Edits: X gives an edited post a new id; complaints are keyed on the first id of the edit history, as for
        // polled mentions (edit_history_tweet_ids[0]). Deliveries carry that history as 'edit_history' (or as
        // 'ext_edit_control' where extended edit metadata is on). When a payload has neither, the post's own id is
        // the key: a delivered edit of an already stored post then cannot be recognised as such here and would be
        // taken as a new message; the polled copy of the edit, which has the history, is keyed on the original.
        var initial = tweet.EditHistory?.InitialTweetId
            ?? tweet.EditHistory?.EditTweetIds?.FirstOrDefault()
            ?? tweet.ExtEditControl?.InitialTweetId
            ?? tweet.ExtEditControl?.EditTweetIds?.FirstOrDefault();

        // v1.1 has no conversation id. A post that replies to nothing starts its own conversation; for a reply the
        // conversation is unknown here and is resolved later from the stored complaint it replies to, when there is one.
        var conversation = tweet.InReplyToStatusIdStr is null or "" ? initial ?? tweet.IdStr : null;

        var coordinates = tweet.Coordinates?.Coordinates;
        return new TweetDto
        {
            Id = tweet.IdStr,
            Text = fullText ?? tweet.Text,
            AuthorId = tweet.User?.IdStr,
            CreatedAt = ParseCreatedAt(tweet.CreatedAt),
            ConversationId = conversation,
            InReplyToUserId = tweet.InReplyToUserIdStr,
            Lang = tweet.Lang,
            EditHistoryTweetIds = initial is null ? null : [initial],
            ReferencedTweets = referenced.Count == 0 ? null : referenced,
            Entities = ToV2(entities),
            Geo = coordinates is [_, _] ? new GeoDto { Coordinates = new PointDto { Type = "Point", Coordinates = coordinates } } : null,
        };
    }

    private static EntitiesDto? ToV2(V1EntitiesDto? entities)
    {
        if (entities is null)
        {
            return null;
        }

        return new EntitiesDto
        {
            Mentions = entities.UserMentions?.Where(m => m.Indices is [_, _]).Select(m => new MentionDto { Start = m.Indices![0], End = m.Indices[1], Username = m.ScreenName, Id = m.IdStr }).ToList(),
            Hashtags = Tags(entities.Hashtags),
            Cashtags = Tags(entities.Symbols),
            Urls = entities.Urls?.Where(u => u.Indices is [_, _]).Select(u => new UrlDto { Start = u.Indices![0], End = u.Indices[1], Url = u.Url, ExpandedUrl = u.ExpandedUrl, DisplayUrl = u.DisplayUrl }).ToList(),
        };

        static List<TagDto>? Tags(List<V1TagDto>? tags) =>
            tags?.Where(t => t.Indices is [_, _]).Select(t => new TagDto { Start = t.Indices![0], End = t.Indices[1], Tag = t.Text }).ToList();
    }
}
