using Grievance.Samples.Console;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Tests;

/// <summary>Issue 9, item 6: the sample plays a month of desk work after intake and shows each complaint's history and replies.</summary>
public class DeskMonthTests
{
    private static async Task<(SampleResult Intake, SampleResult Month, FakeXApi Fake)> PlayAsync(SampleSettings? settings = null)
    {
        var clock = new FakeTimeProvider(DeskMonth.Start);
        var fake = new FakeXApi(clock);
        DemoFeed.Seed(fake, DeskMonth.Start.AddHours(-4));
        await using var services = SampleDesk.BuildServices((settings ?? new SampleSettings()) with { Time = clock }, fake);
        var intake = await SampleDesk.RunAsync(services, send: true);
        var month = await DeskMonth.PlayAsync(services, fake, clock, intake);
        return (intake, month, fake);
    }

    private static SampleRow Single(SampleResult result, string action) =>
        Assert.Single(result.Complaints, r => r.History.Any(e => e.Action == action));

    [Fact]
    public async Task PlayAsync_DemoFeed_EveryComplaintHasAHistoryFromIntakeAndTheRepliesTheFakeXReceived()
    {
        var (intake, month, fake) = await PlayAsync();

        Assert.Equal(intake.Complaints.Select(c => (c.ExternalId, c.Code)), month.Complaints.Select(c => (c.ExternalId, c.Code)));
        Assert.All(month.Complaints, row =>
        {
            var created = row.History[0];
            Assert.Equal(("created", null, "new", "system"), (created.Action, created.From, created.To, created.Actor));
            Assert.True(row.History.Count >= 2, row.Code);
            Assert.Equal(row.History.OrderBy(e => e.At), row.History);
            Assert.All(row.History.Skip(1), e => Assert.True(e.At >= created.At && e.At <= DeskMonth.Start.AddDays(DeskMonth.Days + 1)));
            Assert.Equal(row.Reply, row.Replies[0]);
            Assert.All(row.Replies, r => Assert.Contains(row.Code, r, StringComparison.Ordinal));
        });

        // The replies are exactly what the fake X received as posts, nothing more and nothing left unsent.
        Assert.Equal(fake.CreatedPosts.Select(p => p.Text).Order(StringComparer.Ordinal), month.Complaints.SelectMany(c => c.Replies).Order(StringComparer.Ordinal));
        Assert.True(month.Complaints.Count(c => c.Status == "closed") >= 20);
    }

    [Fact]
    public async Task PlayAsync_TransferredComplaint_HistoryShowsTheTransferWithItsReasonAndTheCodeIsUnchanged()
    {
        var (intake, month, _) = await PlayAsync();

        var row = Single(month, "transferred");
        var before = Assert.Single(intake.Complaints, c => c.ExternalId == row.ExternalId);
        Assert.Equal(before.Code, row.Code);
        Assert.Equal("revenue", before.Department);
        Assert.Equal("police", row.Department);
        var transfer = Assert.Single(row.History, e => e.Action == "transferred");
        Assert.Equal(("in-progress", "new"), (transfer.From, transfer.To));
        Assert.Contains(DeskMonth.TransferReason, transfer.Reason, StringComparison.Ordinal);
        Assert.Contains("revenue/BHR → police/BHR", transfer.Reason, StringComparison.Ordinal);
        Assert.Contains(row.Replies, r => r.Contains("स्थानांतरित", StringComparison.Ordinal) && r.Contains("उत्तर प्रदेश पुलिस", StringComparison.Ordinal));
        Assert.Contains(row.History, e => e.Action == "resolved" && e.At > transfer.At);
    }

    [Fact]
    public async Task PlayAsync_ComplaintLeftOverdue_EscalatesUpTheLadder()
    {
        var (_, month, _) = await PlayAsync();

        var row = Assert.Single(month.Complaints, r => r.Status == "assigned");
        Assert.Equal(("power", "MRT"), (row.Department, row.District));
        var escalations = row.History.Where(e => e.Action == "escalated").ToList();
        Assert.Equal(2, escalations.Count);
        Assert.Contains("district → division", escalations[0].Reason, StringComparison.Ordinal);
        Assert.Contains("division → state", escalations[1].Reason, StringComparison.Ordinal);
        Assert.All(escalations, e => Assert.Equal("system", e.Actor));
        Assert.Equal(21, (escalations[0].At - row.History[0].At).Days);
        Assert.DoesNotContain(row.History, e => e.Action == "resolved");
    }

