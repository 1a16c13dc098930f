using BenchmarkDotNet.Attributes;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Benchmarks;

/// <summary>
/// Intake throughput on SQLite: inbound message → stored complaint + audit event + acknowledgement in the outbox,
/// beside a raw baseline of plain parameterised inserts of the same rows in one transaction per batch. Every method
/// handles <see cref="BatchSize"/> messages per invocation and reports the time per message, so complaints per second
/// = 1 s / mean. <see cref="Pipeline"/> reads them as one source window (stored in groups of the default
/// <c>IntakeGroupSize</c>, one transaction per group, then the checkpoint); <see cref="PipelinePerMessage"/> hands them
/// to <c>ProcessAsync</c> one at a time (one transaction per message).
/// Run: <c>dotnet run -c Release --project benchmarks/Grievance.Benchmarks -- --filter '*SqliteIntake*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class SqliteIntakeBenchmarks
{
    public const int BatchSize = 1000;

    private const int WarmupWindows = 40;

    /// <summary>Gets or sets whether every commit is synced to disk (<c>synchronous = FULL</c>) rather than at checkpoints (<c>NORMAL</c>, the default); the raw baseline uses the same setting.</summary>
    [Params(false, true)]
    public bool SyncEveryCommit { get; set; }

    private string _directory = null!;
    private ServiceProvider _services = null!;
    private IIntakePipeline _pipeline = null!;
    private string _rawConnectionString = null!;
    private long _nextId = 1_930_000_000_000_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("grievance-bench-").FullName;
        var services = new ServiceCollection();
        services.AddGrievance(o =>
        {
            var police = new DepartmentOptions { Id = "police", Name = "UP Police" };
            police.Handles.Add("Uppolice");
            o.Departments.Add(police);
        }).UseSqliteStore(o =>
        {
            o.ConnectionString = $"Data Source={Path.Combine(_directory, "intake.db")}";
            o.SyncEveryCommit = SyncEveryCommit;
        });
        _services = services.BuildServiceProvider();
        _pipeline = _services.GetRequiredService<IIntakePipeline>();

        _rawConnectionString = $"Data Source={Path.Combine(_directory, "raw.db")}";
        using var connection = new SqliteConnection(_rawConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "PRAGMA journal_mode = WAL;" +
            "CREATE TABLE complaints (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE, code TEXT UNIQUE, source TEXT, text TEXT, department TEXT, district TEXT, created_at INTEGER);" +
            "CREATE TABLE processed (channel TEXT, external_id TEXT, complaint_id TEXT, PRIMARY KEY (channel, external_id)) WITHOUT ROWID;" +
            "CREATE TABLE audit (id TEXT PRIMARY KEY, complaint_id TEXT, action TEXT, at INTEGER);" +
            "CREATE TABLE outbox (id TEXT PRIMARY KEY, idempotency_key TEXT UNIQUE, complaint_id TEXT, text TEXT, status INTEGER);";
        command.ExecuteNonQuery();

        // A worker runs for hours: measure the steady state, after tiered compilation has settled (it takes tens of
        // thousands of messages), not the first few windows a short job would otherwise measure.
        for (var i = 0; i < WarmupWindows; i++)
        {
            Pipeline().GetAwaiter().GetResult();
            RawInserts();
        }

        for (var i = 0; i < WarmupWindows / 4; i++)
        {
            PipelinePerMessage().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private InboundMessage Next() => new()
    {
        Channel = Channels.X,
        ExternalId = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Author = new Complainant { PlatformId = "1600000000000000042", Handle = "citizen" },
        Text = "@Uppolice my bike was stolen outside the market in Lucknow last night, please register an FIR",
        CreatedAt = DateTimeOffset.UnixEpoch.AddYears(56),
        AddressedAccounts = ["Uppolice"],
        Language = "en",
    };

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "Intake pipeline, one window, group commit")]
    public async Task Pipeline()
    {
        var messages = new InboundMessage[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            messages[i] = Next();
        }

        var run = await _pipeline.RunAsync(new WindowSource(messages));
        if (run.Created != BatchSize)
        {
            throw new InvalidOperationException($"{run.Created} of {BatchSize} messages became complaints.");
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "Intake pipeline, ProcessAsync per message")]
    public async Task PipelinePerMessage()
    {
        for (var i = 0; i < BatchSize; i++)
        {
            await _pipeline.ProcessAsync(Next());
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize, Description = "Raw inserts, one transaction per batch (4 rows per message)")]
    public void RawInserts()
    {
        using var connection = new SqliteConnection(_rawConnectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = SyncEveryCommit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var complaint = Command(connection, transaction, "INSERT INTO complaints (id, code, source, text, department, district, created_at) VALUES ($id, $code, $source, $text, 'police', 'LKO', $at)", "$id", "$code", "$source", "$text", "$at");
        using var processed = Command(connection, transaction, "INSERT INTO processed (channel, external_id, complaint_id) VALUES ('x', $source, $id)", "$source", "$id");
        using var audit = Command(connection, transaction, "INSERT INTO audit (id, complaint_id, action, at) VALUES ($aid, $id, 'created', $at)", "$aid", "$id", "$at");
        using var outbox = Command(connection, transaction, "INSERT INTO outbox (id, idempotency_key, complaint_id, text, status) VALUES ($oid, $key, $id, $text, 0)", "$oid", "$key", "$id", "$text");
        for (var i = 0; i < BatchSize; i++)
        {
            var message = Next();
            var id = Guid.NewGuid().ToString();
            Set(complaint, id, "LKO-2611-" + message.ExternalId, message.ExternalId, message.Text, 1L);
            Set(processed, message.ExternalId, id);
            Set(audit, Guid.NewGuid().ToString(), id, 1L);
            Set(outbox, Guid.NewGuid().ToString(), "ack:" + id, id, "Complaint registered");
        }

        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    /// <summary>One window of messages with a checkpoint, as a mentions poll yields it.</summary>
    private sealed class WindowSource(InboundMessage[] messages) : IComplaintSource
    {
        public string Name => "bench:window";

        public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield return new InboundBatch { Messages = messages, Checkpoint = messages[^1].ExternalId };
        }
    }
}
