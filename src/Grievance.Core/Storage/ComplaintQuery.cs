using Grievance.Codes;
using Grievance.Complaints;

namespace Grievance.Storage;

/// <summary>
/// A store-level filter over complaints. Empty filters match everything; results are ordered by creation time, then id.
/// Applications query through <see cref="Queries.IComplaintQueries"/>, which always applies a scope.
/// </summary>
public sealed record ComplaintQuery
{
    /// <summary>The statuses of complaints still open (not resolved, rejected or closed).</summary>
    public static readonly IReadOnlyList<ComplaintStatus> OpenStatuses =
        [ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen, ComplaintStatus.Reopened];

    /// <summary>Gets the department to list, or <see langword="null"/> for every department.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>Gets the districts to list, or an empty list for every district.</summary>
    public IReadOnlyList<DistrictId> Districts { get; init; } = [];

    /// <summary>Gets the statuses to list, or an empty list for every status.</summary>
    public IReadOnlyList<ComplaintStatus> Statuses { get; init; } = [];

    /// <summary>Gets the categories to list, or an empty list for every category.</summary>
    public IReadOnlyList<CategoryId> Categories { get; init; } = [];

    /// <summary>Gets the earliest creation time to list (inclusive), when set.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Gets the creation time before which to list (exclusive), when set.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Gets a time: when set, only open complaints due before it (overdue at that time) are listed.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>Gets the code to find, when set.</summary>
    public ComplaintCode? Code { get; init; }

    /// <summary>Gets the channel message that opened the complaint, when set (with <see cref="Channel"/>).</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>Gets the channel, when set.</summary>
    public string? Channel { get; init; }

    /// <summary>Gets the keyset cursor: only complaints after this one in (creation time, id) order are listed.</summary>
    public ComplaintCursor? After { get; init; }

    /// <summary>Gets how many matching complaints to skip (offset paging; prefer <see cref="After"/> for large lists).</summary>
    public int Skip { get; init; }

    /// <summary>Gets the most complaints to return.</summary>
    public int Take { get; init; } = 100;
}

/// <summary>A position in the (creation time, id) order of complaints, for keyset paging.</summary>
/// <param name="CreatedAt">The creation time of the last complaint seen.</param>
/// <param name="Id">The id of the last complaint seen.</param>
public sealed record ComplaintCursor(DateTimeOffset CreatedAt, ComplaintId Id)
{
    /// <summary>Gets the cursor of a complaint.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The cursor that lists what comes after it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static ComplaintCursor Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new ComplaintCursor(complaint.CreatedAt, complaint.Id);
    }

    /// <summary>Compares two complaints' positions in the order: creation time, then id text.</summary>
    /// <param name="createdAt">The creation time.</param>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when that position comes after this cursor.</returns>
    public bool Precedes(DateTimeOffset createdAt, ComplaintId id) =>
        createdAt.UtcTicks > CreatedAt.UtcTicks || (createdAt.UtcTicks == CreatedAt.UtcTicks && string.CompareOrdinal(id.ToString(), Id.ToString()) > 0);
}

/// <summary>How many complaints of a district have a status.</summary>
/// <param name="District">The district, or <see langword="null"/> for complaints without one.</param>
/// <param name="Status">The status.</param>
/// <param name="Count">The number of complaints.</param>
public sealed record ComplaintCount(DistrictId? District, ComplaintStatus Status, int Count);
