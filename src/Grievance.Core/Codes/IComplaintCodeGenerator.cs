using Grievance.Complaints;

namespace Grievance.Codes;

/// <summary>Issues new, unique complaint codes.</summary>
public interface IComplaintCodeGenerator
{
    /// <summary>Issues the next code for a complaint created at <paramref name="createdAt"/> in <paramref name="district"/>.</summary>
    /// <param name="district">The complaint's district, or <see langword="null"/> to code it under the triage scope.</param>
    /// <param name="createdAt">When the complaint was created; selects the code's period.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A code never issued before.</returns>
    ValueTask<ComplaintCode> NextAsync(DistrictId? district, DateTimeOffset createdAt, CancellationToken cancellationToken = default);
}
