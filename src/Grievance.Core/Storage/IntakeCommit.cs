using Grievance.Complaints;
using Grievance.Notifications;

namespace Grievance.Storage;

/// <summary>Everything one intake step writes, committed in one transaction: all of it or none of it.</summary>
public sealed record IntakeCommit
{
    /// <summary>Gets the record of the handled message, or <see langword="null"/> for a message without an id (then only the rejection is written).</summary>
    public ProcessedMessage? Message { get; init; }

    /// <summary>Gets the new complaint to insert, when the message opened one.</summary>
    public Complaint? NewComplaint { get; init; }

    /// <summary>Gets the audit events to append.</summary>
    public IReadOnlyList<AuditEvent> AuditEvents { get; init; } = [];

    /// <summary>Gets the messages to queue in the outbox.</summary>
    public IReadOnlyList<OutboundMessage> Outbound { get; init; } = [];

    /// <summary>Gets the rejection to record, when the message was rejected.</summary>
    public Rejection? Rejection { get; init; }
}

/// <summary>The result of <see cref="IComplaintStore.CommitIntakeAsync"/>.</summary>
/// <param name="Committed"><see langword="true"/> when the commit was written; <see langword="false"/> when the message had already been handled.</param>
/// <param name="Existing">The earlier record of the message when <paramref name="Committed"/> is <see langword="false"/>.</param>
public sealed record IntakeCommitResult(bool Committed, ProcessedMessage? Existing);
