using Grievance.Complaints;
using Grievance.Notifications;

namespace Grievance.Storage;

/// <summary>The store's side of the lifecycle: atomic, version-checked updates of a complaint, time-limit scans and erasure.</summary>
public interface IComplaintLifecycleStore
{
    /// <summary>
    /// Writes a complaint's new state, its audit events and its outbox messages in one transaction, if the stored complaint
    /// still has <see cref="LifecycleCommit.ExpectedVersion"/>.
    /// </summary>
    /// <param name="commit">What to write.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the commit is durable.</returns>
    /// <exception cref="ComplaintConcurrencyException">The complaint changed meanwhile (or does not exist); nothing was written.</exception>
    Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Lists open or resolved complaints whose <see cref="Complaint.NextSlaCheckAt"/> is unset or not after <paramref name="now"/>, earliest first.</summary>
    /// <param name="now">The time.</param>
    /// <param name="max">The most to return.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaints.</returns>
    Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Lists the complaints a citizen opened on a channel, oldest first.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="platformId">The citizen's platform id.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaints.</returns>
    Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default);

    /// <summary>Lists closed or rejected complaints, closed before <paramref name="closedBefore"/>, whose personal data is not yet erased.</summary>
    /// <param name="closedBefore">The time.</param>
    /// <param name="max">The most to return.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaints.</returns>
    Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases a complaint's personal data in one transaction: the complainant's id, handle and name, the text, attachments
    /// and routing reasons; the reasons and actor of events the citizen caused; the recipient and text of its outbox
    /// messages (pending ones are marked failed). Non-personal facts (code, department, district, category, statuses,
    /// times, officers' actions) stay. Writes <paramref name="audit"/> and the complaint's new version.
    /// </summary>
    /// <param name="erased">The complaint's state after erasure, with its version raised by one.</param>
    /// <param name="expectedVersion">The version the erasure was based on.</param>
    /// <param name="audit">The audit event recording the erasure.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the erasure is durable.</returns>
    /// <exception cref="ComplaintConcurrencyException">The complaint changed meanwhile; nothing was written.</exception>
    Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default);
}

/// <summary>One lifecycle step of a complaint, written in one transaction.</summary>
public sealed record LifecycleCommit
{
    /// <summary>Gets the complaint's new state; its <see cref="Complaint.Version"/> is <see cref="ExpectedVersion"/> + 1.</summary>
    public required Complaint Complaint { get; init; }

    /// <summary>Gets the version the step was based on.</summary>
    public required int ExpectedVersion { get; init; }

    /// <summary>Gets the audit events to append.</summary>
    public IReadOnlyList<AuditEvent> AuditEvents { get; init; } = [];

    /// <summary>Gets the messages to queue in the outbox.</summary>
    public IReadOnlyList<OutboundMessage> Outbound { get; init; } = [];
}
