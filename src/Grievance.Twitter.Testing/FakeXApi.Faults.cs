namespace Grievance.Twitter.Testing;

/// <summary>The fake's fault plan and daily limits.</summary>
public sealed partial class FakeXApi
{
    private readonly FakeXFaultPlan _faults = new();

    /// <summary>Gets the faults the fake serves: scripted or seeded random 429s, 24-hour caps, usage caps, 5xx, timeouts and duplicate-content refusals.</summary>
    public FakeXFaultPlan Faults => _faults;

    /// <summary>Gets or sets how many posts a 24-hour window allows per account (sent as <c>x-user-limit-24hour-*</c>).</summary>
    /// <value>The default value is 10,000.</value>
    public int PostsPer24Hours { get; set; } = 10_000;

    /// <summary>Gets or sets how many <c>GET /2/users/:id/tweets</c> requests a 15-minute window allows per account.</summary>
    /// <value>The default value is 900.</value>
    public int UserPostsRequestsPerWindow { get; set; } = 900;
}
