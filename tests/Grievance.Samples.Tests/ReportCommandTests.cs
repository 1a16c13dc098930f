using System.Xml.Linq;
using Grievance.Samples.Console;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DeskMonth.Start);
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("grievance-report-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _scratch.Delete(recursive: true);
    }

    [Fact]
    public async Task Report_DemoMonthWithAScriptTweet_WritesWellFormedSelfContainedHtmlWithTheCountsAndNoComplaintText()
    {
        var database = Path.Combine(_scratch.FullName, "desk.db");
        var fake = new FakeXApi(_time);
        DemoFeed.Seed(fake, DeskMonth.Start.AddHours(-4));
        var citizen = fake.AddUser("1600000000000009999", "citizen_script");
        fake.AddPost(citizen.Id, "@lucknowpolice_Sample <script>alert(1)</script> my phone was stolen at Charbagh, Lucknow", DeskMonth.Start.AddHours(-1), lang: "en");
        SampleResult result;
        await using (var services = SampleDesk.BuildServices(new SampleSettings { Time = _time, DatabasePath = database }, fake))
        {
            result = await DeskMonth.PlayAsync(services, fake, _time, await SampleDesk.RunAsync(services, send: true));
        }

        var output = Path.Combine(_scratch.FullName, "report.html");
        var stdout = new StringWriter();
        var at = _time.GetUtcNow();

        var exitCode = await ReportCommand.RunAsync(["--db", database, "--output", output, "--at", at.ToString("O")], stdout, TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.Contains(output, stdout.ToString(), StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(output);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Charbagh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("citizen_", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOccurrences(html, "<svg"));

        // Well-formed: the page after the doctype parses as XML.
        var document = XDocument.Parse(html["<!DOCTYPE html>".Length..]);
        Assert.DoesNotContain(document.Descendants(), e => e.Attributes().Any(a => a.Name.LocalName is "src" or "href"));

        // The counts match the database: totals per district and per department, and the overdue list.
        Assert.Equal(DemoFeed.Complaints.Count + 1, result.Complaints.Count);
        var byDistrict = Table(document, "Complaints per district by status");
        foreach (var group in result.Complaints.GroupBy(c => c.District ?? "-"))
        {
            var row = Assert.Single(byDistrict, r => r[0] == group.Key || r[0].EndsWith($"({group.Key})", StringComparison.Ordinal));
            Assert.Equal(group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), row[^1]);
        }

        var byDepartment = Table(document, "Complaints per department by status");
        Assert.Equal(result.Complaints.Select(c => c.Department).Distinct().Count(), byDepartment.Count);
        Assert.Equal(result.Complaints.Count, byDepartment.Sum(r => int.Parse(r[^1], System.Globalization.CultureInfo.InvariantCulture)));
        var resolvedColumn = 1 + DeskReport.Statuses.ToList().IndexOf(Grievance.Complaints.ComplaintStatus.Closed);
        Assert.Equal(result.Complaints.Count(c => c.Status == "closed"), byDepartment.Sum(r => int.Parse(r[resolvedColumn], System.Globalization.CultureInfo.InvariantCulture)));

        // The Meerut bill left assigned and the reopened Varanasi water complaint are overdue, and the desks are defaulters.
        var overdue = Table(document, "Overdue");
        var expectedOverdue = result.Complaints.Where(c => c.Status is not ("resolved" or "rejected" or "closed") && c.DueAt < at).Select(c => c.Code).Order().ToList();
        Assert.NotEmpty(expectedOverdue);
        Assert.Equal(expectedOverdue, overdue.Select(r => r[0]).Order());
        Assert.Contains(overdue, r => r[0].StartsWith("MRT-", StringComparison.Ordinal));
        var defaulters = Table(document, "Defaulters");
        Assert.Equal(expectedOverdue, defaulters.SelectMany(r => r[^1].Split(", ")).Order());
    }

    [Fact]
    public async Task Report_NoDatabase_ExitsWithOneAndSaysSo()
    {
        var error = new StringWriter();

        var exitCode = await ReportCommand.RunAsync(["--db", Path.Combine(_scratch.FullName, "none.db"), "--output", Path.Combine(_scratch.FullName, "r.html")], TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("No database", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch.FullName, "r.html")));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--output")]
    [InlineData("--at", "yesterday")]
    public async Task Report_BadArguments_ExitWithUsage(params string[] args)
    {
        var error = new StringWriter();

        var exitCode = await ReportCommand.RunAsync(args, TextWriter.Null, error);

        Assert.Equal(2, exitCode);
        Assert.Contains(ReportCommand.Usage, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SummariseByDistrict_OpenClosedAndOverdue_CountsPerDistrictUnknownLast()
    {
        var at = Some.Now;
        var lines = DeskReport.SummariseByDistrict(
            [
                ("LKO", Grievance.Complaints.ComplaintStatus.Assigned, at.AddDays(-1)),
                ("LKO", Grievance.Complaints.ComplaintStatus.Closed, at.AddDays(-1)),
                ("LKO", Grievance.Complaints.ComplaintStatus.New, at.AddDays(1)),
                (null, Grievance.Complaints.ComplaintStatus.Reopened, at.AddDays(-3)),
                ("AGR", Grievance.Complaints.ComplaintStatus.Resolved, null),
            ],
            at);

        Assert.Equal([new DistrictSummary("AGR", 1, 0, 0), new DistrictSummary("LKO", 3, 2, 1), new DistrictSummary("-", 1, 1, 1)], lines);
    }

    private static int CountOccurrences(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    /// <summary>The data rows (cell texts) of the first table after the heading.</summary>
    private static List<string[]> Table(XDocument document, string heading)
    {
        var h2 = Assert.Single(document.Descendants("h2"), h => h.Value == heading);
        var table = h2.ElementsAfterSelf("table").First();
        return [.. table.Elements("tr").Skip(1).Select(tr => tr.Elements("td").Select(td => td.Value).ToArray())];
    }
}
