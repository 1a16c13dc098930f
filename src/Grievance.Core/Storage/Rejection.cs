using Grievance.Intake;

namespace Grievance.Storage;

/// <summary>Why a message was rejected.</summary>
public enum RejectionKind
{
    /// <summary>The message failed validation (missing ids, empty or over-long text, ...).</summary>
    Invalid = 0,

    /// <summary>The message is not a grievance (praise, greetings, spam).</summary>
    NotAGrievance = 1,

    /// <summary>The message quoted a complaint code that does not exist.</summary>
    UnknownCode = 2,
}

/// <summary>A message that did not become a complaint, kept with its reasons so nothing is silently dropped.</summary>
public sealed record Rejection
{
    /// <summary>Gets the identity of the record.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the kind of rejection.</summary>
    public required RejectionKind Kind { get; init; }

    /// <summary>Gets the channel, when the message named one.</summary>
    public string? Channel { get; init; }

    /// <summary>Gets the channel's id of the message, when the message had one.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the reasons, one per failed rule.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Gets when the message was rejected.</summary>
    public required DateTimeOffset RejectedAt { get; init; }

    /// <summary>
    /// Gets the message as received, so it can be reviewed and replayed. Personal data: never log it. <see langword="null"/>
    /// once the sender's personal data was erased (on request or after the retention period); the other properties stay.
    /// </summary>
    public InboundMessage? Message { get; init; }
}
