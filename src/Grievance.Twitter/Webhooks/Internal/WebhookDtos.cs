using System.Text.Json.Serialization;

namespace Grievance.Twitter.Webhooks.Internal;

// Wire shapes of Account Activity deliveries, which carry v1.1-format objects. Ids are read from the *_str fields:
// the numeric ones exceed 2^53 and are rounded by double-based parsers. Unknown fields are ignored.
#pragma warning disable CA1812 // created by the JSON serializer

internal sealed class WebhookPayloadDto
{
    [JsonPropertyName("for_user_id")]
    public string? ForUserId { get; set; }

    [JsonPropertyName("tweet_create_events")]
    public List<V1TweetDto?>? TweetCreateEvents { get; set; }

    [JsonPropertyName("direct_message_events")]
    public List<V1DirectMessageEventDto?>? DirectMessageEvents { get; set; }

    [JsonPropertyName("users")]
    public Dictionary<string, V1UserDto>? Users { get; set; }

    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Other { get; set; }
}

internal sealed class V1TweetDto
{
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("id_str")]
    public string? IdStr { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("full_text")]
    public string? FullText { get; set; }

    [JsonPropertyName("truncated")]
    public bool Truncated { get; set; }

    [JsonPropertyName("extended_tweet")]
    public V1ExtendedTweetDto? ExtendedTweet { get; set; }

    [JsonPropertyName("in_reply_to_status_id_str")]
    public string? InReplyToStatusIdStr { get; set; }

    [JsonPropertyName("in_reply_to_user_id_str")]
    public string? InReplyToUserIdStr { get; set; }

    [JsonPropertyName("quoted_status_id_str")]
    public string? QuotedStatusIdStr { get; set; }

    [JsonPropertyName("retweeted_status")]
    public V1TweetDto? RetweetedStatus { get; set; }

    [JsonPropertyName("lang")]
    public string? Lang { get; set; }

    [JsonPropertyName("user")]
    public V1UserDto? User { get; set; }

    [JsonPropertyName("entities")]
    public V1EntitiesDto? Entities { get; set; }

    [JsonPropertyName("place")]
    public V1PlaceDto? Place { get; set; }

    [JsonPropertyName("coordinates")]
    public V1PointDto? Coordinates { get; set; }

    [JsonPropertyName("edit_history")]
    public V1EditHistoryDto? EditHistory { get; set; }

    [JsonPropertyName("ext_edit_control")]
    public V1EditHistoryDto? ExtEditControl { get; set; }
}

internal sealed class V1ExtendedTweetDto
{
    [JsonPropertyName("full_text")]
    public string? FullText { get; set; }

    [JsonPropertyName("entities")]
    public V1EntitiesDto? Entities { get; set; }
}

internal sealed class V1EditHistoryDto
{
    [JsonPropertyName("initial_tweet_id")]
    public string? InitialTweetId { get; set; }

    [JsonPropertyName("edit_tweet_ids")]
    public List<string>? EditTweetIds { get; set; }
}

internal sealed class V1UserDto
{
    [JsonPropertyName("id_str")]
    public string? IdStr { get; set; }

    [JsonPropertyName("screen_name")]
    public string? ScreenName { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("location")]
    public string? Location { get; set; }
}

internal sealed class V1EntitiesDto
{
    [JsonPropertyName("hashtags")]
    public List<V1TagDto>? Hashtags { get; set; }

    [JsonPropertyName("symbols")]
    public List<V1TagDto>? Symbols { get; set; }

    [JsonPropertyName("urls")]
    public List<V1UrlDto>? Urls { get; set; }

    [JsonPropertyName("user_mentions")]
    public List<V1MentionDto>? UserMentions { get; set; }
}

internal sealed class V1TagDto
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("indices")]
    public List<int>? Indices { get; set; }
}

internal sealed class V1UrlDto
{
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("expanded_url")]
    public string? ExpandedUrl { get; set; }

    [JsonPropertyName("display_url")]
    public string? DisplayUrl { get; set; }

    [JsonPropertyName("indices")]
    public List<int>? Indices { get; set; }
}

internal sealed class V1MentionDto
{
    [JsonPropertyName("id_str")]
    public string? IdStr { get; set; }

    [JsonPropertyName("screen_name")]
    public string? ScreenName { get; set; }

    [JsonPropertyName("indices")]
    public List<int>? Indices { get; set; }
}

internal sealed class V1PlaceDto
{
    [JsonPropertyName("full_name")]
    public string? FullName { get; set; }
}

internal sealed class V1PointDto
{
    /// <summary>GeoJSON order: longitude, latitude.</summary>
    [JsonPropertyName("coordinates")]
    public List<double>? Coordinates { get; set; }
}

internal sealed class V1DirectMessageEventDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("created_timestamp")]
    public string? CreatedTimestamp { get; set; }

    [JsonPropertyName("message_create")]
    public V1MessageCreateDto? MessageCreate { get; set; }
}

internal sealed class V1MessageCreateDto
{
    [JsonPropertyName("target")]
    public V1TargetDto? Target { get; set; }

    [JsonPropertyName("sender_id")]
    public string? SenderId { get; set; }

    [JsonPropertyName("message_data")]
    public V1MessageDataDto? MessageData { get; set; }
}

internal sealed class V1TargetDto
{
    [JsonPropertyName("recipient_id")]
    public string? RecipientId { get; set; }
}

internal sealed class V1MessageDataDto
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}

[JsonSerializable(typeof(WebhookPayloadDto))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
