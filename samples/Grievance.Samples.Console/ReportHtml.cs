using System.Globalization;
using System.Net;
using System.Text;

namespace Grievance.Samples.Console;

/// <summary>
/// Renders a <see cref="DeskReport"/> as one self-contained HTML page: inline CSS and inline SVG charts, no scripts and
/// no external resources, every text HTML-encoded. The markup is also well-formed XML after the doctype.
/// </summary>
public static class ReportHtml
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML page.</returns>
    public static string Render(DeskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var statusNames = DeskReport.Statuses.Select(SampleDesk.StatusName).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>Grievance report</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0.5em 0 1.5em}")
            .Append("th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("th{background:#f3f3f3}.overdue{color:#b00}svg{display:block;margin:0.5em 0}\n</style>\n</head>\n<body>\n");
        var overdue = report.Overdue();
        html.Append("<h1>Grievance report</h1>\n<p>")
            .Append(Encode($"As of {report.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {report.Complaints.Count} complaints, "
                + $"{report.Complaints.Count(c => DeskReport.IsOpen(c.Status))} open, {overdue.Count} overdue, {report.Defaulters.Count} defaulters. "
                + "State oversight scope; public fields only."))
            .Append("</p>\n");

        Section(html, "Complaints per district by status", "District", statusNames, report.CountByStatus(c => c.District ?? "-"), k => Name(report.DistrictNames, k));
        Section(html, "Complaints per department by status", "Department", statusNames, report.CountByStatus(c => c.Department), k => Name(report.DepartmentNames, k));
        Section(html, "Open complaints per department by age", "Department", [.. DeskReport.AgeBuckets.Select(b => b.Label)], report.CountOpenByAge(), k => Name(report.DepartmentNames, k));

        html.Append("<h2>Overdue</h2>\n");
        if (overdue.Count == 0)
        {
            html.Append("<p>No open complaint is past its due date.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>Code</th><th>Department</th><th>District</th><th>Status</th><th>Due</th><th>Days overdue</th></tr>\n");
            foreach (var c in overdue)
            {
                Row(html, c.Code, Name(report.DepartmentNames, c.Department), Name(report.DistrictNames, c.District ?? "-"), SampleDesk.StatusName(c.Status),
                    c.DueAt!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ((int)(report.At - c.DueAt.Value).TotalDays).ToString(CultureInfo.InvariantCulture));
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Defaulters</h2>\n");
        if (report.Defaulters.Count == 0)
        {
            html.Append("<p>No defaulters.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>Department</th><th>District</th><th>Officer</th><th>Overdue</th><th>Oldest due</th><th>Codes</th></tr>\n");
            foreach (var d in report.Defaulters)
            {
                Row(html, Name(report.DepartmentNames, d.Department.Value), Name(report.DistrictNames, d.District?.Value ?? "-"), d.Officer ?? "unassigned",
                    d.Overdue.ToString(CultureInfo.InvariantCulture), d.OldestDueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(", ", d.Codes));
            }

            html.Append("</table>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Name(IReadOnlyDictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var name) && name != id ? $"{name} ({id})" : id;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Row(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(Encode(cell)).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    /// <summary>A stacked bar chart (inline SVG) and the table of the same counts.</summary>
    private static void Section(StringBuilder html, string title, string keyHeader, IReadOnlyList<string> columns, IReadOnlyList<(string Key, int[] Counts)> rows, Func<string, string> label)
    {
        html.Append("<h2>").Append(Encode(title)).Append("</h2>\n");
        SvgCharts.AppendChartAndTable(html, title, keyHeader, columns, rows, label);
    }
}
