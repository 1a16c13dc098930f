using Grievance.Storage.PostgreSql.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Storage.PostgreSql.Tests;

[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlSourceLeaseProviderTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private const string Source = "x:mentions:1600000000000000001";
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private readonly string _schema = PostgreSqlServerFixture.NewSchema();
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly List<PostgreSqlDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>A provider as one worker process has it: its own data source.</summary>
    private PostgreSqlSourceLeaseProvider Worker()
    {
        var database = server.Database(_schema, CheckInterval);
        _databases.Add(database);
        return new PostgreSqlSourceLeaseProvider(database, _time, NullLogger<PostgreSqlSourceLeaseProvider>.Instance);
    }

    private async Task<int?> HolderAsync(string source)
    {
        var key = PostgreSqlSourceLeaseProvider.LockKey(_schema, source);
        return await server.ScalarAsync(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = @key",
            ("key", key)) as int?;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    [SkippableFact]
    public async Task TryAcquire_SecondWorkerGetsNullUntilTheFirstDisposes()
    {
        server.SkipUnlessAvailable();
        var first = Worker();
        var second = Worker();

        var held = await first.TryAcquireAsync(Source);
        var refused = await second.TryAcquireAsync(Source);
        var sameProcessAgain = await first.TryAcquireAsync(Source);
        var pid = await HolderAsync(Source);
        await held!.DisposeAsync();
        var afterRelease = await HolderAsync(Source);
        var taken = await second.TryAcquireAsync(Source);

        Assert.NotNull(held);
        Assert.Equal(Source, held.Source);
        Assert.Null(refused);
        Assert.Null(sameProcessAgain);
        Assert.NotNull(pid);
        Assert.Null(afterRelease);
        Assert.NotNull(taken);
        Assert.False(held.Lost.IsCancellationRequested);
        await taken.DisposeAsync();
    }

    [SkippableFact]
    public async Task TryAcquire_DifferentSourcesAndSchemas_DoNotContend()
    {
        server.SkipUnlessAvailable();
        var first = Worker();
        var second = Worker();
        var otherDeployment = server.Database(PostgreSqlServerFixture.NewSchema(), CheckInterval);
        _databases.Add(otherDeployment);
        var third = new PostgreSqlSourceLeaseProvider(otherDeployment, _time, NullLogger<PostgreSqlSourceLeaseProvider>.Instance);

        await using var a = await first.TryAcquireAsync(Source);
        await using var b = await second.TryAcquireAsync("x:mentions:1600000000000000002");
        await using var c = await third.TryAcquireAsync(Source);

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.NotNull(c);
    }

    [SkippableFact]
    public async Task Dispose_ClosesTheDedicatedSession()
    {
        server.SkipUnlessAvailable();
        var worker = Worker();
        var lease = await worker.TryAcquireAsync(Source);
        var pid = await HolderAsync(Source);

        await lease!.DisposeAsync();
        var sessions = await EventuallyAsync(() => server.ScalarAsync("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = @pid", ("pid", pid!.Value)), v => (long)v! == 0);

        Assert.Equal(0L, sessions);
        await lease.DisposeAsync();
    }

    [SkippableFact]
    public async Task KilledConnection_FreesTheSourceAndCancelsLost()
    {
        server.SkipUnlessAvailable();
        var first = Worker();
        var second = Worker();
        var lease = await first.TryAcquireAsync(Source);
        var pid = await HolderAsync(Source);
        Assert.NotNull(lease);
        Assert.Null(await second.TryAcquireAsync(Source));

        Assert.Equal(true, await server.ScalarAsync("SELECT pg_terminate_backend(@pid)", ("pid", pid!.Value)));
        var takeover = await EventuallyAsync(() => second.TryAcquireAsync(Source), l => l is not null);
        _time.Advance(CheckInterval);
        var lost = await EventuallyAsync(() => Task.FromResult(lease.Lost.IsCancellationRequested), v => v);

        Assert.NotNull(takeover);
        Assert.True(lost);
        await lease.DisposeAsync();
        Assert.NotNull(await HolderAsync(Source));
        await takeover.DisposeAsync();
    }

    [Fact]
    public void LockKey_IsStableAcrossVersionsAndProcesses()
    {
        // Workers of different versions must agree on the key: it is the first 8 bytes (big-endian) of the SHA-256 of
        // "grievance-source:{schema}:{source}". Changing it would let two pollers read one source during an upgrade.
        var key = PostgreSqlSourceLeaseProvider.LockKey("grievance", "x:mentions:1");

        Assert.Equal(-7701101669856743471L, key);
        Assert.NotEqual(key, PostgreSqlSourceLeaseProvider.LockKey("grievance", "x:mentions:2"));
        Assert.NotEqual(key, PostgreSqlSourceLeaseProvider.LockKey("other", "x:mentions:1"));
    }
}
