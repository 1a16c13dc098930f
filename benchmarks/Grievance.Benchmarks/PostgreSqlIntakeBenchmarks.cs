using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Routing;
using Grievance.Storage;
using Grievance.Storage.PostgreSql;
using Grievance.Storage.PostgreSql.Internal;
using Grievance.Storage.PostgreSql.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Grievance.Benchmarks;

/// <summary>
/// Intake commits against PostgreSQL: a complaint, its audit event, its acknowledgement and the processed-message record
/// in one transaction, by <see cref="Concurrency"/> workers at once. <see cref="RawInserts"/> is the floor: the same
/// rows as plain parameterised inserts, one transaction per intake. Results are per intake commit.
/// The server is the one in <c>GRIEVANCE_BENCH_POSTGRES</c> (a connection string) or a throwaway one started from the
/// local binaries with fsync off, so absolute numbers flatter a durable production server; compare the two methods.
/// Run: <c>dotnet run -c Release --project benchmarks/Grievance.Benchmarks -- --filter '*PostgreSql*' --job short</c>
/// (add <c>--inProcess</c> on a busy machine, where building the benchmark's boilerplate project can time out).
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlIntakeBenchmarks
{
    private const int CommitsPerInvoke = 96;
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly Attachment[] Attachments = [new Attachment { MediaKey = "3_1930", Url = new Uri("https://pbs.twimg.com/media/x.jpg"), MediaType = "photo" }];

    private static readonly RoutingDecision Routing = new()
    {
        Department = new DepartmentId("police"),
        District = new DistrictId("LKO"),
        Unit = "Hazratganj",
        Category = new CategoryId("theft"),
        Confidence = 0.9,
        Reasons = ["'चोरी' → theft → police", "'लखनऊ' → LKO"],
    };

    private static readonly string AttachmentsJson = JsonSerializer.Serialize([.. Attachments], PostgreSqlJson.Default.ListAttachment);

    private static readonly string RoutingJson = JsonSerializer.Serialize(Routing, PostgreSqlJson.Default.RoutingDecision);

    private TemporaryPostgreSqlServer? _server;
    private PostgreSqlDatabase? _database;
    private PostgreSqlComplaintStore? _store;
    private string _schema = string.Empty;
    private long _next;

    /// <summary>Gets or sets how many workers commit at the same time.</summary>
    [Params(1, 4)]
    public int Concurrency { get; set; }

    /// <summary>Starts (or connects to) the server and creates the schema.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("GRIEVANCE_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var binaries = TemporaryPostgreSqlServer.FindBinaries()
                ?? throw new InvalidOperationException("No PostgreSQL binaries found: install PostgreSQL or set GRIEVANCE_BENCH_POSTGRES.");
            _server = await TemporaryPostgreSqlServer.StartAsync(binaries);
            connectionString = _server.ConnectionString;
        }

        _schema = "bench_" + Guid.NewGuid().ToString("N");
        _database = new PostgreSqlDatabase(Options.Create(new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = _schema }));
        _store = new PostgreSqlComplaintStore(_database, TimeProvider.System, NullLogger<PostgreSqlComplaintStore>.Instance);
        await _store.SetAsync("bench", "0");
    }

    /// <summary>Drops the schema and stops the server.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_database is not null)
        {
            await using (var connection = await _database.DataSource.OpenConnectionAsync())
            await using (var drop = new NpgsqlCommand($"DROP SCHEMA \"{_schema}\" CASCADE", connection))
            {
                await drop.ExecuteNonQueryAsync();
            }

            _store!.Dispose();
            await _database.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Commits through the store: processed-message gate, then the other rows in one batch, in one transaction.</summary>
    [Benchmark(OperationsPerInvoke = CommitsPerInvoke)]
    public Task StoreCommitIntake() => RunAsync(async () =>
    {
        var result = await _store!.CommitIntakeAsync(NextCommit());
        if (!result.Committed)
        {
            throw new InvalidOperationException("A fresh message was reported as a duplicate.");
        }
    });

    /// <summary>The same rows as plain parameterised inserts, one statement each, in one transaction per intake.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = CommitsPerInvoke)]
    public Task RawInserts() => RunAsync(async () =>
    {
        var commit = NextCommit();
        var c = commit.NewComplaint!;
        var audit = commit.AuditEvents[0];
        var ack = commit.Outbound[0];
        var message = commit.Message!;
        await using var connection = await _database!.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, $"INSERT INTO \"{_schema}\".processed_messages (channel, external_id, outcome, complaint_id, processed_at) VALUES ($1, $2, $3, $4, $5)",
            message.Channel, message.ExternalId, (int)message.Outcome, c.Id.Value, message.ProcessedAt);
        await ExecuteAsync(connection,
            $"INSERT INTO \"{_schema}\".complaints (id, code, channel, source_message_id, conversation_id, addressed_account, complainant_id, complainant_handle, " +
            "complainant_name, text, language, attachments, department, district, category, routing, status, created_at, updated_at, due_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
            c.Id.Value, c.Code.Value, c.Channel, c.SourceMessageId, c.ConversationId!, c.AddressedAccount!, c.Complainant.PlatformId, c.Complainant.Handle!,
            c.Complainant.DisplayName!, c.Text, c.Language!, new Jsonb(AttachmentsJson), c.Department.Value, c.District!.Value.Value, c.Category.Value,
            new Jsonb(RoutingJson), (int)c.Status, c.CreatedAt, c.UpdatedAt, c.DueAt!.Value);
        await ExecuteAsync(connection,
            $"INSERT INTO \"{_schema}\".audit_events (id, complaint_id, action, actor, at, to_status, reason, source_message_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            audit.Id, audit.ComplaintId.Value, audit.Action, audit.Actor, audit.At, (int)audit.ToStatus!.Value, audit.Reason!, audit.SourceMessageId!);
        await ExecuteAsync(connection,
            $"INSERT INTO \"{_schema}\".outbox (id, idempotency_key, complaint_id, channel, kind, recipient_id, in_reply_to, from_account, text, created_at, status, attempts) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            ack.Id, ack.IdempotencyKey, ack.ComplaintId.Value, ack.Channel, (int)ack.Kind, ack.RecipientId, ack.InReplyToExternalId!, ack.FromAccount!,
            ack.Text, ack.CreatedAt, (int)ack.Status, ack.Attempts);
        await transaction.CommitAsync();
    });

    private async Task RunAsync(Func<Task> commit)
    {
        var perWorker = CommitsPerInvoke / Concurrency;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                await commit();
            }
        })));
    }

    private IntakeCommit NextCommit()
    {
        var n = Interlocked.Increment(ref _next);
        var id = new ComplaintId(Guid.CreateVersion7(Now));
        var sourceId = (1930000000000000000L + n).ToString(CultureInfo.InvariantCulture);
        var complaint = new Complaint
        {
            Id = id,
            Code = ComplaintCode.Create("LKO", 2026, 11, n),
            Channel = Channels.X,
            SourceMessageId = sourceId,
            ConversationId = sourceId,
            AddressedAccount = "Uppolice",
            Complainant = new Complainant { PlatformId = "1600000000000000042", Handle = "ravi_lko", DisplayName = "रवि कुमार" },
            Text = "@Uppolice लखनऊ में मेरी बाइक चोरी हो गई 🏍️ & FIR नहीं लिखी",
            Language = "hi",
            Attachments = Attachments,
            Department = new DepartmentId("police"),
            District = new DistrictId("LKO"),
            Category = new CategoryId("theft"),
            Routing = Routing,
            Status = ComplaintStatus.New,
            CreatedAt = Now,
            UpdatedAt = Now,
            DueAt = Now.AddDays(21),
        };
        return new IntakeCommit
        {
            Message = new ProcessedMessage { Channel = Channels.X, ExternalId = sourceId, Outcome = MessageOutcome.Complaint, ComplaintId = id, ProcessedAt = Now },
            NewComplaint = complaint,
            AuditEvents =
            [
                new AuditEvent
                {
                    Id = Guid.CreateVersion7(Now), ComplaintId = id, Action = AuditActions.Created, Actor = AuditActors.System, At = Now,
                    ToStatus = ComplaintStatus.New, Reason = "routed", SourceMessageId = sourceId,
                },
            ],
            Outbound =
            [
                new OutboundMessage
                {
                    Id = Guid.CreateVersion7(Now), IdempotencyKey = "ack:" + id, ComplaintId = id, Channel = Channels.X, Kind = OutboundMessageKind.Acknowledgement,
                    RecipientId = complaint.Complainant.PlatformId, InReplyToExternalId = sourceId, FromAccount = "Uppolice",
                    Text = "शिकायत " + complaint.Code + " दर्ज", CreatedAt = Now,
                },
            ],
        };
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(value is Jsonb json ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json.Text } : new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private sealed record Jsonb(string Text);
}
