using Grievance.Complaints;
using Grievance.Notifications;

namespace Grievance.Storage;

/// <summary>The store's side of the lifecycle: atomic, version-checked updates of a complaint, time-limit scans, per-citizen counts and erasure (of complaints and of rejected messages).</summary>
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

    /// <summary>
    /// Counts the complaints a citizen opened on a channel with a creation time in [<paramref name="createdFrom"/>,
    /// <paramref name="createdBefore"/>) (the per-citizen monthly limit). Complaints whose personal data was erased no longer
    /// belong to the citizen and are not counted.
    /// </summary>
    /// <remarks>
    /// The default implementation loads the citizen's complaints with <see cref="ListByComplainantAsync"/> and counts them;
    /// a store should override it with a count in the store (the bundled stores use an index on channel, citizen and
    /// creation time).
    /// </remarks>
    /// <param name="channel">The channel.</param>
    /// <param name="platformId">The citizen's platform id.</param>
    /// <param name="createdFrom">The earliest creation time counted.</param>
    /// <param name="createdBefore">The creation time from which on complaints are no longer counted.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The number of complaints.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="platformId"/> is <see langword="null"/>.</exception>
    async Task<int> CountByComplainantAsync(string channel, string platformId, DateTimeOffset createdFrom, DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        var complaints = await ListByComplainantAsync(channel, platformId, cancellationToken).ConfigureAwait(false);
        return complaints.Count(c => c.CreatedAt >= createdFrom && c.CreatedAt < createdBefore);
    }

    /// <summary>
    /// Erases the personal data of the rejected messages (<see cref="Rejection"/>) a citizen sent on a channel: the message
    /// as received (author's id, handle, name, text, attachments) is removed; the rejection's id, kind, channel, external
    /// id, reasons and time stay. Rejections of other citizens are not touched; a second call finds nothing.
    /// </summary>
    /// <remarks>
    /// The default implementation throws <see cref="NotSupportedException"/>: a store that keeps rejections must override
    /// it, or erasure on request cannot complete (see <see cref="Lifecycle.IComplaintService.EraseCitizenAsync"/>).
    /// </remarks>
    /// <param name="channel">The channel.</param>
    /// <param name="platformId">The citizen's platform id.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>How many rejections had personal data erased.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="platformId"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">The store does not implement this member.</exception>
    Task<int> EraseRejectionsAsync(string channel, string platformId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"The store {GetType().Name} does not implement {nameof(IComplaintLifecycleStore)}.{nameof(EraseRejectionsAsync)}, so rejected messages keep their personal data.");

    /// <summary>
    /// Erases the personal data of rejected messages recorded before <paramref name="rejectedBefore"/> (the retention
    /// period), oldest first, at most <paramref name="max"/> of them; as <see cref="EraseRejectionsAsync"/>, the
    /// non-personal facts stay. Rejections already erased are not counted again.
    /// </summary>
    /// <remarks>
    /// The default implementation throws <see cref="NotSupportedException"/>; a store that keeps rejections must override it.
    /// </remarks>
    /// <param name="rejectedBefore">The time.</param>
    /// <param name="max">The most to erase in this call.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>How many rejections had personal data erased.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not positive.</exception>
    /// <exception cref="NotSupportedException">The store does not implement this member.</exception>
    Task<int> EraseRejectionsBeforeAsync(DateTimeOffset rejectedBefore, int max, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"The store {GetType().Name} does not implement {nameof(IComplaintLifecycleStore)}.{nameof(EraseRejectionsBeforeAsync)}, so rejected messages keep their personal data after the retention period.");
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
