using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Storage.Internal;

namespace Grievance.Storage;

/// <summary>Durable home of complaints, their audit trail, rejections, and the record of handled messages.</summary>
public interface IComplaintStore
{
    /// <summary>Finds the record of an already handled message.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="externalId">The channel's id of the message.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The record, or <see langword="null"/> when the message is new.</returns>
    Task<ProcessedMessage?> FindProcessedAsync(string channel, string externalId, CancellationToken cancellationToken = default);

    /// <summary>Finds the records of several messages of one channel at once (intake looks up a whole group in one call).</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="externalIds">The channel's ids of the messages.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The records of those messages that were handled, in no particular order; new messages have none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="externalIds"/> is <see langword="null"/>.</exception>
    async Task<IReadOnlyList<ProcessedMessage>> FindProcessedBatchAsync(string channel, IReadOnlyList<string> externalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalIds);
        var found = new List<ProcessedMessage>();
        foreach (var externalId in externalIds.Distinct(StringComparer.Ordinal))
        {
            if (await FindProcessedAsync(channel, externalId, cancellationToken).ConfigureAwait(false) is { } record)
            {
                found.Add(record);
            }
        }

        return found;
    }

    /// <summary>Writes everything one intake step produced in one transaction.</summary>
    /// <param name="commit">What to write.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>Whether it was written, or the earlier record when the message had already been handled (nothing is written then).</returns>
    Task<IntakeCommitResult> CommitIntakeAsync(IntakeCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a group of intake commits, in order, as one transaction (group commit): each item is written whole or not
    /// at all, exactly as by <see cref="CommitIntakeAsync"/>, but the group costs one commit instead of one per item.
    /// </summary>
    /// <remarks>
    /// An item whose message was already handled (earlier, concurrently by another worker, or by an earlier item of the
    /// same group) writes nothing and gets the earlier record; the other items are still written. Any other failure
    /// (a duplicate code or idempotency key, an audit event for an unknown complaint) fails the whole call and, in a
    /// store that overrides this method, writes nothing of the group. The default implementation calls
    /// <see cref="CommitIntakeAsync"/> for each item in turn, so after a failure the items before it stay written;
    /// intake tolerates that, because its checkpoint does not advance and a re-read recognises them.
    /// </remarks>
    /// <param name="commits">What to write, in order.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>One result per item, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commits"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="commits"/> holds a <see langword="null"/> item.</exception>
    async Task<IReadOnlyList<IntakeCommitResult>> CommitIntakeBatchAsync(IReadOnlyList<IntakeCommit> commits, CancellationToken cancellationToken = default)
    {
        IntakeCommitBatch.Validate(commits);
        var results = new IntakeCommitResult[commits.Count];
        for (var i = 0; i < commits.Count; i++)
        {
            results[i] = await CommitIntakeAsync(commits[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>Gets a complaint by id.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint, or <see langword="null"/>.</returns>
    Task<Complaint?> GetAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a complaint by its code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint, or <see langword="null"/>.</returns>
    Task<Complaint?> FindByCodeAsync(ComplaintCode code, CancellationToken cancellationToken = default);

    /// <summary>Finds the complaint opened in a conversation (thread).</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="conversationId">The channel's conversation id.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The earliest complaint of the conversation, or <see langword="null"/>.</returns>
    Task<Complaint?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Lists complaints matching a query, in (creation time, id) order.</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The matching complaints.</returns>
    Task<IReadOnlyList<Complaint>> ListAsync(ComplaintQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts the complaints matching a query per district and status (paging fields are ignored).</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>One count per (district, status) that has complaints.</returns>
    Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets a complaint's audit trail, oldest first.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>Lists recorded rejections, oldest first.</summary>
    /// <param name="skip">How many to skip.</param>
    /// <param name="take">The most to return.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The rejections.</returns>
    Task<IReadOnlyList<Rejection>> ListRejectionsAsync(int skip = 0, int take = 100, CancellationToken cancellationToken = default);
}
