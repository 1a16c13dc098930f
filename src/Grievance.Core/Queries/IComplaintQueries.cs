using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Storage;

namespace Grievance.Queries;

/// <summary>Reads complaints for officers and dashboards, always inside a <see cref="ComplaintScope"/>.</summary>
public interface IComplaintQueries
{
    /// <summary>Lists complaints in a scope matching a filter, in (creation time, id) order, one keyset page at a time.</summary>
    /// <param name="scope">The scope; the filter can narrow it, never widen it.</param>
    /// <param name="filter">The filter; its <see cref="ComplaintQuery.After"/> is the page cursor and <see cref="ComplaintQuery.Take"/> the page size.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    Task<ComplaintPage> FindAsync(ComplaintScope scope, ComplaintQuery filter, CancellationToken cancellationToken = default);

    /// <summary>Counts complaints in a scope per district and status, for dashboards.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="filter">The filter.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintScope scope, ComplaintQuery filter, CancellationToken cancellationToken = default);

    /// <summary>Finds a complaint by code, if it is in the scope.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint, or <see langword="null"/> when there is none in the scope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    Task<Complaint?> FindByCodeAsync(ComplaintScope scope, ComplaintCode code, CancellationToken cancellationToken = default);

    /// <summary>Finds the complaint a channel message opened, if it is in the scope.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="externalId">The channel's message id.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The complaint, or <see langword="null"/> when there is none in the scope.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    Task<Complaint?> FindBySourceAsync(ComplaintScope scope, string channel, string externalId, CancellationToken cancellationToken = default);
}

/// <summary>One page of complaints.</summary>
/// <param name="Items">The complaints of the page.</param>
/// <param name="Next">The cursor of the next page, or <see langword="null"/> on the last page.</param>
public sealed record ComplaintPage(IReadOnlyList<Complaint> Items, ComplaintCursor? Next);
