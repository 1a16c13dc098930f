using Grievance.Complaints;
using Grievance.Queries;

namespace Grievance.Sla;

/// <summary>
/// Watches time limits: interim replies to citizens, reminders to officers, escalation of overdue complaints up the ladder,
/// closing resolved complaints whose feedback window passed, erasing personal data (of complaints and of rejected
/// messages) after the retention period; and reports the defaulters. A hosted service runs <see cref="RunOnceAsync"/>
/// every <see cref="SlaOptions.MonitorInterval"/>.
/// </summary>
public interface ISlaMonitor
{
    /// <summary>Does everything whose time has come, as of the clock's now.</summary>
    /// <param name="cancellationToken">The token to cancel the pass.</param>
    /// <returns>What the pass did.</returns>
    Task<SlaRunResult> RunOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the overdue open complaints in a scope, per department, district and officer, most overdue first.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>One line per (department, district, officer) with overdue complaints.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    Task<IReadOnlyList<Defaulter>> GetDefaultersAsync(ComplaintScope scope, CancellationToken cancellationToken = default);
}

/// <summary>What one pass of the monitor did.</summary>
public sealed record SlaRunResult
{
    /// <summary>Gets how many complaints the pass looked at.</summary>
    public int Examined { get; init; }

    /// <summary>Gets how many interim replies were queued to citizens.</summary>
    public int InterimReplies { get; init; }

    /// <summary>Gets how many reminders went to officers.</summary>
    public int Reminders { get; init; }

    /// <summary>Gets how many complaints were escalated.</summary>
    public int Escalations { get; init; }

    /// <summary>Gets how many resolved complaints were closed after their feedback window.</summary>
    public int Closed { get; init; }

    /// <summary>Gets how many complaints had their personal data erased after the retention period.</summary>
    public int Erased { get; init; }

    /// <summary>Gets how many rejected messages had their personal data erased after the retention period.</summary>
    public int RejectionsErased { get; init; }
}

/// <summary>Overdue complaints of one department, district and officer.</summary>
/// <param name="Department">The department.</param>
/// <param name="District">The district, or <see langword="null"/> for complaints without one.</param>
/// <param name="Officer">The officer assigned, or <see langword="null"/> for unassigned complaints.</param>
/// <param name="Overdue">How many complaints are overdue.</param>
/// <param name="OldestDueAt">The earliest due time among them.</param>
/// <param name="Codes">Their codes, most overdue first.</param>
public sealed record Defaulter(DepartmentId Department, DistrictId? District, string? Officer, int Overdue, DateTimeOffset OldestDueAt, IReadOnlyList<string> Codes);
