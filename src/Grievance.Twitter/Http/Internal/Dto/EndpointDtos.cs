using System.Text.Json.Serialization;

namespace Grievance.Twitter.Http.Internal.Dto;

// Wire shapes of the search, users, direct-message, hide and stream endpoints, as in X's OpenAPI description 2.162.
#pragma warning disable CA1812 // created by the JSON serializer

internal sealed class UserResponseDto
{
    [JsonPropertyName("data")]
    public UserDto? Data { get; set; }

    [JsonPropertyName("errors")]
    public List<PartialErrorDto>? Errors { get; set; }
}

internal sealed class CreateMessageRequestDto
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}

internal sealed class CreateDmEventResponseDto
{
    [JsonPropertyName("data")]
    public CreatedDmEventDto? Data { get; set; }
}

internal sealed class CreatedDmEventDto
{
    [JsonPropertyName("dm_conversation_id")]
    public string? ConversationId { get; set; }

    [JsonPropertyName("dm_event_id")]
    public string? EventId { get; set; }
}

internal sealed class DmEventsResponseDto
{
    [JsonPropertyName("data")]
    public List<DmEventDto>? Data { get; set; }

    [JsonPropertyName("meta")]
    public MetaDto? Meta { get; set; }
}

internal sealed class DmEventDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("event_type")]
    public string? EventType { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("sender_id")]
    public string? SenderId { get; set; }

    [JsonPropertyName("dm_conversation_id")]
    public string? ConversationId { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }
}

internal sealed class HideRequestDto
{
    [JsonPropertyName("hidden")]
    public bool Hidden { get; set; }
}

internal sealed class HideResponseDto
{
    [JsonPropertyName("data")]
    public HiddenDto? Data { get; set; }
}

internal sealed class HiddenDto
{
    [JsonPropertyName("hidden")]
    public bool Hidden { get; set; }
}

internal sealed class RuleDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }

    [JsonPropertyName("tag")]
    public string? Tag { get; set; }
}

internal sealed class RulesResponseDto
{
    [JsonPropertyName("data")]
    public List<RuleDto>? Data { get; set; }

    [JsonPropertyName("errors")]
    public List<PartialErrorDto>? Errors { get; set; }
}

internal sealed class AddRulesRequestDto
{
    [JsonPropertyName("add")]
    public List<RuleDto>? Add { get; set; }
}

internal sealed class DeleteRulesRequestDto
{
    [JsonPropertyName("delete")]
    public DeleteIdsDto? Delete { get; set; }
}

internal sealed class DeleteIdsDto
{
    [JsonPropertyName("ids")]
    public List<string>? Ids { get; set; }
}

/// <summary>One line of the filtered stream: a post with its expansions and the rules it matched, or errors.</summary>
internal sealed class StreamLineDto
{
    [JsonPropertyName("data")]
    public TweetDto? Data { get; set; }

    [JsonPropertyName("includes")]
    public IncludesDto? Includes { get; set; }

    [JsonPropertyName("matching_rules")]
    public List<RuleDto>? MatchingRules { get; set; }

    [JsonPropertyName("errors")]
    public List<PartialErrorDto>? Errors { get; set; }
}

[JsonSerializable(typeof(UserResponseDto))]
[JsonSerializable(typeof(CreateMessageRequestDto))]
[JsonSerializable(typeof(CreateDmEventResponseDto))]
[JsonSerializable(typeof(DmEventsResponseDto))]
[JsonSerializable(typeof(HideRequestDto))]
[JsonSerializable(typeof(HideResponseDto))]
[JsonSerializable(typeof(RulesResponseDto))]
[JsonSerializable(typeof(AddRulesRequestDto))]
[JsonSerializable(typeof(DeleteRulesRequestDto))]
[JsonSerializable(typeof(StreamLineDto))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class TwitterEndpointsJsonContext : JsonSerializerContext;
