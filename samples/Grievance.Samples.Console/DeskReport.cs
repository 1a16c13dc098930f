using System.Globalization;
using System.Net;
using System.Text;
using Grievance.Complaints;
using Grievance.Queries;
using Grievance.ServiceDirectory;
using Grievance.Sla;
using Grievance.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Samples.Console;

/// <summary>One line of the per-district summary: complaints in a district, how many are open and how many of those overdue.</summary>
/// <param name="District">The district id, or <c>-</c> when unknown.</param>
/// <param name="Total">All complaints.</param>
/// <param name="Open">Complaints not resolved, rejected or closed.</param>
/// <param name="Overdue">Open complaints past their due date.</param>
public sealed record DistrictSummary(string District, int Total, int Open, int Overdue);

/// <summary>
/// The state-wide report: counts by district and department and status, open complaints by age, the overdue list and
/// the defaulters. It holds public fields only (codes, departments, districts, statuses, dates, officer ids): never
/// what citizens wrote or who they are.
/// </summary>
public sealed record DeskReport
{
    /// <summary>The statuses in the order the report shows them.</summary>
    public static readonly IReadOnlyList<ComplaintStatus> Statuses =
    [
        ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen,
        ComplaintStatus.Reopened, ComplaintStatus.Resolved, ComplaintStatus.Rejected, ComplaintStatus.Closed,
    ];

    /// <summary>The age buckets of open complaints: the upper bound in days (exclusive) and the label.</summary>
    public static readonly IReadOnlyList<(double Days, string Label)> AgeBuckets =
    [
        (1, "under 1 day"), (3, "1-3 days"), (7, "3-7 days"), (14, "7-14 days"), (30, "14-30 days"), (double.MaxValue, "over 30 days"),
    ];

    /// <summary>Gets the time the report is made for.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the complaints' public fields.</summary>
    public required IReadOnlyList<ReportComplaint> Complaints { get; init; }

    /// <summary>Gets the defaulters: officers and desks with overdue complaints.</summary>
    public required IReadOnlyList<Defaulter> Defaulters { get; init; }

    /// <summary>Gets department names by id.</summary>
    public IReadOnlyDictionary<string, string> DepartmentNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets district names by id.</summary>
    public IReadOnlyDictionary<string, string> DistrictNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets whether a status counts as open.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> unless resolved, rejected or closed.</returns>
    public static bool IsOpen(ComplaintStatus status) =>
        status is not (ComplaintStatus.Resolved or ComplaintStatus.Rejected or ComplaintStatus.Closed);

    /// <summary>Reads every complaint through a state oversight scope, and the defaulters, at <paramref name="at"/>.</summary>
    /// <param name="services">The sample's services.</param>
    /// <param name="at">The time the report is made for (overdue and age are measured from it).</param>
    /// <param name="cancellationToken">The token to cancel the read.</param>
    /// <returns>The report.</returns>
    public static async Task<DeskReport> LoadAsync(IServiceProvider services, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IComplaintQueries>();
        var oversight = ComplaintScope.StateOversight("sample-report", "State-wide grievance report");
        var complaints = new List<ReportComplaint>();
        ComplaintCursor? after = null;
        do
        {
            var page = await queries.FindAsync(oversight, new ComplaintQuery { Take = 500, After = after }, cancellationToken);
            complaints.AddRange(page.Items.Select(c => new ReportComplaint(c.Code.Value, c.Department.Value, c.District?.Value, c.Status, c.CreatedAt, c.DueAt)));
            after = page.Next;
        }
        while (after is not null);

        var defaulters = await scope.ServiceProvider.GetRequiredService<ISlaMonitor>().GetDefaultersAsync(oversight, cancellationToken);
        var directory = scope.ServiceProvider.GetRequiredService<IServiceDirectory>();
        return new DeskReport
        {
            At = at,
            Complaints = [.. complaints.OrderBy(c => c.Code, StringComparer.Ordinal)],
            Defaulters = defaulters,
            DepartmentNames = directory.Departments.ToDictionary(d => d.Id.Value, d => d.Name, StringComparer.Ordinal),
            DistrictNames = directory.Gazetteer.Districts.ToDictionary(d => d.Id.Value, d => d.Name, StringComparer.Ordinal),
        };
    }

    /// <summary>Summarises complaints per district (unknown district last as <c>-</c>).</summary>
    /// <param name="complaints">The complaints: district, status and due date.</param>
    /// <param name="at">The time overdue is measured at.</param>
    /// <returns>One line per district, by district id.</returns>
    public static IReadOnlyList<DistrictSummary> SummariseByDistrict(IEnumerable<(string? District, ComplaintStatus Status, DateTimeOffset? DueAt)> complaints, DateTimeOffset at) =>
        [.. complaints
            .GroupBy(c => c.District ?? "-", StringComparer.Ordinal)
            .OrderBy(g => g.Key == "-" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DistrictSummary(
                g.Key,
                g.Count(),
                g.Count(c => IsOpen(c.Status)),
                g.Count(c => IsOpen(c.Status) && c.DueAt < at)))];

    /// <summary>Gets the open complaints past their due date, most overdue first.</summary>
    /// <returns>The overdue complaints.</returns>
    public IReadOnlyList<ReportComplaint> Overdue() =>
        [.. Complaints.Where(c => IsOpen(c.Status) && c.DueAt < At).OrderBy(c => c.DueAt).ThenBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>Counts complaints per key and status.</summary>
    /// <param name="key">The grouping key.</param>
    /// <returns>Rows of key and counts in the order of <see cref="Statuses"/>.</returns>
    public IReadOnlyList<(string Key, int[] Counts)> CountByStatus(Func<ReportComplaint, string> key) =>
        [.. Complaints
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key == "-" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Statuses.Select(s => g.Count(c => c.Status == s)).ToArray()))];

    /// <summary>Counts open complaints per department and age bucket.</summary>
    /// <returns>Rows of department and counts in the order of <see cref="AgeBuckets"/>.</returns>
    public IReadOnlyList<(string Key, int[] Counts)> CountOpenByAge() =>
        [.. Complaints
            .Where(c => IsOpen(c.Status))
            .GroupBy(c => c.Department, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, AgeBuckets.Select((b, i) => g.Count(c => Bucket(c) == i)).ToArray()))];

    private int Bucket(ReportComplaint complaint)
    {
        var days = (At - complaint.CreatedAt).TotalDays;
        for (var i = 0; i < AgeBuckets.Count; i++)
        {
            if (days < AgeBuckets[i].Days)
            {
                return i;
            }
        }

        return AgeBuckets.Count - 1;
    }
}

/// <summary>The public fields of one complaint the report uses.</summary>
/// <param name="Code">The complaint code.</param>
/// <param name="Department">The department id.</param>
/// <param name="District">The district id, if known.</param>
/// <param name="Status">The status.</param>
/// <param name="CreatedAt">When the complaint was taken in.</param>
/// <param name="DueAt">When it is due, if a time limit runs.</param>
public sealed record ReportComplaint(string Code, string Department, string? District, ComplaintStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);
