namespace Grievance.Sla;

/// <summary>
/// The time limits of complaints of one department and/or category. Unset limits fall back to a less specific policy,
/// then to <see cref="SlaOptions"/>. The most specific policy wins: department and category, then category, then department.
/// </summary>
public sealed class SlaPolicy
{
    /// <summary>Gets or sets the department the policy applies to, or <see langword="null"/> for any department.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Department { get; set; }

    /// <summary>Gets or sets the category the policy applies to, or <see langword="null"/> for any category.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Category { get; set; }

    /// <summary>Gets or sets the time an officer has to take up a new complaint (assign or start it) before the officers are reminded.</summary>
    /// <value>The default value is <see langword="null"/>: inherited.</value>
    public TimeSpan? AcknowledgementTime { get; set; }

    /// <summary>Gets or sets the time after which the citizen gets the interim reply if the complaint is not resolved.</summary>
    /// <value>The default value is <see langword="null"/>: inherited.</value>
    public TimeSpan? InterimReplyTime { get; set; }

    /// <summary>Gets or sets the time to resolve the complaint.</summary>
    /// <value>The default value is <see langword="null"/>: inherited.</value>
    public TimeSpan? ResolutionTime { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the limits count working time only (whole days as working days, the rest
    /// as working hours) on the configured calendar.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: inherited.</value>
    public bool? WorkingTime { get; set; }
}
