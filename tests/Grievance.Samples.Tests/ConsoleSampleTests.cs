using System.Diagnostics;
using System.Text.Json;
using Grievance.Samples.Console;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Tests;

public class ConsoleSampleTests
{
    private readonly FakeTimeProvider _time = new(Some.Now);

    [Fact]
    public async Task RunAsync_DemoFeed_CreatesRoutedComplaintsWithDistinctCodesAndRepliesHoldingThem()
    {
        var fake = new FakeXApi(_time);
        DemoFeed.Seed(fake, Some.Now.AddHours(-4));
        await using var services = SampleDesk.BuildServices(new SampleSettings { Time = _time }, fake);

        var result = await SampleDesk.RunAsync(services, send: true);

        Assert.Equal(DemoFeed.Complaints.Count, result.Complaints.Count);
        Assert.True(result.Complaints.Count >= 25);
        Assert.Equal(result.Complaints.Count, result.Complaints.Select(c => c.Code).Distinct().Count());
        Assert.All(result.Complaints, c =>
        {
            Assert.NotNull(c.Reply);
            Assert.Contains(c.Code, c.Reply, StringComparison.Ordinal);
            Assert.True(c.ReplySent);
        });

        // Every acknowledgement went out through the real client to the fake X, in the complaint's thread.
        Assert.Equal(result.Complaints.Count, fake.CreatedPosts.Count);
        foreach (var complaint in result.Complaints)
        {
            var post = Assert.Single(fake.CreatedPosts, p => p.InReplyToId == complaint.ExternalId);
            Assert.Equal(complaint.Reply, post.Text);
        }

        // The two-handle tweet was delivered twice, the follow-up joined its thread, the retweet is not a grievance.
        Assert.Equal(1, result.Runs.Sum(r => r.Duplicates));
        Assert.Equal(1, result.Runs.Sum(r => r.FollowUps));
        Assert.Equal(RejectionKind.NotAGrievance, Assert.Single(result.Rejections).Kind);
        Assert.True(result.Complaints.Select(c => c.Department).Distinct().Count() >= 8);
        Assert.True(result.Complaints.Select(c => c.District).Distinct().Count() >= 15);
        Assert.Contains(result.Complaints, c => c.Department == "power" && c.District == "GKP");
        Assert.Contains(result.Complaints, c => c.Department == "water" && c.District == "VNS");
    }

    [Fact]
    public async Task RunAsync_SecondPassOverTheSameFeed_AddsNoComplaintAndSendsNothing()
    {
        var fake = new FakeXApi(_time);
        DemoFeed.Seed(fake, Some.Now.AddHours(-4));
        await using var services = SampleDesk.BuildServices(new SampleSettings { Time = _time }, fake);
        var first = await SampleDesk.RunAsync(services, send: true);
        var posts = fake.CreatedPosts.Count;

        var second = await SampleDesk.RunAsync(services, send: true);

        Assert.Equal(first.Complaints.Count, second.Complaints.Count);
        Assert.Equal(0, second.Runs.Sum(r => r.Read));
        Assert.Equal(0, second.Dispatch!.Sent);
        Assert.Equal(posts, fake.CreatedPosts.Count);
    }