    [Fact]
    public async Task PlayAsync_StatusQuestion_ComesInThroughIntakeAndGetsAReplyWithPublicFieldsOnly()
    {
        var (_, month, fake) = await PlayAsync();

        var row = Single(month, "status-query");
        var query = Assert.Single(row.History, e => e.Action == "status-query");
        Assert.True(query.ByComplainant);
        var reply = Assert.Single(row.Replies, r => r.StartsWith($"Complaint {row.Code}: in progress", StringComparison.Ordinal));
        Assert.Equal($"Complaint {row.Code}: in progress, with UP Police, Lucknow. Due 24 Nov 2025.", reply);
        foreach (var word in new[] { "scooter", "stolen", "UP32", "4521", "Bhootnath", "FIR", "citizen_01" })
        {
            Assert.DoesNotContain(word, reply, StringComparison.OrdinalIgnoreCase);
        }

        // It went out on X as a reply to the citizen's new post, not into the complaint's thread.
        var posted = Assert.Single(fake.CreatedPosts, p => p.Text == reply);
        Assert.NotEqual(row.ExternalId, posted.InReplyToId);
    }

    [Fact]
    public async Task PlayAsync_NoToTheResolution_ReopensTheComplaint()
    {
        var (_, month, _) = await PlayAsync();

        var row = Assert.Single(month.Complaints, r => r.Status == "reopened");
        Assert.Equal(("water", "VNS"), (row.Department, row.District));
        var resolved = Assert.Single(row.History, e => e.Action == "resolved");
        var reopened = Assert.Single(row.History, e => e.Action == "reopened");
        Assert.Equal(("resolved", "reopened"), (reopened.From, reopened.To));
        Assert.True(reopened.ByComplainant);
        Assert.True(reopened.At > resolved.At);
        Assert.Contains("not resolved", reopened.Reason, StringComparison.Ordinal);
        Assert.Contains(row.Replies, r => r.Contains("फिर से खोली गई", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlayAsync_SameInput_SameHistoriesAndReplies()
    {
        var (_, first, _) = await PlayAsync();
        var (_, second, _) = await PlayAsync();

        Assert.Equal(Flatten(first), Flatten(second));
    }

    [Fact]
    public async Task PlayAsync_SecondProcessOnTheSameDatabase_PlaysNothingAndShowsTheSameMonth()
    {
        var directory = Directory.CreateTempSubdirectory("grievance-month-");
        var settings = new SampleSettings { DatabasePath = Path.Combine(directory.FullName, "desk.db") };

        var (_, first, firstFake) = await PlayAsync(settings);
        var (secondIntake, second, secondFake) = await PlayAsync(settings);

        Assert.NotEmpty(firstFake.CreatedPosts);
        Assert.Equal(0, secondIntake.Runs.Sum(r => r.Created));
        Assert.Empty(secondFake.CreatedPosts);
        Assert.Equal(Flatten(first), Flatten(second));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Write_Timeline_ListsEventsByDayWithCode()
    {
        var (_, month, _) = await PlayAsync();
        using var output = new StringWriter();

        SampleTimeline.Write(output, month.Complaints);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("DAY", lines[0], StringComparison.Ordinal);
        Assert.Equal(month.Complaints.Sum(c => c.History.Count), lines.Length - 1);
        var transferred = Single(month, "transferred");
        Assert.Contains(lines, l => l.StartsWith($"3  {transferred.Code}", StringComparison.Ordinal) && l.Contains("transferred (in-progress -> new)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("21  MRT-", StringComparison.Ordinal) && l.Contains("escalated", StringComparison.Ordinal));
        var days = lines.Skip(1).Select(l => int.Parse(l.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(days.Order(), days);

        // What citizens wrote is not repeated in the timeline.
        Assert.DoesNotContain(lines, l => l.Contains("scooter", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> Flatten(SampleResult result) =>
        [.. result.Complaints.SelectMany(c => new[] { $"{c.ExternalId} {c.Code} {c.Status}" }
            .Concat(c.History.Select(e => $"{e.At:O} {e.Action} {e.From} {e.To} {e.Actor} {e.Reason}"))
            .Concat(c.Replies))];
}
