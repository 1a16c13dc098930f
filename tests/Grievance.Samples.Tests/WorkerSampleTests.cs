using System.Globalization;
using Grievance.Samples.Worker;
using Grievance.Storage;
using Grievance.Storage.PostgreSql.Tests;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Tests;

public sealed class WorkerSampleTests : IDisposable
{
    private const string LucknowDesk = "1500000000000000002";
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("grievance-worker-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Theory]
    [InlineData("reply", 150)]
    [InlineData("mentions", 2)]
    public async Task Worker_StoppedMidBatchAndRestartedOnTheSameFile_EveryMentionOneComplaintAndOneReplyNothingPending(string trip, int nth)
    {
        const int Mentions = 300;
        // X's reply budget per desk (100 per 15 minutes) is not what this test is about: raise it, so one desk answers all.
        var fake = new FakeXApi(_time) { PostsPerWindow = 10 * Mentions, PostsPer24Hours = 10 * Mentions };
        foreach (var (id, username) in DemoFeed.Desks)
        {
            fake.AddUser(id, username);
        }

        var posts = Enumerable.Range(0, Mentions).Select(i =>
        {
            var citizen = fake.AddUser((1700000000000000000L + i).ToString(CultureInfo.InvariantCulture), $"citizen_{i:D4}");
            return fake.AddPost(citizen.Id, $"@lucknowpolice_Sample My bicycle number {i} was stolen near Hazratganj, Lucknow. Please help.", Some.Now.AddMinutes(-600 + i), lang: "en");
        }).ToList();
        var configuration = StoreConfiguration(("Worker:SqlitePath", Path.Combine(_scratch.FullName, "desk.db")));

        // First run: the trip holds the nth reply post (or mentions page) in flight; the host is stopped while it hangs.
        var tripwire = new Tripwire(trip == "reply" ? HttpMethod.Post : HttpMethod.Get, trip == "reply" ? "/2/tweets" : $"/2/users/{LucknowDesk}/mentions", nth);
        using (var host = Build(configuration, fake, tripwire))
        {
            await host.StartAsync();
            await tripwire.Reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await host.StopAsync();
        }

        // The stop really came mid-batch: some mentions were taken in or answered, not all.
        if (trip == "reply")
        {
            Assert.Equal(nth - 1, fake.CreatedPosts.Count);
        }
        else
        {
            Assert.Empty(fake.CreatedPosts);
        }

        // Second run on the same file and the same X.
        using (var host = Build(configuration, fake, tripwire: null))
        {
            await host.StartAsync();
            await RunUntilDoneAsync(host, () => fake.CreatedPosts.Count >= Mentions);
            var store = host.Services.GetRequiredService<IComplaintStore>();
            var complaints = await store.ListAsync(new ComplaintQuery { Take = 1000 });
            Assert.Equal(posts.Select(p => p.Id).Order(), complaints.Select(c => c.SourceMessageId).Order());
            Assert.Empty(await host.Services.GetRequiredService<IOutboxStore>().GetPendingAsync(1000));
            await host.StopAsync();
        }

        Assert.Equal(posts.Select(p => p.Id).Order(), fake.CreatedPosts.Select(p => p.InReplyToId).Order());
    }

    [Fact]
    public async Task Worker_SqliteStoreFromConfiguration_TakesInTheDemoFeedAndReportsHealthy()
    {
        await RunDemoAsync(StoreConfiguration(("Worker:SqlitePath", Path.Combine(_scratch.FullName, "demo.db"))));
        Assert.True(File.Exists(Path.Combine(_scratch.FullName, "demo.db")));
    }

    [SkippableFact]
    public async Task Worker_PostgreSqlStoreFromConfiguration_TakesInTheDemoFeedAndReportsHealthy()
    {
        var connectionString = Environment.GetEnvironmentVariable("GRIEVANCE_TEST_POSTGRES");
        TemporaryPostgreSqlServer? server = null;
        if (connectionString is null)
        {
            var binaries = TemporaryPostgreSqlServer.FindBinaries();
            Assert.False(binaries is null && Environment.GetEnvironmentVariable("GRIEVANCE_REQUIRE_POSTGRES") == "1", "PostgreSQL binaries are required (GRIEVANCE_REQUIRE_POSTGRES=1) but were not found.");
            Skip.If(binaries is null, "PostgreSQL binaries (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin.");
            server = await TemporaryPostgreSqlServer.StartAsync(binaries!);
            connectionString = server.ConnectionString;
        }

        try
        {
            await RunDemoAsync(StoreConfiguration(
                ("Worker:Store", "PostgreSql"),
                ("Worker:PostgreSqlConnectionString", connectionString),
                ("Worker:PostgreSqlSchema", "worker_" + Guid.NewGuid().ToString("N")[..12])));
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("Worker:Store", "PostgreSql", "PostgreSqlConnectionString is required")]
    [InlineData("Worker:SqlitePath", "", "SqlitePath is required")]
    [InlineData("Worker:PollInterval", "00:10:00", "MaxPollAge must be longer than Worker:PollInterval")]
    [InlineData("Worker:MaxBackoff", "00:00:02", "MaxBackoff must not be shorter")]
    [InlineData("Worker:DispatchBatchSize", "0", "DispatchBatchSize")]
    [InlineData("Worker:PollInterval", "00:00:00", "PollInterval")]
    public void CreateBuilder_InvalidWorkerOptions_ThrowsOptionsValidationExceptionNamingTheSetting(string key, string value, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => WorkerApp.CreateBuilder([], c => c.AddInMemoryCollection([new(key, value)])));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_LibrarySectionsFromConfiguration_ReachTheOptions()
    {
        var builder = WorkerApp.CreateBuilder([], c => c.AddInMemoryCollection(
        [
            new("GrievanceLifecycle:MaxTransfers", "2"),
            new("GrievanceSla:InterimReplyTime", "5.00:00:00"),
            new("GrievanceCitizenLimits:MonthlyLimit", "10"),
            new("GrievanceCodes:SequenceBlockSize", "50"),
        ]));
        using var host = builder.Build();

        Assert.Equal(2, host.Services.GetRequiredService<IOptions<Lifecycle.LifecycleOptions>>().Value.MaxTransfers);
        Assert.Equal(TimeSpan.FromDays(5), host.Services.GetRequiredService<IOptions<Sla.SlaOptions>>().Value.InterimReplyTime);
        Assert.Equal(10, host.Services.GetRequiredService<IOptions<Intake.CitizenLimitOptions>>().Value.MonthlyLimit);
        Assert.Equal(50, host.Services.GetRequiredService<IOptions<Codes.ComplaintCodeOptions>>().Value.SequenceBlockSize);
    }

    [Fact]
    public void AppSettings_CommentedLibrarySections_AreValidWhenUncommented()
    {
        // The worker's appsettings.json documents the library's sections as commented examples: they must bind and validate.
        var settings = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        var start = Array.FindIndex(settings, l => l.TrimStart().StartsWith("// \"GrievanceSla\"", StringComparison.Ordinal));
        Assert.True(start > 0, "The commented GrievanceSla example is missing from appsettings.json.");
        var block = settings.Skip(start).TakeWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.TrimStart()[2..]).ToList();
        var json = "{" + string.Join('\n', block).TrimEnd().TrimEnd(',') + "}";
        var builder = WorkerApp.CreateBuilder([], c => c.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        using var host = builder.Build();

        var sla = host.Services.GetRequiredService<IOptions<Sla.SlaOptions>>().Value;
        Assert.Equal(TimeSpan.FromDays(1), Assert.Single(sla.Policies).ResolutionTime);
        Assert.Equal(new DateOnly(2026, 1, 26), Assert.Single(sla.Holidays));
        Assert.Equal(3, host.Services.GetRequiredService<IOptions<Lifecycle.LifecycleOptions>>().Value.MaxTransfers);
        Assert.Equal(10, host.Services.GetRequiredService<IOptions<Intake.CitizenLimitOptions>>().Value.MonthlyLimit);
        Assert.Equal(4, host.Services.GetRequiredService<IOptions<Codes.ComplaintCodeOptions>>().Value.SequenceDigits);
    }

    [Theory]
    [InlineData("GrievanceLifecycle:MaxTransfer", "2")]
    [InlineData("GrievanceSla:InterimReplyTim", "5.00:00:00")]
    public void CreateBuilder_UnknownLibrarySetting_FailsAtStart(string key, string value)
    {
        using var host = WorkerApp.CreateBuilder([], c => c.AddInMemoryCollection([new(key, value)])).Build();

        var ex = Assert.ThrowsAny<Exception>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Contains(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_UnknownWorkerSetting_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => WorkerApp.CreateBuilder([], c => c.AddInMemoryCollection([new("Worker:PollIntervall", "00:00:10")])));

        Assert.Contains("PollIntervall", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 30)]
    [InlineData(1, 0, 60)]
    [InlineData(3, 0, 240)]
    [InlineData(10, 0, 900)]
    [InlineData(1, 120, 120)]
    public void NextDelay_FailedPasses_DoublesUpToTheCapAndWaitsForXsReset(int failedPasses, int retryAfterSeconds, int expectedSeconds)
    {
        var options = new WorkerOptions { PollInterval = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromMinutes(15) };

        var delay = MentionsPollerService.NextDelay(options, failedPasses, TimeSpan.FromSeconds(retryAfterSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public async Task Probe_FreshHealthyStaleAndMissingReports_AnswerWithTheExitCode()
    {
        var path = Path.Combine(_scratch.FullName, "health.json");
        var interval = TimeSpan.FromSeconds(15);
        Assert.Equal(1, HealthFile.Probe(path, interval, _time, TextWriter.Null));

        await File.WriteAllTextAsync(path, "{\"status\":\"Healthy\",\"checkedAt\":\"" + _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) + "\",\"checks\":{\"store\":{\"status\":\"Healthy\"}}}");
        Assert.Equal(0, HealthFile.Probe(path, interval, _time, TextWriter.Null));

        _time.Advance(4 * interval);
        Assert.Equal(1, HealthFile.Probe(path, interval, _time, TextWriter.Null));

        await File.WriteAllTextAsync(path, "{\"status\":\"Unhealthy\",\"checkedAt\":\"" + _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) + "\"}");
        Assert.Equal(1, HealthFile.Probe(path, interval, _time, TextWriter.Null));
    }

    [Fact]
    public async Task PollingHealthCheck_NoSuccessfulPollForLongerThanMaxPollAge_ReportsUnhealthy()
    {
        var fake = new FakeXApi(_time);
        DemoFeed.Seed(fake, Some.Now.AddHours(-4));
        using var host = Build(StoreConfiguration(("Worker:SqlitePath", Path.Combine(_scratch.FullName, "stale.db"))), fake, tripwire: null);
        var health = host.Services.GetRequiredService<HealthCheckService>();

        // Not started: nothing polled, but the age counts from the start, so it is healthy until MaxPollAge has passed.
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["polling"].Status);
        _time.Advance(TimeSpan.FromMinutes(6));
        var report = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["polling"].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["store"].Status);
    }

    private static Dictionary<string, string?> StoreConfiguration(params (string Key, string? Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Worker:HealthFile"] = string.Empty, ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        return configuration;
    }

    private async Task RunDemoAsync(Dictionary<string, string?> configuration)
    {
        var fake = new FakeXApi(_time);
        DemoFeed.Seed(fake, Some.Now.AddHours(-4));
        using var host = Build(configuration, fake, tripwire: null);
        await host.StartAsync();
        await RunUntilDoneAsync(host, () => fake.CreatedPosts.Count >= DemoFeed.Complaints.Count);

        var store = host.Services.GetRequiredService<IComplaintStore>();
        Assert.Equal(DemoFeed.Complaints.Count, (await store.ListAsync(new ComplaintQuery { Take = 1000 })).Count);
        Assert.Equal(DemoFeed.Complaints.Count, fake.CreatedPosts.Count);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        await host.StopAsync();
    }

    private IHost Build(Dictionary<string, string?> configuration, FakeXApi fake, Tripwire? tripwire)
    {
        var builder = WorkerApp.CreateBuilder([], c => c.AddInMemoryCollection(configuration));
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.Replace(ServiceDescriptor.Singleton(fake));
        if (tripwire is not null)
        {
            builder.Services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => tripwire.CreateHandler()));
        }

        return builder.Build();
    }

