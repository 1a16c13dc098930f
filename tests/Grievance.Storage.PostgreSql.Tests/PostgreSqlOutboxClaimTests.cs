using System.Collections.Concurrent;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage.PostgreSql.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Tests;

/// <summary>Outbox claims between worker processes: each has its own data source, all share one schema.</summary>
[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlOutboxClaimTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServerFixture.NewSchema();
    private readonly FakeTimeProvider _time = new(Some.Now);
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
        var store = PostgreSqlServerFixture.Store(database, _time);
        _workers.Add((database, store));
        return store;
    }

    private async Task<List<Guid>> QueueAsync(PostgreSqlComplaintStore store, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var complaint = new Complaint
            {
                Id = ComplaintId.New(_time),
                Code = Some.Code("LKO", sequence: i + 1),
                Channel = Channels.X,
                SourceMessageId = "1930000000000" + i,
                Complainant = new Complainant { PlatformId = "1600000000000000042" },
                Text = "street light out",
                Department = new DepartmentId("power"),
                Category = new CategoryId("power-outage"),
                Status = ComplaintStatus.New,
                CreatedAt = _time.GetUtcNow(),
                UpdatedAt = _time.GetUtcNow(),
            };
            var ack = new OutboundMessage
            {
                Id = Guid.CreateVersion7(_time.GetUtcNow()),
                IdempotencyKey = "ack:" + complaint.Id,
                ComplaintId = complaint.Id,
                Channel = complaint.Channel,
                Kind = OutboundMessageKind.Acknowledgement,
                RecipientId = complaint.Complainant.PlatformId,
                Text = "ack " + complaint.Code,
                CreatedAt = _time.GetUtcNow(),
            };
            await store.CommitIntakeAsync(new IntakeCommit { NewComplaint = complaint, Outbound = [ack] });
            ids.Add(ack.Id);
        }

        return ids;
    }

    [SkippableFact]
    public async Task ClaimersInSeveralProcesses_ClaimEachMessageExactlyOnce()
    {
        server.SkipUnlessAvailable();
        var workers = new[] { Worker(), Worker(), Worker() };
        var queued = await QueueAsync(workers[0], 60);
        var claimed = new ConcurrentBag<Guid>();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            while (await workers[i % workers.Length].ClaimPendingAsync(4, TimeSpan.FromMinutes(1)) is { Count: > 0 } batch)
            {
                foreach (var message in batch)
                {
                    claimed.Add(message.Id);
                }
            }
        })));

        Assert.Equal(queued.Count, claimed.Count);
        Assert.Equal(queued.Order(), claimed.Order());
    }

    [SkippableFact]
    public async Task RowLockedByAnotherClaimer_IsSkippedNotWaitedFor()
    {
        server.SkipUnlessAvailable();
        var store = Worker();
        var queued = await QueueAsync(store, 3);
        await using var other = new NpgsqlConnection(server.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var lockFirst = new NpgsqlCommand($"SELECT id FROM \"{_schema}\".outbox WHERE id = @id FOR UPDATE", other))
        {
            lockFirst.Parameters.AddWithValue("id", queued[0]);
            await lockFirst.ExecuteScalarAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var whileLocked = await store.ClaimPendingAsync(10, TimeSpan.FromMinutes(1), timeout.Token);
        await transaction.RollbackAsync();
        var afterwards = await store.ClaimPendingAsync(10, TimeSpan.FromMinutes(1));

        Assert.Equal(queued.Skip(1), whileLocked.Select(m => m.Id));
        Assert.Equal([queued[0]], afterwards.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task ClaimOfADeadWorker_LapsesForAnother()
    {
        server.SkipUnlessAvailable();
        var dead = Worker();
        var alive = Worker();
        var queued = await QueueAsync(dead, 2);

        var first = await dead.ClaimPendingAsync(10, TimeSpan.FromSeconds(30));
        var meanwhile = await alive.ClaimPendingAsync(10, TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(30));
        var retaken = await alive.ClaimPendingAsync(10, TimeSpan.FromSeconds(30));
        await alive.MarkSentAsync(retaken[0].Id, "1931000000000000001");

        Assert.Equal(queued, first.Select(m => m.Id));
        Assert.Empty(meanwhile);
        Assert.Equal(queued, retaken.Select(m => m.Id));
        Assert.Equal([queued[1]], (await dead.GetPendingAsync(10)).Select(m => m.Id));
    }
}
