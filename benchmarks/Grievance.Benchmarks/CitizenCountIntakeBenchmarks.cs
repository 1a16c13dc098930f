using BenchmarkDotNet.Attributes;
using Grievance.Complaints;
using Grievance.Intake;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Benchmarks;

/// <summary>
/// End-to-end intake (<c>ProcessAsync</c>: validate, deduplicate, route, code, count, store complaint + audit +
/// acknowledgement in one transaction) of one message from the heavy citizen of <see cref="CitizenCountBenchmarks"/>, with
/// <see cref="CitizenLimitOptions.MonthlyLimit"/> off, at 10 (IGRS's limit) and at 10,000 (the most allowed), on the same
/// SQLite file. With the limit on the intake also counts the citizen's complaints this month in the store. At 10 the
/// citizen is past the limit, so the complaint is also held for review (one more audit event, the held acknowledgement, no
/// due date); at 10,000 it is not (the count alone), except with <see cref="HeavyComplaints"/> = 10,000, where it is held too.
/// Every iteration runs <see cref="Invocations"/> messages; the complaints they added are deleted after the iteration, so
/// the citizen has between <see cref="HeavyComplaints"/> and <see cref="HeavyComplaints"/> + <see cref="Invocations"/>
/// complaints this month while measured.
/// Run: <c>dotnet run -c Release --project benchmarks/Grievance.Benchmarks -- --filter '*CitizenCount*' --job short --inProcess</c>
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
public class CitizenCountIntakeBenchmarks
{
    private const int Invocations = 200;
    private const int WarmupMessages = 1_000;
    private const int Limit = 10;
    private const int HighLimit = 10_000;

    private string _path = null!;
    private ServiceProvider _off = null!;
    private ServiceProvider _on = null!;
    private ServiceProvider _high = null!;
    private IIntakePipeline _pipelineOff = null!;
    private IIntakePipeline _pipelineOn = null!;
    private IIntakePipeline _pipelineHigh = null!;
    private long _seeded;

    /// <summary>Gets or sets how many complaints the heavy citizen opened this month before the measured ones.</summary>
    [Params(10, 1_000, 10_000)]
    public int HeavyComplaints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = CitizenCountDatabase.CopyOf(HeavyComplaints);
        _off = CitizenCountDatabase.Services(_path, monthlyLimit: 0);
        _on = CitizenCountDatabase.Services(_path, monthlyLimit: Limit);
        _pipelineOff = _off.GetRequiredService<IIntakePipeline>();
        _pipelineOn = _on.GetRequiredService<IIntakePipeline>();
        _high = CitizenCountDatabase.Services(_path, monthlyLimit: HighLimit);
        _pipelineHigh = _high.GetRequiredService<IIntakePipeline>();
        _seeded = Scalar("SELECT max(position) FROM complaints");

        // Steady state of a long-running worker, after tiered compilation has settled; then back to the seeded rows.
        for (var i = 0; i < WarmupMessages; i++)
        {
            LimitOff().GetAwaiter().GetResult();
            LimitOn().GetAwaiter().GetResult();
            LimitNotReached().GetAwaiter().GetResult();
        }

        DeleteMeasured();
        var off = Status(LimitOff().GetAwaiter().GetResult());
        var on = Status(LimitOn().GetAwaiter().GetResult());
        var high = Status(LimitNotReached().GetAwaiter().GetResult());
        var expectedHigh = HeavyComplaints + 2 >= HighLimit ? ComplaintStatus.HeldForReview : ComplaintStatus.New;
        if (off != (long)ComplaintStatus.New || on != (long)ComplaintStatus.HeldForReview || high != (long)expectedHigh)
        {
            throw new InvalidOperationException($"Statuses {off}, {on}, {high}: expected new with the limit off, held at {Limit}, {expectedHigh} at {HighLimit}.");
        }

        DeleteMeasured();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _off.Dispose();
        _on.Dispose();
        _high.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [IterationCleanup]
    public void DeleteMeasured()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "DELETE FROM audit_events WHERE complaint_id IN (SELECT id FROM complaints WHERE position > $seeded);" +
            "DELETE FROM outbox WHERE complaint_id IN (SELECT id FROM complaints WHERE position > $seeded);" +
            "DELETE FROM processed_messages WHERE complaint_id IN (SELECT id FROM complaints WHERE position > $seeded);" +
            "DELETE FROM complaints WHERE position > $seeded;";
        command.Parameters.AddWithValue("$seeded", _seeded);
        command.ExecuteNonQuery();
    }

    [Benchmark(Baseline = true, Description = "Intake of one message, MonthlyLimit off")]
    public Task<IntakeResult> LimitOff() => ProcessAsync(_pipelineOff);

    [Benchmark(Description = "Intake of one message, MonthlyLimit 10 (counted, held)")]
    public Task<IntakeResult> LimitOn() => ProcessAsync(_pipelineOn);

    [Benchmark(Description = "Intake of one message, MonthlyLimit 10,000 (counted)")]
    public Task<IntakeResult> LimitNotReached() => ProcessAsync(_pipelineHigh);

    private static async Task<IntakeResult> ProcessAsync(IIntakePipeline pipeline)
    {
        var result = await pipeline.ProcessAsync(CitizenCountDatabase.Message(CitizenCountDatabase.HeavyCitizen));
        return result.Outcome == IntakeOutcome.Created ? result : throw new InvalidOperationException($"The message was {result.Outcome}, not created.");
    }

    private long Status(IntakeResult result)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM complaints WHERE id = $id";
        command.Parameters.AddWithValue("$id", result.ComplaintId!.Value.ToString());
        return (long)command.ExecuteScalar()!;
    }

    private long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        return connection;
    }
}
