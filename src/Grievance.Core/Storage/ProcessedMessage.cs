using Grievance.Complaints;

namespace Grievance.Storage;

/// <summary>What became of a source message. Recorded once per (channel, external id), so a redelivery is recognised.</summary>
public enum MessageOutcome
{
    /// <summary>The message opened a new complaint.</summary>
    Complaint = 0,

    /// <summary>The message was added to an existing complaint as a follow-up.</summary>
    FollowUp = 1,

    /// <summary>The message asked for the status of a complaint and was answered.</summary>
    StatusQuery = 2,

    /// <summary>The message was rejected; a <see cref="Rejection"/> holds the reasons.</summary>
    Rejected = 3,
}

/// <summary>The record that a source message was handled, and how.</summary>
public sealed record ProcessedMessage
{
    /// <summary>Gets the channel.</summary>
    public required string Channel { get; init; }

    /// <summary>Gets the channel's id of the message.</summary>
    public required string ExternalId { get; init; }

    /// <summary>Gets what became of the message.</summary>
    public required MessageOutcome Outcome { get; init; }

    /// <summary>Gets the complaint the message opened or was attached to, when any.</summary>
    public ComplaintId? ComplaintId { get; init; }

    /// <summary>Gets the rejection recorded for the message, when it was rejected.</summary>
    public Guid? RejectionId { get; init; }

    /// <summary>Gets when the message was handled.</summary>
    public required DateTimeOffset ProcessedAt { get; init; }
}
