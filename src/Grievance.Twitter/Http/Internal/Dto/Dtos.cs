using System.Text.Json.Serialization;

namespace Grievance.Twitter.Http.Internal.Dto;

// Wire shapes of X API v2, as documented. Internal, mapped to public types in one place.
#pragma warning disable CA1812 // created by the JSON serializer

internal sealed class MentionsResponseDto
{
    [JsonPropertyName("data")]
    public List<TweetDto>? Data { get; set; }

    [JsonPropertyName("includes")]
    public IncludesDto? Includes { get; set; }

    [JsonPropertyName("meta")]
    public MetaDto? Meta { get; set; }

    [JsonPropertyName("errors")]
    public List<PartialErrorDto>? Errors { get; set; }
}

internal sealed class TweetDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("author_id")]
    public string? AuthorId { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; set; }

    [JsonPropertyName("in_reply_to_user_id")]
    public string? InReplyToUserId { get; set; }

    [JsonPropertyName("lang")]
    public string? Lang { get; set; }

    [JsonPropertyName("edit_history_tweet_ids")]
    public List<string>? EditHistoryTweetIds { get; set; }

    [JsonPropertyName("referenced_tweets")]
    public List<ReferencedTweetDto>? ReferencedTweets { get; set; }

    [JsonPropertyName("entities")]
    public EntitiesDto? Entities { get; set; }

    [JsonPropertyName("note_tweet")]
    public NoteTweetDto? NoteTweet { get; set; }

    [JsonPropertyName("attachments")]
    public AttachmentsDto? Attachments { get; set; }

    [JsonPropertyName("geo")]
    public GeoDto? Geo { get; set; }
}

internal sealed class NoteTweetDto
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("entities")]
    public EntitiesDto? Entities { get; set; }
}

internal sealed class ReferencedTweetDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

[JsonConverter(typeof(EntitiesDtoConverter))]
internal sealed class EntitiesDto
{
    [JsonPropertyName("mentions")]
    public List<MentionDto>? Mentions { get; set; }

    [JsonPropertyName("hashtags")]
    public List<TagDto>? Hashtags { get; set; }

    [JsonPropertyName("cashtags")]
    public List<TagDto>? Cashtags { get; set; }

    [JsonPropertyName("urls")]
    public List<UrlDto>? Urls { get; set; }
}

internal sealed class MentionDto
{
    [JsonPropertyName("start")]
    public int Start { get; set; }

    [JsonPropertyName("end")]
    public int End { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

internal sealed class TagDto
{
    [JsonPropertyName("start")]
    public int Start { get; set; }

    [JsonPropertyName("end")]
    public int End { get; set; }

    [JsonPropertyName("tag")]
    public string? Tag { get; set; }
}

internal sealed class UrlDto
{
    [JsonPropertyName("start")]
    public int Start { get; set; }

    [JsonPropertyName("end")]
    public int End { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("expanded_url")]
    public string? ExpandedUrl { get; set; }

    [JsonPropertyName("display_url")]
    public string? DisplayUrl { get; set; }
}

internal sealed class AttachmentsDto
{
    [JsonPropertyName("media_keys")]
    public List<string>? MediaKeys { get; set; }
}

internal sealed class GeoDto
{
    [JsonPropertyName("place_id")]
    public string? PlaceId { get; set; }

    [JsonPropertyName("coordinates")]
    public PointDto? Coordinates { get; set; }
}

internal sealed class PointDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>GeoJSON order: longitude, latitude.</summary>
    [JsonPropertyName("coordinates")]
    public List<double>? Coordinates { get; set; }
}

internal sealed class IncludesDto
{
    [JsonPropertyName("users")]
    public List<UserDto>? Users { get; set; }
}

internal sealed class UserDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }
}

internal sealed class MetaDto
{
    [JsonPropertyName("result_count")]
    public int ResultCount { get; set; }

    [JsonPropertyName("newest_id")]
    public string? NewestId { get; set; }

    [JsonPropertyName("oldest_id")]
    public string? OldestId { get; set; }

    [JsonPropertyName("next_token")]
    public string? NextToken { get; set; }
}

internal sealed class PartialErrorDto
{
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    [JsonPropertyName("detail")]
    public string? Detail { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("resource_type")]
    public string? ResourceType { get; set; }

    [JsonPropertyName("parameter")]
    public string? Parameter { get; set; }

    [JsonPropertyName("resource_id")]
    public string? ResourceId { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

internal sealed class ProblemDto
{
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("detail")]
    public string? Detail { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("status")]
    public int? Status { get; set; }

    /// <summary>On <c>usage-capped</c>: <c>Daily</c> or <c>Monthly</c>.</summary>
    [JsonPropertyName("period")]
    public string? Period { get; set; }

    /// <summary>On <c>usage-capped</c>: <c>Account</c> or <c>Product</c>.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>The v1.1-style error list that still occurs.</summary>
    [JsonPropertyName("errors")]
    public List<LegacyErrorDto>? Errors { get; set; }
}

internal sealed class LegacyErrorDto
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

internal sealed class CreateTweetRequestDto
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("reply")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReplyDto? Reply { get; set; }
}

internal sealed class ReplyDto
{
    [JsonPropertyName("in_reply_to_tweet_id")]
    public string? InReplyToTweetId { get; set; }
}

internal sealed class CreateTweetResponseDto
{
    [JsonPropertyName("data")]
    public CreatedTweetDto? Data { get; set; }
}

internal sealed class CreatedTweetDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MentionsResponseDto))]
[JsonSerializable(typeof(ProblemDto))]
[JsonSerializable(typeof(CreateTweetRequestDto))]
[JsonSerializable(typeof(CreateTweetResponseDto))]
internal sealed partial class TwitterJsonContext : JsonSerializerContext;
