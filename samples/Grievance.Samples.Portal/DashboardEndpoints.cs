using System.Globalization;
using System.Text;
using Grievance.Complaints;
using Grievance.Queries;
using Grievance.ServiceDirectory;
using Grievance.Sla;
using Grievance.Storage;
using static Grievance.Samples.Portal.PortalHtml;

namespace Grievance.Samples.Portal;

/// <summary><c>GET /dashboard?district=</c>: counts by status and age, overdue complaints and defaulters in the officer's scope, charts as inline SVG.</summary>
internal static class DashboardEndpoints
{
    /// <summary>The age buckets of open complaints: the upper bound in days (exclusive) and the label.</summary>
    public static readonly IReadOnlyList<(double Days, string Label)> AgeBuckets =
    [
        (1, "under 1 day"), (3, "1-3 days"), (7, "3-7 days"), (14, "7-14 days"), (30, "14-30 days"), (double.MaxValue, "over 30 days"),
    ];

    public static void Map(RouteGroupBuilder officer) => officer.MapGet("/dashboard", Dashboard);

    private static async Task<IResult> Dashboard(HttpContext context, IComplaintQueries queries, ISlaMonitor sla, IServiceDirectory directory, TimeProvider time, string? district)
    {
        var me = context.CurrentOfficer();
        var ct = context.RequestAborted;
        var now = time.GetUtcNow();
        IReadOnlyList<DistrictId> districts = string.IsNullOrWhiteSpace(district) ? [] : [new DistrictId(district)];
        var counts = await queries.CountAsync(me.Scope, new ComplaintQuery { Districts = districts }, ct);

        // Open complaints, for the age buckets and the overdue list.
        var open = new List<Complaint>();
        ComplaintCursor? after = null;
        do
        {
            var page = await queries.FindAsync(me.Scope, new ComplaintQuery { Districts = districts, Statuses = ComplaintQuery.OpenStatuses, After = after, Take = 500 }, ct);
            open.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        var overdue = open.Where(c => c.DueAt < now).OrderBy(c => c.DueAt).ToList();
        var defaulters = (await sla.GetDefaultersAsync(me.Scope, ct))
            .Where(d => districts.Count == 0 || (d.District is { } dd && districts.Contains(dd)))
            .ToList();

        string DistrictName(string key) => key == "-" ? "no district" : directory.Gazetteer.FindDistrict(new DistrictId(key))?.Name ?? key;
        var statusNames = Statuses.Select(StatusName).ToList();
        var byDistrict = counts
            .GroupBy(c => c.District?.Value ?? "-", StringComparer.Ordinal)
            .OrderBy(g => g.Key == "-" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Statuses.Select(s => g.Where(c => c.Status == s).Sum(c => c.Count)).ToArray()))
            .ToList();
        var byAge = open
            .GroupBy(c => c.District?.Value ?? "-", StringComparer.Ordinal)
            .OrderBy(g => g.Key == "-" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, AgeBuckets.Select((_, i) => g.Count(c => Bucket(now - c.CreatedAt) == i)).ToArray()))
            .ToList();

        var html = new StringBuilder();
        html.Append("<form id=\"dashboard-filter\" method=\"get\" action=\"/dashboard\"><label>District ")
            .Append(Select("district", district, OfficerEndpoints.DistrictOptions(me, directory), "all in scope"))
            .Append("</label><button type=\"submit\">Show</button></form>\n");
        var total = counts.Sum(c => c.Count);
        html.Append("<p id=\"summary\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"{total} complaints, {open.Count} open, {overdue.Count} overdue, {defaulters.Count} defaulters, as of {Time(now)}.")))
            .Append("</p>\n");

        html.Append("<section id=\"by-status\"><h2>Complaints by status</h2>\n");
        Chart(html, "Complaints per district by status", "District", statusNames, byDistrict, DistrictName);
        html.Append("</section>\n<section id=\"by-age\"><h2>Open complaints by age</h2>\n");
        Chart(html, "Open complaints per district by age", "District", [.. AgeBuckets.Select(b => b.Label)], byAge, DistrictName);
        html.Append("</section>\n<section id=\"overdue\"><h2>Overdue</h2>\n");
        if (overdue.Count == 0)
        {
            html.Append("<p>None.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>Code</th><th>District</th><th>Status</th><th>Due</th><th>Days overdue</th></tr>\n");
            foreach (var c in overdue)
            {
                html.Append("<tr><td><a href=\"/complaints/").Append(U(c.Code.Value)).Append("\">").Append(E(c.Code.Value)).Append("</a></td><td>")
                    .Append(E(DistrictName(c.District?.Value ?? "-"))).Append("</td><td>").Append(E(StatusName(c.Status))).Append("</td><td>")
                    .Append(E(Time(c.DueAt))).Append("</td><td>").Append(E(((int)(now - c.DueAt!.Value).TotalDays).ToString(CultureInfo.InvariantCulture))).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n<section id=\"defaulters\"><h2>Defaulters</h2>\n");
        if (defaulters.Count == 0)
        {
            html.Append("<p>None.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>Department</th><th>District</th><th>Officer</th><th>Overdue</th><th>Oldest due</th><th>Codes</th></tr>\n");
            foreach (var d in defaulters)
            {
                html.Append("<tr><td>").Append(E(d.Department.Value)).Append("</td><td>").Append(E(DistrictName(d.District?.Value ?? "-"))).Append("</td><td>")
                    .Append(E(d.Officer ?? "unassigned")).Append("</td><td>").Append(d.Overdue.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(E(Time(d.OldestDueAt))).Append("</td><td>").Append(E(string.Join(", ", d.Codes))).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
        return Page(context, "Dashboard", html.ToString());
    }

    private static int Bucket(TimeSpan age)
    {
        for (var i = 0; i < AgeBuckets.Count; i++)
        {
            if (age.TotalDays < AgeBuckets[i].Days)
            {
                return i;
            }
        }

        return AgeBuckets.Count - 1;
    }

    /// <summary>A stacked bar chart (inline SVG) and the table of the same counts, as the console report draws them.</summary>
    private static void Chart(StringBuilder html, string title, string keyHeader, IReadOnlyList<string> columns, IReadOnlyList<(string Key, int[] Counts)> rows, Func<string, string> label) =>
        SvgCharts.AppendChartAndTable(html, title, keyHeader, columns, rows, label);
}
