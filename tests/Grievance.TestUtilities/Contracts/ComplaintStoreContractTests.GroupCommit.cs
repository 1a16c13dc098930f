using System.Runtime.CompilerServices;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace Grievance.TestUtilities.Contracts;

/// <summary>
/// Group commit (<see cref="IComplaintStore.CommitIntakeBatchAsync"/>) and the intake pipeline's groups, on every store:
/// one transaction per group without weakening the per-message guarantees.
/// </summary>
public abstract partial class ComplaintStoreContractTests
{
    [SkippableFact]
    public async Task CommitIntakeBatch_NewAndAlreadyHandledItems_WritesTheNewOnesAndReportsTheEarlierRecords()
    {
        await using var store = await CreateStoreAsync();
        var earlier = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(earlier));
        var a = NewComplaint();
        var redelivered = NewComplaint();
        var b = NewComplaint();
        var again = NewComplaint();

        var results = await store.Complaints.CommitIntakeBatchAsync(
        [
            Commit(a),
            Commit(redelivered) with { Message = Processed(redelivered, earlier.SourceMessageId) },
            Commit(b),
            Commit(again) with { Message = Processed(again, a.SourceMessageId) },
        ]);

        Assert.Equal([true, false, true, false], results.Select(r => r.Committed));
        Assert.Equal(earlier.Id, results[1].Existing?.ComplaintId);
        Assert.Equal(a.Id, results[3].Existing?.ComplaintId);
        Assert.Null(results[0].Existing);
        Assert.Equal([earlier.Code, a.Code, b.Code], (await store.Complaints.ListAsync(new ComplaintQuery())).Select(c => c.Code).Order());
        Assert.Null(await store.Complaints.GetAsync(redelivered.Id));
        Assert.Null(await store.Complaints.GetAsync(again.Id));
        Assert.Equal(3, (await store.Outbox.GetPendingAsync(10)).Count);
        foreach (var written in new[] { a, b })
        {
            Assert.Single(await store.Complaints.GetAuditTrailAsync(written.Id));
            Assert.Single(await store.Outbox.ListForComplaintAsync(written.Id));
            Assert.Equal(written.Id, (await store.Complaints.FindProcessedAsync(Channels.X, written.SourceMessageId))?.ComplaintId);
        }
    }

    [SkippableFact]
    public async Task CommitIntakeBatch_ItemRefersToTheComplaintOfAnEarlierItem_IsWrittenInOrder()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint(conversation: "1930000000000012345");
        var followUp = new AuditEvent
        {
            Id = Guid.CreateVersion7(Time.GetUtcNow()),
            ComplaintId = complaint.Id,
            Action = AuditActions.FollowUp,
            Actor = complaint.Complainant.PlatformId,
            At = Time.GetUtcNow(),
            Reason = "still waiting",
            SourceMessageId = "1930000000000012346",
        };

        var results = await store.Complaints.CommitIntakeBatchAsync(
        [
            Commit(complaint),
            new IntakeCommit
            {
                Message = new ProcessedMessage { Channel = Channels.X, ExternalId = "1930000000000012346", Outcome = MessageOutcome.FollowUp, ComplaintId = complaint.Id, ProcessedAt = Time.GetUtcNow() },
                AuditEvents = [followUp],
            },
        ]);

        Assert.All(results, r => Assert.True(r.Committed));
        Assert.Equal([AuditActions.Created, AuditActions.FollowUp], (await store.Complaints.GetAuditTrailAsync(complaint.Id)).Select(e => e.Action));
    }

    [SkippableFact]
    public async Task CommitIntakeBatch_OneItemBreaksAConstraint_WritesNothingOfTheGroup()
    {
        await using var store = await CreateStoreAsync();
        var earlier = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(earlier));
        var a = NewComplaint();
        var clash = NewComplaint() with { Code = earlier.Code };
        var c = NewComplaint();

        await Assert.ThrowsAnyAsync<Exception>(() => store.Complaints.CommitIntakeBatchAsync([Commit(a), Commit(clash), Commit(c)]));

        Assert.Equal([earlier.Id], (await store.Complaints.ListAsync(new ComplaintQuery())).Select(x => x.Id));
        foreach (var unwritten in new[] { a, clash, c })
        {
            Assert.Null(await store.Complaints.FindProcessedAsync(Channels.X, unwritten.SourceMessageId));
            Assert.Empty(await store.Complaints.GetAuditTrailAsync(unwritten.Id));
        }

        Assert.Single(await store.Outbox.GetPendingAsync(10));

        // The store is still usable: the same group without the clash goes through.
        var retry = await store.Complaints.CommitIntakeBatchAsync([Commit(a), Commit(c)]);
        Assert.All(retry, r => Assert.True(r.Committed));
    }

    [SkippableFact]
    public async Task CommitIntakeBatch_ConcurrentWorkersWithOverlappingGroups_EachMessageCommitsOnceAndNoGroupFails()
    {
        await using var store = await CreateStoreAsync();
        const int Keys = 60, Workers = 4, GroupSize = 30;
        var keys = Enumerable.Range(0, Keys).Select(i => "19300000000001" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // Every worker delivers every message, starting at a different point and, for half of them, in reverse order,
        // so their groups overlap and lock the same keys in opposite orders.
        var workers = Enumerable.Range(0, Workers).Select(w =>
        {
            var order = Enumerable.Range(0, Keys).Select(i => keys[(i + (w * GroupSize)) % Keys]);
            var mine = (w % 2 == 0 ? order : order.Reverse()).Select(key => NewComplaint() with { SourceMessageId = key }).ToList();
            return Task.Run(async () =>
            {
                var outcomes = new List<(Complaint Complaint, IntakeCommitResult Result)>();
                foreach (var group in mine.Chunk(GroupSize))
                {
                    var results = await store.Complaints.CommitIntakeBatchAsync([.. group.Select(Commit)]);
                    outcomes.AddRange(group.Zip(results));
                }

                return outcomes;
            });
        }).ToList();

        var all = (await Task.WhenAll(workers)).SelectMany(o => o).ToList();

        Assert.Equal(Keys * Workers, all.Count);
        foreach (var attempts in all.GroupBy(o => o.Complaint.SourceMessageId))
        {
            var winner = Assert.Single(attempts, o => o.Result.Committed);
            Assert.All(attempts.Where(o => !o.Result.Committed), o => Assert.Equal(winner.Complaint.Id, o.Result.Existing?.ComplaintId));
        }

        var stored = await store.Complaints.ListAsync(new ComplaintQuery { Take = 1000 });
        Assert.Equal(keys.Order(), stored.Select(c => c.SourceMessageId).Order());
        Assert.Equal(Keys, (await store.Outbox.GetPendingAsync(1000)).Count);
    }

    [SkippableFact]
    public async Task FindProcessedBatch_ReturnsTheRecordsOfHandledMessagesOfThatChannelOnly()
    {
        await using var store = await CreateStoreAsync();
        var a = NewComplaint();
        var b = NewComplaint();
        await store.Complaints.CommitIntakeBatchAsync([Commit(a), Commit(b)]);

        var found = await store.Complaints.FindProcessedBatchAsync(Channels.X, [a.SourceMessageId, "1930000000009999999", b.SourceMessageId, a.SourceMessageId]);
        var elsewhere = await store.Complaints.FindProcessedBatchAsync(Channels.Web, [a.SourceMessageId]);

        Assert.Equal([a.Id, b.Id], found.Select(r => r.ComplaintId!.Value).OrderBy(id => id == a.Id ? 0 : 1));
        Assert.All(found, r => Assert.Equal(MessageOutcome.Complaint, r.Outcome));
        Assert.Equal(Processed(a), found.Single(r => r.ExternalId == a.SourceMessageId));
        Assert.Empty(elsewhere);
        Assert.Empty(await store.Complaints.FindProcessedBatchAsync(Channels.X, []));
        Assert.Equal("externalIds", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.Complaints.FindProcessedBatchAsync(Channels.X, null!))).ParamName);
    }

    [SkippableFact]
    public async Task CommitIntakeBatch_EmptyOrNull_ReturnsNothingOrThrows()
    {
        await using var store = await CreateStoreAsync();

        Assert.Empty(await store.Complaints.CommitIntakeBatchAsync([]));
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => store.Complaints.CommitIntakeBatchAsync(null!));
        Assert.Equal("commits", ex.ParamName);
    }

    [SkippableFact]
    public async Task RunAsync_FollowUpAndStatusQueryOnAComplaintOfTheSameGroup_SeeThatComplaint()
    {
        await using var store = await CreateStoreAsync();
        await using var services = PipelineOn(store);
        var code = FixedCodes.CodeOf(0);
        var source = new WindowSource(
            Some.Message("@Uppolice bike stolen near the market in Lucknow", "1930000000000020001", "Uppolice") with { ConversationId = "1930000000000020001" },
            Some.Message("@UPPCL_Sample no power in Agra since noon", "1930000000000020002", "UPPCL_Sample"),
            Some.Message("still no FIR, please help", "1930000000000020003") with { ConversationId = "1930000000000020001", InReplyToId = "1930000000000020001" },
            Some.Message($"status {code.Value.ToLowerInvariant()} please", "1930000000000020004"),
            Some.Message("@Uppolice bike stolen near the market in Lucknow", "1930000000000020001", "Uppolice") with { ConversationId = "1930000000000020001" });

        var run = await services.GetRequiredService<IIntakePipeline>().RunAsync(source);

        Assert.Equal((5, 2, 1, 1, 1, 0), (run.Read, run.Created, run.FollowUps, run.StatusQueries, run.Duplicates, run.Rejected));
        var complaint = await store.Complaints.FindByCodeAsync(code);
        Assert.NotNull(complaint);
        Assert.Equal("1930000000000020001", complaint.SourceMessageId);
        Assert.Equal([AuditActions.Created, AuditActions.FollowUp, AuditActions.StatusQuery], (await store.Complaints.GetAuditTrailAsync(complaint.Id)).Select(a => a.Action));
        Assert.Equal([OutboundMessageKind.Acknowledgement, OutboundMessageKind.StatusReply], (await store.Outbox.ListForComplaintAsync(complaint.Id)).Select(m => m.Kind));
        Assert.Equal(2, (await store.Complaints.ListAsync(new ComplaintQuery())).Count);
        Assert.Empty(await store.Complaints.ListRejectionsAsync());
        Assert.Equal("end", await store.Checkpoints.GetAsync(source.Name));
    }

    [SkippableFact]
    public async Task RunAsync_SameMessageTwiceInOneGroup_CreatesOneComplaintAndOneAcknowledgement()
    {
        await using var store = await CreateStoreAsync();
        await using var services = PipelineOn(store);
        var message = Some.Message("@Uppolice chain snatching near Hazratganj", "1930000000000030001", "Uppolice");
        var invalid = Some.Message("   ", "1930000000000030002");
        var source = new WindowSource(message, invalid, message, invalid, message with { Text = "edited, same post" });

        var run = await services.GetRequiredService<IIntakePipeline>().RunAsync(source);

        Assert.Equal((1, 1, 3), (run.Created, run.Rejected, run.Duplicates));
        var complaint = Assert.Single(await store.Complaints.ListAsync(new ComplaintQuery()));
        Assert.Single(await store.Outbox.ListForComplaintAsync(complaint.Id));
        Assert.Single(await store.Complaints.ListRejectionsAsync());
    }

    [SkippableFact]
    public async Task RunAsync_WindowOfSeveralGroups_StoresEveryMessageOnceWithDistinctCodes()
    {
        await using var store = await CreateStoreAsync();
        await using var services = PipelineOn(store, groupSize: 7);
        var messages = Enumerable.Range(0, 30)
            .Select(i => Some.Message("@Uppolice bike stolen near the market in Lucknow", "19300000000004" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "Uppolice"))
            .ToList();
        messages.Insert(10, messages[3]);
        messages.Insert(20, messages[17]);

        var run = await services.GetRequiredService<IIntakePipeline>().RunAsync(new WindowSource([.. messages]));
        var rerun = await services.GetRequiredService<IIntakePipeline>().ProcessAsync(messages[29]);

        Assert.Equal((32, 30, 2), (run.Read, run.Created, run.Duplicates));
        Assert.Equal(IntakeOutcome.Duplicate, rerun.Outcome);
        var complaints = await store.Complaints.ListAsync(new ComplaintQuery { Take = 100 });
        Assert.Equal(30, complaints.Count);
        Assert.Equal(30, complaints.Select(c => c.Code).Distinct().Count());
        Assert.Equal(30, complaints.Select(c => c.SourceMessageId).Distinct().Count());
        Assert.Equal(30, (await store.Outbox.GetPendingAsync(100)).Count);
    }

    /// <summary>A real container whose intake runs on the store under test, with predictable codes.</summary>
    private ServiceProvider PipelineOn(StoreUnderTest store, int groupSize = 256) => TestServices.Create(
        b =>
        {
            b.Services.Replace(ServiceDescriptor.Singleton(store.Complaints));
            b.Services.Replace(ServiceDescriptor.Singleton(store.Outbox));
            b.Services.Replace(ServiceDescriptor.Singleton(store.Checkpoints));
            b.UseCodeGenerator<FixedCodes>();
        },
        o => o.IntakeGroupSize = groupSize,
        Time);

    /// <summary>Issues LKO-2611 codes from sequence 500 upwards, so a test can quote a code before it is issued.</summary>
    private sealed class FixedCodes : IComplaintCodeGenerator
    {
        private long _next = -1;

        public static ComplaintCode CodeOf(long index) => Some.Code("LKO", sequence: 500 + index);

        public ValueTask<ComplaintCode> NextAsync(DistrictId? district, DateTimeOffset createdAt, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(CodeOf(Interlocked.Increment(ref _next)));
    }

    /// <summary>One window with a checkpoint, read once.</summary>
    private sealed class WindowSource(params InboundMessage[] messages) : IComplaintSource
    {
        public string Name => "test:window";

        public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (checkpoint is null)
            {
                yield return new InboundBatch { Messages = messages, Checkpoint = "end" };
            }
        }
    }
}
