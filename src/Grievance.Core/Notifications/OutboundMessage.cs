using Grievance.Complaints;

namespace Grievance.Notifications;

/// <summary>Why a message is sent to a citizen.</summary>
public enum OutboundMessageKind
{
    /// <summary>The acknowledgement of a new complaint, carrying its code.</summary>
    Acknowledgement = 0,

    /// <summary>An answer to a status query.</summary>
    StatusReply = 1,

    /// <summary>An interim reply while the complaint is worked on.</summary>
    InterimReply = 2,

    /// <summary>A request for more information.</summary>
    InformationRequest = 3,

    /// <summary>The resolution note.</summary>
    Resolution = 4,

    /// <summary>The reason a complaint was rejected.</summary>
    Rejection = 5,

    /// <summary>
    /// A private message to the citizen (on X, a direct message), for personal details and the full text of a note
    /// shortened in a public reply. It has no <see cref="OutboundMessage.InReplyToExternalId"/>: a notifier that cannot
    /// send privately must fail it rather than post it publicly.
    /// </summary>
    DirectMessage = 6,

    /// <summary>A notice about the complaint's progress: transferred, reopened, closed after feedback.</summary>
    Notice = 7,

    /// <summary>
    /// Not a message but an action: hide the citizen's reply <see cref="OutboundMessage.InReplyToExternalId"/>, which
    /// exposes personal data, from the thread. Its <see cref="OutboundMessage.Text"/> is empty.
    /// </summary>
    HideReply = 8,
}

/// <summary>How soon an outbox message goes out: claims take the highest priority first, then the oldest.</summary>
/// <remarks>Set when the message is queued; when the channel's budget runs short, higher priorities are sent first.</remarks>
public enum OutboundMessagePriority
{
    /// <summary>Notices about progress (transferred, reopened, closed).</summary>
    Notice = 0,

    /// <summary>Status replies, interim replies, requests for information, resolutions, rejections, direct messages.</summary>
    Reply = 1,

    /// <summary>Acknowledgements of new complaints, carrying their codes.</summary>
    Acknowledgement = 2,

    /// <summary>Every message about a complaint in an urgent category (by default women-safety and missing-person), and hiding a reply that exposes personal data.</summary>
    Urgent = 3,
}

/// <summary>Where an outbox message stands.</summary>
public enum OutboundMessageStatus
{
    /// <summary>Waiting to be sent (or to be retried).</summary>
    Pending = 0,

    /// <summary>Sent; <see cref="OutboundMessage.SentExternalId"/> holds the channel's id for it.</summary>
    Sent = 1,

    /// <summary>Failed permanently; visible for an operator, never silently dropped.</summary>
    Failed = 2,
}

/// <summary>A message to a citizen, held in the outbox until it is sent exactly once.</summary>
public sealed record OutboundMessage
{
    /// <summary>Gets the identity of the message.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the key that makes sending idempotent (for example <c>ack:{complaint id}</c>).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the complaint the message is about.</summary>
    public required ComplaintId ComplaintId { get; init; }

    /// <summary>Gets the channel to send on.</summary>
    public required string Channel { get; init; }

    /// <summary>Gets why the message is sent.</summary>
    public required OutboundMessageKind Kind { get; init; }

    /// <summary>Gets the platform id of the citizen it goes to.</summary>
    public required string RecipientId { get; init; }

    /// <summary>Gets the channel message it replies to, when it is a reply.</summary>
    public string? InReplyToExternalId { get; init; }

    /// <summary>Gets our account that sends it (the one the citizen addressed), when the channel has several.</summary>
    public string? FromAccount { get; init; }

    /// <summary>Gets the text, already fitted to the channel.</summary>
    public required string Text { get; init; }

    /// <summary>Gets when it was queued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets how soon the message goes out relative to others.</summary>
    /// <value>The default value is <see cref="OutboundMessagePriority.Reply"/>.</value>
    public OutboundMessagePriority Priority { get; init; } = OutboundMessagePriority.Reply;

    /// <summary>Gets the earliest time the next delivery attempt may be made (a retry's backoff), or <see langword="null"/> for at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Gets the delivery status.</summary>
    public OutboundMessageStatus Status { get; init; }

    /// <summary>Gets how many delivery attempts were made.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the channel's id of the sent message, once sent.</summary>
    public string? SentExternalId { get; init; }

    /// <summary>Gets the last delivery error (no message text or personal data), when any.</summary>
    public string? LastError { get; init; }
}