    [Fact]
    public async Task RunAsync_SecondProcessOnTheSameDatabase_AddsNoComplaintPostsNoReplyAndKeepsTheCodes()
    {
        var directory = Directory.CreateTempSubdirectory("grievance-sample-");
        var settings = new SampleSettings { Time = _time, DatabasePath = Path.Combine(directory.FullName, "desk.db") };

        async Task<(SampleResult Result, FakeXApi Fake)> RunOnceAsync()
        {
            // A fresh fake and a fresh container each time, as a second run of the program has.
            var fake = new FakeXApi(_time);
            DemoFeed.Seed(fake, Some.Now.AddHours(-4));
            await using var services = SampleDesk.BuildServices(settings, fake);
            return (await SampleDesk.RunAsync(services, send: true), fake);
        }

        var (first, firstFake) = await RunOnceAsync();
        var (second, secondFake) = await RunOnceAsync();

        Assert.Equal(DemoFeed.Complaints.Count, firstFake.CreatedPosts.Count);
        Assert.Empty(secondFake.CreatedPosts);
        Assert.Equal(0, second.Runs.Sum(r => r.Created));
        Assert.Equal(first.Complaints.Select(c => (c.ExternalId, c.Code)), second.Complaints.Select(c => (c.ExternalId, c.Code)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProgramAsync(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Grievance.Samples.Console.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("grievance-cwd-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("GRIEVANCE_X_BEARER_TOKEN");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Program_Json_PrintsOneContractLinePerComplaintFromAnyWorkingDirectoryAndTheSameOnASecondRun()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("grievance-db-").FullName, "sample.db");

        var (exitCode, stdout, stderr) = await RunProgramAsync("--json", "--db", database);
        var second = await RunProgramAsync("--json", "--db", database);
        var elsewhere = await RunProgramAsync("--json", "--db", Path.Combine(Path.GetDirectoryName(database)!, "other.db"));

        Assert.True(exitCode == 0, stderr);
        Assert.Contains(database, stderr, StringComparison.Ordinal);
        Assert.Equal(stdout, second.Stdout);
        Assert.Equal(stdout, elsewhere.Stdout);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 25, $"{lines.Length} lines");
        var codes = new HashSet<string>();
        var statuses = new HashSet<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            // The contract's fields first, in order; later fields are additions.
            Assert.Equal(["externalId", "code", "department", "district", "category", "status", "reply", "history", "replies"], root.EnumerateObject().Select(p => p.Name));
            var code = root.GetProperty("code").GetString()!;
            Assert.True(codes.Add(code), $"duplicate code {code}");
            var reply = root.GetProperty("reply").GetString();
            Assert.Contains(code, reply, StringComparison.Ordinal);

            // status is the status after the simulated month; history and replies show how it got there.
            var history = root.GetProperty("history").EnumerateArray().ToList();
            Assert.True(history.Count >= 2, code);
            Assert.All(history, e =>
            {
                Assert.Equal(["at", "from", "to", "actor", "reason", "action"], e.EnumerateObject().Select(p => p.Name));
                Assert.True(DateTimeOffset.TryParse(e.GetProperty("at").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
                Assert.Equal(JsonValueKind.String, e.GetProperty("actor").ValueKind);
            });
            Assert.Equal("created", history[0].GetProperty("action").GetString());
            Assert.Equal(root.GetProperty("status").GetString(), history.Last(e => e.GetProperty("to").ValueKind == JsonValueKind.String).GetProperty("to").GetString());
            var replies = root.GetProperty("replies").EnumerateArray().Select(r => r.GetString()).ToList();
            Assert.Equal(reply, replies[0]);
            statuses.Add(root.GetProperty("status").GetString()!);
        }

        Assert.Contains("closed", statuses);
        Assert.Contains("reopened", statuses);
        Assert.Contains("assigned", statuses);
    }

    [Fact]
    public async Task Program_Table_PrintsTheTimelineAfterTheComplaints()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("grievance-db-").FullName, "sample.db");

        var (exitCode, stdout, stderr) = await RunProgramAsync("--db", database);

        Assert.True(exitCode == 0, stderr);
        var timeline = stdout.IndexOf("Timeline", StringComparison.Ordinal);
        Assert.True(timeline > stdout.IndexOf("CODE ", StringComparison.Ordinal), stdout);
        var lines = stdout[timeline..].Split('\n');
        Assert.Contains(lines, l => l.Contains("transferred (in-progress -> new)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("escalated by system", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("status-query by citizen", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("reopened (resolved -> reopened) by citizen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Program_JsonChaos_PrintsExactlyTheSameComplaintsAsWithoutFaults()
    {
        var plain = await RunProgramAsync("--json", "--db", Path.Combine(Directory.CreateTempSubdirectory("grievance-db-").FullName, "plain.db"));
        var chaos = await RunProgramAsync("--json", "--chaos", "--db", Path.Combine(Directory.CreateTempSubdirectory("grievance-db-").FullName, "chaos.db"));

        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.True(chaos.ExitCode == 0, chaos.Stderr);
        // The same complaints, codes, routing, statuses, replies and histories; only the times of events differ, because
        // under --chaos each complaint is taken in when the faults let it through (the fake clock moves over every wait).
        Assert.NotEqual(plain.Stdout, chaos.Stdout);
        Assert.Equal(WithoutEventTimes(plain.Stdout), WithoutEventTimes(chaos.Stdout));
        Assert.True(plain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 25);

        // Faults really were served: the summary on standard error counts them.
        var summary = System.Text.RegularExpressions.Regex.Match(chaos.Stderr, @"Chaos: (\d+) faults served");
        Assert.True(summary.Success, chaos.Stderr);
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 9, chaos.Stderr);
        Assert.Contains("RateLimited", chaos.Stderr, StringComparison.Ordinal);
        Assert.Contains("TimeoutAfterPosting", chaos.Stderr, StringComparison.Ordinal);
        Assert.Contains("DuplicateContent", chaos.Stderr, StringComparison.Ordinal);
    }

    private static List<string> WithoutEventTimes(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            foreach (var e in node["history"]!.AsArray())
            {
                Assert.NotNull(e!["at"]);
                e.AsObject().Remove("at");
            }

            return node.ToJsonString();
        })];

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--db")]
    public async Task Program_BadArguments_ExitWithUsage(string argument)
    {
        var (exitCode, _, stderr) = await RunProgramAsync(argument);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_Table_EndsWithAPerDistrictSummaryCoveringEveryComplaint()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("grievance-db-").FullName, "sample.db");

        var (exitCode, stdout, stderr) = await RunProgramAsync("--db", database);

        Assert.True(exitCode == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindLastIndex(l => l.StartsWith("DISTRICT TOTAL", StringComparison.Ordinal));
        Assert.True(header > 0, stdout);
        Assert.StartsWith("Per district", lines[header - 1], StringComparison.Ordinal);
        var rows = lines.Skip(header + 1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(DemoFeed.Complaints.Count, rows.Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(rows, r => r[0] == "MRT" && r[2] == "1" && r[3] == "1");
        Assert.Equal("-", rows[^1][0]);
    }
}
