using Grievance.Complaints;
using Grievance.Notifications;

namespace Grievance.Storage;

/// <summary>The outbox: citizen messages queued in the same transaction as the change that caused them.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> pending messages, oldest first, for one dispatcher: no other claimer gets them
    /// until <paramref name="lease"/> has passed (so a dispatcher that dies mid-send releases them) or they are marked
    /// sent or failed.
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

    /// <summary>Lists the messages queued for a complaint, oldest first, whatever their status.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The messages.</returns>
    Task<IReadOnlyList<OutboundMessage>> ListForComplaintAsync(ComplaintId complaintId, CancellationToken cancellationToken = default);
}
