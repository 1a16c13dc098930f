using System.Text;
using System.Text.RegularExpressions;
using Grievance.Complaints;

namespace Grievance.Samples.Tests;

public sealed partial class SvgChartsTests
{
    [Fact]
    public void AppendStackedBars_EveryStatusHasItsOwnColour()
    {
        var statuses = Enum.GetValues<ComplaintStatus>().Select(SampleStatus.Name).Distinct().ToList();
        var html = new StringBuilder();

        SvgCharts.AppendStackedBars(html, "By status", statuses, [("LKO", [.. statuses.Select(_ => 1)])], k => k);

        var legend = LegendFill().Matches(html.ToString()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(statuses.Count, legend.Count);
        Assert.Equal(legend.Count, legend.Distinct().Count());
    }

    [Fact]
    public void AppendStackedBars_EncodesLabels()
    {
        var html = new StringBuilder();

        SvgCharts.AppendStackedBars(html, "<b>", ["<new>"], [("<script>", [1])], k => k);

        Assert.DoesNotContain("<script>", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<new>", html.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<rect x=\"\\d+\" y=\"4\" width=\"10\" height=\"10\" fill=\"(#[0-9a-f]{6})\"")]
    private static partial Regex LegendFill();
}
