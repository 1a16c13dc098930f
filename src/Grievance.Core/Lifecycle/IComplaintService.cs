using Grievance.Complaints;

namespace Grievance.Lifecycle;

/// <summary>
/// What officers do with a complaint. Each action checks the complaint's status (an illegal transition throws
/// <see cref="ComplaintTransitionException"/> naming the states), writes the new state, an append-only audit event
/// (actor, time, from, to, reason) and any reply to the citizen in one transaction, and returns the new state.
/// A complaint changed by someone else meanwhile throws <see cref="Storage.ComplaintConcurrencyException"/>.
/// </summary>
public interface IComplaintService
{
    /// <summary>Assigns the complaint to a unit and/or an officer.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting (an id, not a name).</param>
    /// <param name="unit">The unit (police station, sub-division), when assigning to one.</param>
    /// <param name="officer">The officer id, when assigning to one.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty, or neither a unit nor an officer is given.</exception>
    /// <exception cref="KeyNotFoundException">No complaint has the id.</exception>
    Task<Complaint> AssignAsync(ComplaintId id, string actor, string? unit, string? officer, CancellationToken cancellationToken = default);

    /// <summary>Starts work on the complaint.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    Task<Complaint> StartAsync(ComplaintId id, string actor, CancellationToken cancellationToken = default);

    /// <summary>Adds an internal note, never sent to the citizen. Allowed in every status.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="note">The note.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    Task<Complaint> AddNoteAsync(ComplaintId id, string actor, string note, CancellationToken cancellationToken = default);

    /// <summary>Asks the citizen for information: in the thread, or by direct message for personal details.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="question">The question.</param>
    /// <param name="privately"><see langword="true"/> to ask by direct message (personal details such as an address or a phone number).</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    Task<Complaint> RequestInformationAsync(ComplaintId id, string actor, string question, bool privately = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Transfers the complaint to another department and/or district. The code does not change; the receiving side gets
    /// a new due date; the number of transfers is capped (<see cref="LifecycleOptions.MaxTransfers"/>).
    /// </summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="department">The receiving department.</param>
    /// <param name="district">The receiving district, or <see langword="null"/> to keep the current one.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    /// <exception cref="ComplaintRuleException">The cap is reached, the target is the current place, or the department or district is unknown.</exception>
    Task<Complaint> TransferAsync(ComplaintId id, string actor, DepartmentId department, DistrictId? district, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a complaint held for review (<see cref="ComplaintStatus.HeldForReview"/>) for work: it becomes
    /// <see cref="ComplaintStatus.New"/>, its time limit starts now, and the citizen is told with the due date. A held
    /// complaint that should not be worked is rejected instead (<see cref="RejectAsync"/>, for example as spam or duplicate).
    /// </summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="reason">Why, when given.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    /// <exception cref="ComplaintTransitionException">The complaint is not held for review.</exception>
    Task<Complaint> ReleaseAsync(ComplaintId id, string actor, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Resolves the complaint: the public resolution note is replied to the citizen, who is asked whether it was resolved.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="resolutionNote">The public resolution note.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    Task<Complaint> ResolveAsync(ComplaintId id, string actor, string resolutionNote, CancellationToken cancellationToken = default);

    /// <summary>Rejects the complaint for a configured reason (<see cref="LifecycleOptions.RejectionReasons"/>); "not our department" is refused: transfer instead.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="reason">The configured reason, for example <c>spam</c>.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    /// <exception cref="ComplaintRuleException">The reason is not a configured one.</exception>
    Task<Complaint> RejectAsync(ComplaintId id, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Reopens a resolved, closed or rejected complaint with a new due date.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    Task<Complaint> ReopenAsync(ComplaintId id, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Closes a resolved complaint.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting.</param>
    /// <param name="reason">Why, when given.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    Task<Complaint> CloseAsync(ComplaintId id, string actor, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the complainant's personal data (handle, name, platform id, text, attachments, what they wrote later) on
    /// their request; the audit trail keeps its non-personal facts. Allowed in every status; a second erasure does nothing.
    /// The citizen's rejected messages are not tied to one complaint: <see cref="EraseCitizenAsync"/> erases those too.
    /// </summary>
    /// <param name="id">The complaint.</param>
    /// <param name="actor">The officer acting on the request.</param>
    /// <param name="reason">The request's reference or reason.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint's new state.</returns>
    Task<Complaint> ErasePersonalDataAsync(ComplaintId id, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the personal data of every complaint a citizen opened on a channel, and of the citizen's messages on that
    /// channel that were rejected (<see cref="Storage.Rejection"/>: the message as received goes; id, kind, channel,
    /// external id, reasons and time stay).
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <param name="platformId">The citizen's platform id.</param>
    /// <param name="actor">The officer acting on the request.</param>
    /// <param name="reason">The request's reference or reason.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>How many complaints were erased.</returns>
    /// <exception cref="NotSupportedException">
    /// The store does not implement <see cref="Storage.IComplaintLifecycleStore.EraseRejectionsAsync"/>; the complaints were
    /// erased, the rejected messages were not.
    /// </exception>
    Task<int> EraseCitizenAsync(string channel, string platformId, string actor, string reason, CancellationToken cancellationToken = default);
}
