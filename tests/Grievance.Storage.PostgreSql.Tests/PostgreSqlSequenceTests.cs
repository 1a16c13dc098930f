using System.Collections.Concurrent;
using Grievance.Storage.PostgreSql.Internal;

namespace Grievance.Storage.PostgreSql.Tests;

[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlSequenceTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServerFixture.NewSchema();
    private readonly List<(PostgreSqlDatabase Database, PostgreSqlComplaintStore Store)> _workers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (database, store) in _workers)
        {
            store.Dispose();
            await database.DisposeAsync();
        }

        if (server.SkipReason is null)
        {
            await server.DropSchemaAsync(_schema);
        }
    }

    private PostgreSqlComplaintStore Worker()
    {
        var database = server.Database(_schema);
        var store = PostgreSqlServerFixture.Store(database, TimeProvider.System);
        _workers.Add((database, store));
        return store;
    }

    [SkippableFact]
    public async Task Reserve_StartsAtZeroAndAdvancesPerScope()
    {
        server.SkipUnlessAvailable();
        var store = Worker();

        var first = await store.ReserveAsync("LKO:2026", 10, CancellationToken.None);
        var second = await store.ReserveAsync("LKO:2026", 1, CancellationToken.None);
        var other = await store.ReserveAsync("AGR:2026", 3, CancellationToken.None);
        var third = await store.ReserveAsync("LKO:2026", 5, CancellationToken.None);

        Assert.Equal(0, first);
        Assert.Equal(10, second);
        Assert.Equal(0, other);
        Assert.Equal(11, third);
    }

    [SkippableFact]
    public async Task Reserve_EightWorkersTwoHundredBlocksEach_RangesAreDisjointAndGapless()
    {
        server.SkipUnlessAvailable();
        var workers = new[] { Worker(), Worker() };
        await workers[0].ReserveAsync("warm-up", 1, CancellationToken.None);
        var ranges = new ConcurrentBag<(long First, int Count)>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            var store = workers[t % workers.Length];
            for (var i = 0; i < 200; i++)
            {
                var count = 1 + ((t + i) % 7);
                ranges.Add((await store.ReserveAsync("LKO:2026", count, CancellationToken.None), count));
            }
        })));

        var ordered = ranges.OrderBy(r => r.First).ToList();
        Assert.Equal(1600, ordered.Count);
        Assert.Equal(0, ordered[0].First);
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.Equal(ordered[i - 1].First + ordered[i - 1].Count, ordered[i].First);
        }
    }

    [SkippableFact]
    public async Task Reserve_InvalidArguments_Throw()
    {
        server.SkipUnlessAvailable();
        var store = Worker();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.ReserveAsync("LKO", 0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.ReserveAsync(" ", 1, CancellationToken.None));
    }
}

[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlSequenceSourceContractTests(PostgreSqlServerFixture server) : Grievance.TestUtilities.Codes.SequenceSourceContractTests, IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServerFixture.NewSchema();
    private readonly List<Microsoft.Extensions.DependencyInjection.ServiceProvider> _processes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _processes)
        {
            await provider.DisposeAsync();
        }

        if (server.SkipReason is null)
        {
            await server.DropSchemaAsync(_schema);
        }
    }

    // Each source is a worker process (its own container, pool and blocks) reserving from the shared database.
    protected override Grievance.Codes.ISequenceSource CreateSource()
    {
        server.SkipUnlessAvailable();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Grievance.DependencyInjection.PostgreSqlGrievanceBuilderExtensions.UsePostgreSqlStore(
            Grievance.DependencyInjection.GrievanceBuilderExtensions.ConfigureCodes(
                Microsoft.Extensions.DependencyInjection.GrievanceServiceCollectionExtensions.AddGrievance(services), o => o.SequenceBlockSize = 5),
            o =>
            {
                o.ConnectionString = server.ConnectionString;
                o.Schema = _schema;
            });
        var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        _processes.Add(provider);
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Grievance.Codes.ISequenceSource>(provider);
    }
}
