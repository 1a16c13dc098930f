using System.Diagnostics;
using Grievance.DependencyInjection;
using Grievance.Storage;
using Grievance.Twitter.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using TemporaryPostgreSqlServerAlias = Grievance.Storage.PostgreSql.Tests.TemporaryPostgreSqlServer;

namespace Grievance.MultiProcess.Tests;

/// <summary>
/// Several real worker processes on one store, fed by the fake X over loopback HTTP, one of them killed with
/// <see cref="Process.Kill(bool)"/> at a seeded random moment and restarted: exactly one complaint, one code and one
/// acknowledgement per mention, nothing left in the outbox (DESIGN.md invariants 1, 2, 3 and 5).
/// </summary>
public sealed class MultiProcessIntakeTests(ITestOutputHelper output)
{
    private const string DeskId = "1500000000000000001";
    private const string DeskName = "SevaDeskUP";
    private const int Mentions = 10_000;

    [Fact]
    public async Task TwoProcessesOnOneSqliteFile_OneKilledAndRestarted_EveryMentionOnceNothingLost()
    {
        var directory = Directory.CreateTempSubdirectory("grievance-multi-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "desk.db")}";
        try
        {
            await RunAsync(workers: 2, ["--store", "sqlite", "--connection", connectionString], b => b.UseSqliteStore(connectionString), directory.FullName);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task ThreeProcessesOnOnePostgreSqlDatabase_OneKilledAndRestarted_EveryMentionOnceNothingLost()
    {
        var connectionString = Environment.GetEnvironmentVariable("GRIEVANCE_TEST_POSTGRES");
        TemporaryPostgreSqlServerAlias? server = null;
        if (connectionString is null)
        {
            var binaries = TemporaryPostgreSqlServerAlias.FindBinaries();
            var required = Environment.GetEnvironmentVariable("GRIEVANCE_REQUIRE_POSTGRES") == "1";
            Assert.False(binaries is null && required, "PostgreSQL binaries (initdb, pg_ctl, postgres) are required (GRIEVANCE_REQUIRE_POSTGRES=1) but were not found.");
            Skip.If(binaries is null, "PostgreSQL binaries (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin.");
            server = await TemporaryPostgreSqlServerAlias.StartAsync(binaries!);
            connectionString = server.ConnectionString;
        }

        var scratch = Directory.CreateTempSubdirectory("grievance-multi-pg-");
        var schema = "multi_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await RunAsync(workers: 3, ["--store", "postgres", "--connection", connectionString, "--schema", schema], b => b.UsePostgreSqlStore(o =>
            {
                o.ConnectionString = connectionString;
                o.Schema = schema;
            }), scratch.FullName);
        }
        finally
        {
            scratch.Delete(recursive: true);
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private async Task RunAsync(int workers, string[] storeArguments, Action<IGrievanceBuilder> store, string scratch)
    {
        var seed = Environment.TickCount & 0x7fffffff;
        var random = new Random(seed);
        var killAt = random.Next(Mentions / 5, Mentions * 4 / 5);
        output.WriteLine($"seed {seed}: one worker is killed once {killAt} complaints are stored");

        var fake = new FakeXApi { MentionsRequestsPerWindow = 1_000_000, PostsPerWindow = 1_000_000, PostsPer24Hours = 1_000_000 };
        fake.AddUser(DeskId, DeskName);
        Assert.Equal("fake-user-" + DeskId, fake.UserTokenFor(DeskId)); // the token the workers post with
        var citizen = fake.AddUser("1600000000000000042", "ravi_lko");
        await using var server = FakeXServer.Start(fake);
        var stopFile = Path.Combine(scratch, "stop");
        string[] arguments = [.. storeArguments, "--x", server.BaseAddress.ToString(), "--desk", $"{DeskId}:{DeskName}", "--stop", stopFile];

        var services = new ServiceCollection();
        store(services.AddGrievance());
        await using var reader = services.BuildServiceProvider();
        var complaints = reader.GetRequiredService<IComplaintStore>();
        var outbox = reader.GetRequiredService<IOutboxStore>();

        var processes = Enumerable.Range(0, workers).Select(_ => Start(arguments)).ToList();
        var released = 0;
        var killed = false;
        var clock = Stopwatch.StartNew();
        var stored = 0;
        try
        {
            while (true)
            {
                stored = (await complaints.CountAsync(new ComplaintQuery())).Sum(c => c.Count);

                // Release mentions over time, never more than the 800-post mentions window ahead of intake.
                while (released < Mentions && released - stored < 400)
                {
                    released++;
                    fake.AddPost(citizen.Id, $"@{DeskName} my bike was stolen near the market in Lucknow, please help (report {released})");
                }

                if (!killed && stored >= killAt)
                {
                    processes[0].Kill(entireProcessTree: true);
                    await processes[0].WaitForExitAsync();
                    output.WriteLine($"killed worker {processes[0].Id} at {stored} complaints after {clock.Elapsed}");
                    processes[0] = Start(arguments);
                    killed = true;
                }

                var pending = (await outbox.GetPendingAsync(1)).Count;
                if (stored == Mentions && pending == 0 && fake.CreatedPosts.Count >= Mentions)
                {
                    break;
                }

                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), $"timed out: {stored} complaints, {fake.CreatedPosts.Count} replies, {pending} pending");
                Assert.All(processes, p => Assert.False(p.HasExited, $"worker {p.Id} exited with {(p.HasExited ? p.ExitCode : 0)}"));
                await Task.Delay(100);
            }
        }
        finally
        {
            await File.WriteAllTextAsync(stopFile, "stop");
            foreach (var process in processes)
            {
                if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }

        output.WriteLine($"{stored} complaints and {fake.CreatedPosts.Count} replies in {clock.Elapsed}");
        Assert.True(killed);
        var all = new List<Grievance.Complaints.Complaint>();
        for (Grievance.Storage.ComplaintCursor? after = null; ;)
        {
            var page = await complaints.ListAsync(new ComplaintQuery { After = after, Take = 1000 });
            all.AddRange(page);
            if (page.Count < 1000)
            {
                break;
            }

            after = ComplaintCursor.Of(page[^1]);
        }

        Assert.Equal(Mentions, all.Count);
        Assert.Equal(Mentions, all.Select(c => c.SourceMessageId).Distinct().Count());
        Assert.Equal(Mentions, all.Select(c => c.Code).Distinct().Count());
        var replies = fake.CreatedPosts.GroupBy(p => p.InReplyToId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.All(all, c => Assert.Equal(1, replies.GetValueOrDefault(c.SourceMessageId)));
        Assert.Equal(Mentions, fake.CreatedPosts.Count);
        Assert.Empty(await outbox.GetPendingAsync(10));
    }

    private Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Grievance.IntakeHost.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                try
                {
                    output.WriteLine($"[{process.Id}] {e.Data}");
                }
                catch (InvalidOperationException)
                {
                    // The test has finished; nothing to write to.
                }
            }
        };
        process.BeginErrorReadLine();
        process.StandardOutput.ReadLine();
        return process;
    }
}
