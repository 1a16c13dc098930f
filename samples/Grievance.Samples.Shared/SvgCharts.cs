using System.Globalization;
using System.Net;
using System.Text;

namespace Grievance.Samples;

/// <summary>
/// Charts as inline SVG, drawn on the server: no script, no external resource, every text HTML-encoded. Shared by the
/// console sample's HTML report and the portal's dashboard.
/// </summary>
public static class SvgCharts
{
    /// <summary>The series colours, in order.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#b07aa1", "#59a14f", "#9c755f", "#bab0ac", "#edc948", "#ff9da7"];

    /// <summary>Appends a horizontal stacked bar chart: a legend of the columns, then one bar per row with its total.</summary>
    /// <param name="html">Where the <c>&lt;svg&gt;</c> element goes.</param>
    /// <param name="title">The chart's accessible name.</param>
    /// <param name="columns">The series names, one colour each.</param>
    /// <param name="rows">The bars: a key and one count per column.</param>
    /// <param name="label">The text shown for a row key.</param>
    public static void AppendStackedBars(StringBuilder html, string title, IReadOnlyList<string> columns, IReadOnlyList<(string Key, int[] Counts)> rows, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(label);
        const int LabelWidth = 220, BarWidth = 480, BarHeight = 16, Gap = 4, LegendHeight = 22;
        var max = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => r.Counts.Sum()));
        var height = LegendHeight + rows.Count * (BarHeight + Gap);
        var width = LabelWidth + BarWidth + 60;
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Encode(title)}\">\n");
        var x = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{Colours[i % Colours.Count]}\" /><text x=\"{x + 14}\" y=\"13\" font-size=\"11\">{Encode(columns[i])}</text>\n");
            x += 20 + 7 * columns[i].Length;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = LegendHeight + r * (BarHeight + Gap);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 12}\" font-size=\"11\">{Encode(label(rows[r].Key))}</text>\n");
            double offset = LabelWidth;
            for (var i = 0; i < rows[r].Counts.Length; i++)
            {
                if (rows[r].Counts[i] == 0)
                {
                    continue;
                }

                var w = (double)BarWidth * rows[r].Counts[i] / max;
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{offset:0.##}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{BarHeight}\" fill=\"{Colours[i % Colours.Count]}\"><title>{Encode($"{label(rows[r].Key)}: {rows[r].Counts[i]} {columns[i]}")}</title></rect>\n");
                offset += w;
            }

            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{offset + 4:0.##}\" y=\"{y + 12}\" font-size=\"11\">{rows[r].Counts.Sum()}</text>\n");
        }

        html.Append("</svg>\n");
    }

    /// <summary>Appends <see cref="AppendStackedBars"/> and the table of the same counts (with a total column), or "None." without rows.</summary>
    /// <param name="html">Where the chart and table go.</param>
    /// <param name="title">The chart's accessible name.</param>
    /// <param name="keyHeader">The header of the table's first column.</param>
    /// <param name="columns">The series names, one colour each.</param>
    /// <param name="rows">The bars: a key and one count per column.</param>
    /// <param name="label">The text shown for a row key.</param>
    public static void AppendChartAndTable(StringBuilder html, string title, string keyHeader, IReadOnlyList<string> columns, IReadOnlyList<(string Key, int[] Counts)> rows, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(keyHeader);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        AppendStackedBars(html, title, columns, rows, label);
        html.Append("<table>\n<tr><th>").Append(Encode(keyHeader)).Append("</th>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("<th>total</th></tr>\n");
        foreach (var (key, counts) in rows)
        {
            html.Append("<tr><td>").Append(Encode(label(key))).Append("</td>");
            foreach (var count in counts)
            {
                html.Append("<td>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("<td>").Append(counts.Sum().ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