    /// <summary>
    /// Waits, without sleeping, until the first poll pass is done and the outbox is drained: each round waits until the
    /// dispatcher has set its timer, then moves the fake clock over it (and over outbox claim leases left by a stop).
    /// </summary>
    private async Task RunUntilDoneAsync(IHost host, Func<bool> done)
    {
        var status = host.Services.GetRequiredService<WorkerStatus>();
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        await status.WaitUntilAsync(s => s.PollPasses >= 1).WaitAsync(TimeSpan.FromMinutes(2));
        for (var round = 0; round < 500; round++)
        {
            await status.WaitUntilAsync(s => s.DispatcherWaits > 0).WaitAsync(TimeSpan.FromMinutes(2));
            if (done() && (await outbox.GetPendingAsync(1)).Count == 0)
            {
                return;
            }

            var waits = status.DispatcherWaits;
            _time.Advance(TimeSpan.FromSeconds(5));
            await status.WaitUntilAsync(s => s.DispatcherWaits > waits).WaitAsync(TimeSpan.FromMinutes(2));
        }

        Assert.Fail("The worker did not drain the outbox in 500 dispatcher rounds.");
    }

    /// <summary>Holds the nth matching request in flight until it is cancelled, and says when that happened.</summary>
    private sealed class Tripwire(HttpMethod method, string path, int nth)
    {
        private readonly HttpMethod _method = method;
        private readonly string _path = path;
        private readonly int _nth = nth;
        private int _seen;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DelegatingHandler CreateHandler() => new Handler(this);

        private sealed class Handler(Tripwire tripwire) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Method == tripwire._method && request.RequestUri!.AbsolutePath == tripwire._path && Interlocked.Increment(ref tripwire._seen) == tripwire._nth)
                {
                    tripwire.Reached.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
