using Grievance.Complaints;

namespace Grievance.Samples;

/// <summary>How the samples name a complaint's status (the console's <c>--json</c> contract, the report and the portal).</summary>
public static class SampleStatus
{
    /// <summary>The status's name, in lower case with hyphens.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    public static string Name(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "new",
        ComplaintStatus.Assigned => "assigned",
        ComplaintStatus.InProgress => "in-progress",
        ComplaintStatus.AwaitingCitizen => "awaiting-citizen",
        ComplaintStatus.Resolved => "resolved",
        ComplaintStatus.Rejected => "rejected",
        ComplaintStatus.Reopened => "reopened",
        ComplaintStatus.HeldForReview => "held-for-review",
        _ => "closed",
    };
}
