using Grievance.Complaints;
using Grievance.Notifications;

namespace Grievance.Storage;

/// <summary>The outbox: citizen messages queued in the same transaction as the change that caused them.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> pending messages, highest <see cref="OutboundMessage.Priority"/> first and oldest
    /// first within a priority, for one dispatcher: no other claimer gets them until <paramref name="lease"/> has passed
    /// (so a dispatcher that dies mid-send releases them) or they are marked sent, failed or released. A message whose
    /// <see cref="OutboundMessage.NextAttemptAt"/> is still ahead is not claimed.
    /// </summary>
    /// <param name="max">The most to claim.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The claimed messages.</returns>
    Task<IReadOnlyList<OutboundMessage>> ClaimPendingAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Lists up to <paramref name="max"/> pending messages, oldest first, claimed or not (an operator's view; it claims nothing).</summary>
    /// <param name="max">The most to return.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The pending messages.</returns>
    Task<IReadOnlyList<OutboundMessage>> GetPendingAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Records that a message was sent, releasing its claim.</summary>
    /// <param name="id">The message's id.</param>
    /// <param name="sentExternalId">The channel's id of the sent message.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    Task MarkSentAsync(Guid id, string sentExternalId, CancellationToken cancellationToken = default);

    /// <summary>Records a failed delivery attempt, releasing its claim.</summary>
    /// <param name="id">The message's id.</param>
    /// <param name="error">What went wrong (no message text or personal data).</param>
    /// <param name="permanent"><see langword="true"/> to stop retrying and mark the message failed.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    Task MarkFailedAsync(Guid id, string error, bool permanent, CancellationToken cancellationToken = default);

    /// <summary>Records a failed delivery attempt to be retried no earlier than <paramref name="notBefore"/> (backoff), releasing its claim.</summary>
    /// <param name="id">The message's id.</param>
    /// <param name="error">What went wrong (no message text or personal data).</param>
    /// <param name="notBefore">The earliest time the message may be claimed again.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    /// <exception cref="KeyNotFoundException">No message has <paramref name="id"/>.</exception>
    Task RetryLaterAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default);

    /// <summary>Releases claims without counting an attempt (the channel deferred the round), so the next claim can take them at once in priority order.</summary>
    /// <param name="ids">The claimed messages not attempted.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the claims are released.</returns>
    Task ReleaseAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists up to <paramref name="max"/> messages that failed for good, most recently queued first (an operator's view).</summary>
    /// <param name="max">The most to return.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The failed messages, each with its <see cref="OutboundMessage.LastError"/>.</returns>
    Task<IReadOnlyList<OutboundMessage>> GetFailedAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Counts the messages that failed for good.</summary>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The count.</returns>
    Task<int> CountFailedAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the messages queued for a complaint, oldest first, whatever their status.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The messages.</returns>
    Task<IReadOnlyList<OutboundMessage>> ListForComplaintAsync(ComplaintId complaintId, CancellationToken cancellationToken = default);
}
