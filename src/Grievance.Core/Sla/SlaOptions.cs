using System.ComponentModel.DataAnnotations;

namespace Grievance.Sla;

/// <summary>
/// Time limits, the working calendar and the escalation ladder. The default time to resolve a complaint is
/// <see cref="GrievanceOptions.DefaultResolutionTime"/> (21 days); <see cref="Policies"/> set other times per department and category.
/// </summary>
public sealed class SlaOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "GrievanceSla";

    /// <summary>Gets or sets the default time an officer has to take up a new complaint.</summary>
    /// <value>The default value is 1 day.</value>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan AcknowledgementTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the default time after which the citizen gets an interim reply (CPGRAMS makes one mandatory).</summary>
    /// <value>The default value is 7 days.</value>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan InterimReplyTime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets a value indicating whether the default limits count working time only.</summary>
    /// <value>The default value is <see langword="false"/>: calendar time, as CPGRAMS counts its 21 days.</value>
    public bool WorkingTime { get; set; }

    /// <summary>
    /// Gets the policies per department and/or category. Built in, unless configured otherwise: <c>women-safety</c> and
    /// <c>missing-person</c> take 1 hour to take up, 6 hours to the interim reply and 24 hours to resolve, in calendar time.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<SlaPolicy> Policies { get; } = [];

    /// <summary>Gets or sets when the working day starts, local time.</summary>
    /// <value>The default value is 10:00.</value>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan WorkingDayStart { get; set; } = new(10, 0, 0);

    /// <summary>Gets or sets when the working day ends, local time.</summary>
    /// <value>The default value is 18:00.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan WorkingDayEnd { get; set; } = new(18, 0, 0);

    /// <summary>Gets the days of the week offices work.</summary>
    /// <value>The default value is Monday to Saturday when the list is left empty.</value>
    public IList<DayOfWeek> WorkingDays { get; } = [];

    /// <summary>Gets the holidays (local dates), on which no working time passes.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<DateOnly> Holidays { get; } = [];

    /// <summary>Gets the steps of the escalation ladder above the district, lowest first.</summary>
    /// <value>The default value is <c>division</c> then <c>state</c> when the list is left empty (district → division → state cell).</value>
    public IList<string> EscalationLadder { get; } = [];

    /// <summary>Gets or sets the time each higher step of the ladder gets before the complaint goes up again.</summary>
    /// <value>The default value is 3 days.</value>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan EscalationTime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Gets or sets how long before the due time the officers are reminded.</summary>
    /// <value>The default value is 2 days.</value>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Gets or sets how often the hosted monitor looks for complaints whose time has come.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The escalation ladder used when <see cref="EscalationLadder"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultEscalationLadder = ["division", "state"];
}
