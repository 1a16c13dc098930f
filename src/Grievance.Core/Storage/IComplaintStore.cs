using Grievance.Codes;
using Grievance.Complaints;

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

    /// <summary>Writes everything one intake step produced in one transaction.</summary>
    /// <param name="commit">What to write.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>Whether it was written, or the earlier record when the message had already been handled (nothing is written then).</returns>
    Task<IntakeCommitResult> CommitIntakeAsync(IntakeCommit commit, CancellationToken cancellationToken = default);

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
