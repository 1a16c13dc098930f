using BenchmarkDotNet.Attributes;
using Grievance.Intake;
using Grievance.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Benchmarks;

/// <summary>
/// The per-citizen monthly count the intake makes when <see cref="CitizenLimitOptions.MonthlyLimit"/> is on, on a SQLite
/// file holding <see cref="HeavyComplaints"/> complaints of one citizen this month among 50,000 of 10,000 other citizens
/// (<see cref="CitizenCountDatabase"/>): the store's <c>count(*)</c> on the index on channel, citizen and creation time
/// (<see cref="IComplaintLifecycleStore.CountByComplainantAsync"/>, what the intake calls now) against loading the
/// citizen's complaints and counting those of the month (what it did before, and what the interface's default
/// implementation still does for stores that do not override it). The end-to-end intake with the limit on and off is in
/// <see cref="CitizenCountIntakeBenchmarks"/>.
/// Run: <c>dotnet run -c Release --project benchmarks/Grievance.Benchmarks -- --filter '*CitizenCount*' --job short --inProcess</c>
/// </summary>
[MemoryDiagnoser]
public class CitizenCountBenchmarks
{
    private string _path = null!;
    private ServiceProvider _services = null!;
    private IComplaintLifecycleStore _store = null!;
    private DateTimeOffset _start;
    private DateTimeOffset _end;

    /// <summary>Gets or sets how many complaints the heavy citizen opened this month.</summary>
    [Params(10, 1_000, 10_000)]
    public int HeavyComplaints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = CitizenCountDatabase.CopyOf(HeavyComplaints);
        _services = CitizenCountDatabase.Services(_path, monthlyLimit: 0);
        _store = _services.GetRequiredService<IComplaintLifecycleStore>();
        (_start, _end) = CitizenCountDatabase.Month;

        var counted = StoreCount().GetAwaiter().GetResult();
        var listed = ListAndCount().GetAwaiter().GetResult();
        if (counted != HeavyComplaints || listed != HeavyComplaints)
        {
            throw new InvalidOperationException($"Counted {counted} and listed {listed} complaints of the heavy citizen, not {HeavyComplaints}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Count in the store (SQL count(*) on the index)")]
    public Task<int> StoreCount() =>
        _store.CountByComplainantAsync(Channels.X, CitizenCountDatabase.HeavyCitizen, _start, _end);

    [Benchmark(Description = "List the citizen's complaints and count the month's (before)")]
    public async Task<int> ListAndCount()
    {
        // As the intake counted before the store did, and as the interface's default implementation still does.
        var complaints = await _store.ListByComplainantAsync(Channels.X, CitizenCountDatabase.HeavyCitizen);
        return complaints.Count(c => c.CreatedAt >= _start && c.CreatedAt < _end);
    }
}
