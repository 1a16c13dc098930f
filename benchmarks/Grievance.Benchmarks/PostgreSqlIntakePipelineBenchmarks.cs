using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Storage.PostgreSql.Internal;
using Grievance.Storage.PostgreSql.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Grievance.Benchmarks;

/// <summary>
/// Intake throughput on PostgreSQL, end to end: inbound message → validated, deduplicated, classified, routed and coded
/// complaint + audit event + acknowledgement in the outbox, by <see cref="Workers"/> worker instances at once (each its
/// own container and connection pool, as separate processes would have), all on one database.
/// <see cref="Pipeline"/> reads a window per worker and stores it in groups (the default <c>IntakeGroupSize</c>: one
/// lookup of handled messages and one transaction per group). The cost of one transaction per message is in
/// <see cref="PostgreSqlIntakeBenchmarks"/>. <see cref="RawInserts"/> is the baseline: the same four rows per message as plain parameterised single-row
/// inserts, sent pipelined, one transaction per batch of <see cref="GroupSize"/> messages. Every method handles
/// <see cref="MessagesPerInvoke"/> messages and reports the time per message: messages per second = 1 s / mean.
/// The server is the one in <c>GRIEVANCE_BENCH_POSTGRES</c> or a throwaway one started from the local binaries (fsync
/// off), so compare the methods rather than trusting absolute numbers.
/// Run: <c>dotnet run -c Release --project benchmarks/Grievance.Benchmarks -- --filter '*PostgreSqlIntakePipeline*' --job short --inProcess</c>
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlIntakePipelineBenchmarks
{
    private const int MessagesPerInvoke = 1536;
    private const int GroupSize = 256;
    private const int WarmupRounds = 4;

    private TemporaryPostgreSqlServer? _server;
    private string _connectionString = string.Empty;
    private string _schema = string.Empty;
    private ServiceProvider[] _workers = [];
    private NpgsqlDataSource? _raw;
    private long _next = 1_940_000_000_000_000_000;

    /// <summary>Gets or sets how many worker instances run at once.</summary>
    [Params(1, 3)]
    public int Workers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var configured = Environment.GetEnvironmentVariable("GRIEVANCE_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var binaries = TemporaryPostgreSqlServer.FindBinaries()
                ?? throw new InvalidOperationException("No PostgreSQL binaries found: install PostgreSQL or set GRIEVANCE_BENCH_POSTGRES.");
            _server = await TemporaryPostgreSqlServer.StartAsync(binaries);
            configured = _server.ConnectionString;
        }

        _connectionString = configured;
        _schema = "bench_" + Guid.NewGuid().ToString("N");
        _workers = [.. Enumerable.Range(0, Workers).Select(_ =>
        {
            var services = new ServiceCollection();
            services.AddGrievance(o =>
            {
                var police = new DepartmentOptions { Id = "police", Name = "UP Police" };
                police.Handles.Add("Uppolice");
                o.Departments.Add(police);
            }).UsePostgreSqlStore(o =>
            {
                o.ConnectionString = _connectionString;
                o.Schema = _schema;
            });
            return services.BuildServiceProvider();
        })];
        _raw = NpgsqlDataSource.Create(_connectionString);

        // Measure the steady state of long-running workers, after tiered compilation has settled.
        for (var i = 0; i < WarmupRounds; i++)
        {
            await Pipeline();
            await RawInserts();
        }

    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        if (_raw is not null)
        {
            await using (var connection = await _raw.OpenConnectionAsync())
            await using (var drop = new NpgsqlCommand($"DROP SCHEMA \"{_schema}\" CASCADE", connection))
            {
                await drop.ExecuteNonQueryAsync();
            }

            await _raw.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke, Description = "Intake pipeline, a window per worker, group commit")]
    public Task Pipeline() => PerWorkerAsync(async (worker, index, messages) =>
    {
        var run = await worker.GetRequiredService<IIntakePipeline>().RunAsync(new WindowSource("bench:" + index, messages));
        if (run.Created != messages.Length)
        {
            throw new InvalidOperationException($"{run.Created} of {messages.Length} messages became complaints.");
        }
    });

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerInvoke, Description = "Raw inserts, one transaction per batch of 256 (4 rows per message)")]
    public Task RawInserts() => PerWorkerAsync(async (_, _, messages) =>
    {
        foreach (var chunk in messages.Chunk(GroupSize))
        {
            await using var connection = await _raw!.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var message in chunk)
            {
                RawRows.Add(batch, _schema, message);
            }

            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    });

    private Task PerWorkerAsync(Func<ServiceProvider, int, InboundMessage[], Task> work)
    {
        var perWorker = MessagesPerInvoke / Workers;
        return Task.WhenAll(_workers.Select((worker, index) =>
        {
            var messages = new InboundMessage[perWorker];
            for (var i = 0; i < perWorker; i++)
            {
                messages[i] = Next();
            }

            return Task.Run(() => work(worker, index, messages));
        }));
    }

    private InboundMessage Next()
    {
        var id = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        return new InboundMessage
        {
            Channel = Channels.X,
            ExternalId = id,
            ConversationId = id,
            Author = new Complainant { PlatformId = "1600000000000000042", Handle = "citizen" },
            Text = "@Uppolice my bike was stolen outside the market in Lucknow last night, please register an FIR",
            CreatedAt = DateTimeOffset.UnixEpoch.AddYears(56),
            AddressedAccounts = ["Uppolice"],
            Language = "en",
        };
    }

    /// <summary>The rows intake writes for one new complaint, as plain single-row inserts.</summary>
    private static class RawRows
    {
        private static readonly string Routing = JsonSerializer.Serialize(new Grievance.Routing.RoutingDecision
        {
            Department = new DepartmentId("police"),
            District = new DistrictId("LKO"),
            Category = new CategoryId("theft"),
            Confidence = 0.9,
            Reasons = ["addressed @Uppolice → police", "'bike stolen' → theft", "'Lucknow' → LKO"],
        }, PostgreSqlJson.Default.RoutingDecision);

        private static long s_sequence;

        public static void Add(NpgsqlBatch batch, string schema, InboundMessage message)
        {
            var now = DateTimeOffset.UtcNow;
            var id = Guid.CreateVersion7(now);
            var code = Codes.ComplaintCode.Create("LKO", 2026, 11, Interlocked.Increment(ref s_sequence) + 5_000_000).Value;
            Command(batch, $"INSERT INTO \"{schema}\".processed_messages (channel, external_id, outcome, complaint_id, processed_at) VALUES ($1, $2, $3, $4, $5)",
                message.Channel, message.ExternalId, 0, id, now);
            Command(batch,
                $"INSERT INTO \"{schema}\".complaints (id, code, channel, source_message_id, conversation_id, addressed_account, complainant_id, complainant_handle, " +
                "complainant_name, text, language, attachments, department, district, category, routing, status, created_at, updated_at, due_at) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
                id, code, message.Channel, message.ExternalId, message.ConversationId!, "Uppolice", message.Author.PlatformId, message.Author.Handle!,
                message.Text, message.Language!, new Jsonb("[]"), "police", "LKO", "theft", new Jsonb(Routing), 0, now, now, now.AddDays(21));
            Command(batch,
                $"INSERT INTO \"{schema}\".audit_events (id, complaint_id, action, actor, at, to_status, reason, source_message_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                Guid.CreateVersion7(now), id, "created", "system", now, 0, "addressed @Uppolice → police; 'bike stolen' → theft; 'Lucknow' → LKO", message.ExternalId);
            Command(batch,
                $"INSERT INTO \"{schema}\".outbox (id, idempotency_key, complaint_id, channel, kind, recipient_id, in_reply_to, from_account, text, created_at, status, attempts) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                Guid.CreateVersion7(now), "ack:" + id, id, message.Channel, 0, message.Author.PlatformId, message.ExternalId, "Uppolice",
                "Complaint " + code + " registered and sent to UP Police, Lucknow. Reply \"status " + code + "\" any time to see its progress.", now, 0, 0);
        }

        private static void Command(NpgsqlBatch batch, string sql, params object[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values)
            {
                command.Parameters.Add(value is Jsonb json ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json.Text } : new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(command);
        }

        private sealed record Jsonb(string Text);
    }

    /// <summary>One window of messages with a checkpoint, as a mentions poll yields it.</summary>
    private sealed class WindowSource(string name, InboundMessage[] messages) : IComplaintSource
    {
        public string Name { get; } = name;

        public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield return new InboundBatch { Messages = messages, Checkpoint = messages[^1].ExternalId };
        }
    }
}
