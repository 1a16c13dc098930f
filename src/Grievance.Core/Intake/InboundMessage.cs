using Grievance.Complaints;

namespace Grievance.Intake;

/// <summary>A channel-neutral message from a citizen, as every source hands it to the intake pipeline.</summary>
public sealed record InboundMessage
{
    /// <summary>Gets the channel (see <see cref="Channels"/>).</summary>
    public required string Channel { get; init; }

    /// <summary>Gets the channel's id of the message. Together with <see cref="Channel"/> it identifies the message for ever.</summary>
    public required string ExternalId { get; init; }

    /// <summary>Gets the channel's conversation (thread) id, when the channel has threads.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Gets the id of the message this one replies to, when any.</summary>
    public string? InReplyToId { get; init; }

    /// <summary>Gets the author.</summary>
    public required Complainant Author { get; init; }

    /// <summary>Gets the full text (for long posts, the whole text), with channel escapes decoded.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the entities in <see cref="Text"/>, with UTF-16 offsets.</summary>
    public IReadOnlyList<MessageEntity> Entities { get; init; } = [];

    /// <summary>Gets when the citizen posted the message, as the channel reports it.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the language tag the channel detected, when any.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the location attached to the message, when any.</summary>
    public GeoPoint? Geo { get; init; }

    /// <summary>Gets the name of the place the channel attached to the message (on X, the place's full name), when any.</summary>
    public string? PlaceName { get; init; }

    /// <summary>
    /// Gets the accounts the message addresses (handles without <c>@</c>), in the order they appear. Routers use the
    /// ones that belong to a department; the reply is sent from the first of those.
    /// </summary>
    public IReadOnlyList<string> AddressedAccounts { get; init; } = [];

    /// <summary>Gets a value indicating whether the message only shares another message without words of its own (a repost or retweet).</summary>
    public bool IsRepost { get; init; }

    /// <summary>Gets the attached media.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}
