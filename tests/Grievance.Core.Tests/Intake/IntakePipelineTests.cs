using System.Runtime.CompilerServices;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.Storage.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Grievance.Core.Tests.Intake;

public class IntakePipelineTests
{
    private readonly ServiceProvider _services = TestServices.Create();

    private IIntakePipeline Pipeline => _services.GetRequiredService<IIntakePipeline>();

    private IComplaintStore Store => _services.GetRequiredService<IComplaintStore>();

    private IOutboxStore Outbox => _services.GetRequiredService<IOutboxStore>();

    [Fact]
    public async Task ProcessAsync_NewComplaint_CreatesRoutedComplaintWithAcknowledgementHoldingTheCode()
    {
        var message = Some.Message("@UPPCL_Sample no electricity in Gorakhpur since 6 hours", "555", "UPPCL_Sample");

        var result = await Pipeline.ProcessAsync(message);

        Assert.Equal(IntakeOutcome.Created, result.Outcome);
        var complaint = await Store.GetAsync(result.ComplaintId!.Value);
        Assert.NotNull(complaint);
        Assert.Equal(result.Code, complaint.Code);
        Assert.Equal("power", complaint.Department.Value);
        Assert.Equal("GKP", complaint.District?.Value);
        Assert.Equal("power-outage", complaint.Category.Value);
        Assert.Equal(ComplaintStatus.New, complaint.Status);
        Assert.Equal("555", complaint.SourceMessageId);
        Assert.Equal(Some.Now, complaint.CreatedAt);
        Assert.Equal(Some.Now.AddDays(21), complaint.DueAt);
        Assert.StartsWith("GKP-2611-", complaint.Code.Value, StringComparison.Ordinal);

        var outbound = Assert.Single(await Outbox.ListForComplaintAsync(complaint.Id));
        Assert.Equal(OutboundMessageKind.Acknowledgement, outbound.Kind);
        Assert.Contains(complaint.Code.Value, outbound.Text, StringComparison.Ordinal);
        Assert.Equal("555", outbound.InReplyToExternalId);
        Assert.Equal("9001", outbound.RecipientId);
        Assert.Equal("UPPCL_Sample", outbound.FromAccount);
        Assert.Equal($"ack:{complaint.Id}", outbound.IdempotencyKey);

        var audit = Assert.Single(await Store.GetAuditTrailAsync(complaint.Id));
        Assert.Equal(AuditActions.Created, audit.Action);
        Assert.Equal(ComplaintStatus.New, audit.ToStatus);
        Assert.Contains("UPPCL_Sample", audit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_HindiMessage_AcknowledgesInHindiWithTheCode()
    {
        var message = Some.Message("@Uppolice लखनऊ में मेरी बाइक चोरी हो गई", addressed: "Uppolice") with { Language = "hi" };

        var result = await Pipeline.ProcessAsync(message);

        var outbound = Assert.Single(await Outbox.ListForComplaintAsync(result.ComplaintId!.Value));
        Assert.Contains(result.Code!.Value.Value, outbound.Text, StringComparison.Ordinal);
        Assert.Contains("लखनऊ", outbound.Text, StringComparison.Ordinal);
        Assert.Contains("उत्तर प्रदेश पुलिस", outbound.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_SameMessageTwice_CreatesOneComplaintAndOneAcknowledgement()
    {
        var message = Some.Message(externalId: "777");

        var first = await Pipeline.ProcessAsync(message);
        var second = await Pipeline.ProcessAsync(message with { Text = "edited text, same id" });

        Assert.Equal(IntakeOutcome.Created, first.Outcome);
        Assert.Equal(IntakeOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.ComplaintId, second.ComplaintId);
        Assert.Single(await Store.ListAsync(new ComplaintQuery()));
        Assert.Single(await Outbox.GetPendingAsync(10));
    }

    [Fact]
    public async Task ProcessAsync_SameIdOnAnotherChannel_IsADifferentMessage()
    {
        await Pipeline.ProcessAsync(Some.Message(externalId: "42"));
        var other = await Pipeline.ProcessAsync(Some.Message(externalId: "42") with { Channel = Channels.Web });

        Assert.Equal(IntakeOutcome.Created, other.Outcome);
        Assert.Equal(2, (await Store.ListAsync(new ComplaintQuery())).Count);
    }

    [Fact]
    public async Task ProcessAsync_ConcurrentDeliveriesOfOneMessage_YieldOneComplaint()
    {
        var message = Some.Message(externalId: "900");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Pipeline.ProcessAsync(message))));

        Assert.Single(results, r => r.Outcome == IntakeOutcome.Created);
        Assert.All(results.Where(r => r.Outcome != IntakeOutcome.Created), r => Assert.Equal(IntakeOutcome.Duplicate, r.Outcome));
        Assert.Single(await Store.ListAsync(new ComplaintQuery()));
        Assert.Single(await Outbox.GetPendingAsync(100));
    }

    [Fact]
    public async Task ProcessAsync_InvalidMessage_RecordsRejectionWithReasonsAndNoComplaint()
    {
        var message = Some.Message("   ", externalId: "31");

        var result = await Pipeline.ProcessAsync(message);

        Assert.Equal(IntakeOutcome.Rejected, result.Outcome);
        Assert.Contains(result.Errors, e => e.Contains("white space", StringComparison.Ordinal));
        var rejection = Assert.Single(await Store.ListRejectionsAsync());
        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        Assert.Equal("31", rejection.ExternalId);
        Assert.Same(message, rejection.Message);
        Assert.Empty(await Store.ListAsync(new ComplaintQuery()));
        Assert.Empty(await Outbox.GetPendingAsync(10));

        var again = await Pipeline.ProcessAsync(message);
        Assert.Equal(IntakeOutcome.Duplicate, again.Outcome);
        Assert.Single(await Store.ListRejectionsAsync());
    }

    [Theory]
    [InlineData("Thank you @UPPCL_Sample, the transformer was replaced within 2 hours. Great work!", "praise or thanks")]
    [InlineData("RT @UPPCL_Sample: Planned shutdown in Gorakhpur on Sunday 10-12", "a retweet")]
    public async Task ProcessAsync_NotAGrievance_RecordsRejectionWithTheReasonAndNoComplaintOrReply(string text, string reason)
    {
        var result = await Pipeline.ProcessAsync(Some.Message(text, "777", "UPPCL_Sample"));

        Assert.Equal(IntakeOutcome.Rejected, result.Outcome);
        var rejection = Assert.Single(await Store.ListRejectionsAsync());
        Assert.Equal(RejectionKind.NotAGrievance, rejection.Kind);
        Assert.Contains(rejection.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(await Store.ListAsync(new ComplaintQuery()));
        Assert.Empty(await Outbox.GetPendingAsync(10));
        Assert.Equal(IntakeOutcome.Duplicate, (await Pipeline.ProcessAsync(Some.Message(text, "777", "UPPCL_Sample"))).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_MessageWithoutId_IsStillRecordedAsRejected()
    {
        var message = Some.Message() with { ExternalId = null!, Channel = null! };

        var result = await Pipeline.ProcessAsync(message);

        Assert.Equal(IntakeOutcome.Rejected, result.Outcome);
        Assert.Equal(2, result.Errors.Count);
        var rejection = Assert.Single(await Store.ListRejectionsAsync());
        Assert.Null(rejection.ExternalId);
        Assert.Null(rejection.Channel);
    }

    [Fact]
    public async Task ProcessAsync_ReplyInThreadByComplainant_IsAFollowUpOnTheComplaint()
    {
        var opening = Some.Message(externalId: "1000") with { ConversationId = "1000" };
        var created = await Pipeline.ProcessAsync(opening);
        var reply = Some.Message("still no light, please help", externalId: "1001") with { ConversationId = "1000", InReplyToId = "1000" };

        var result = await Pipeline.ProcessAsync(reply);

        Assert.Equal(IntakeOutcome.FollowUp, result.Outcome);
        Assert.Equal(created.ComplaintId, result.ComplaintId);
        Assert.Equal(created.Code, result.Code);
        var trail = await Store.GetAuditTrailAsync(created.ComplaintId!.Value);
        Assert.Equal([AuditActions.Created, AuditActions.FollowUp], trail.Select(a => a.Action));
        Assert.Equal("1001", trail[1].SourceMessageId);
        Assert.Single(await Store.ListAsync(new ComplaintQuery()));
        Assert.Equal(IntakeOutcome.Duplicate, (await Pipeline.ProcessAsync(reply)).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_ReplyInThreadByAnotherCitizen_IsANewComplaint()
    {
        await Pipeline.ProcessAsync(Some.Message(externalId: "2000") with { ConversationId = "2000" });
        var other = Some.Message("@UPPCL_Sample same problem in my street, no light since morning", "2001", "UPPCL_Sample") with
        {
            ConversationId = "2000",
            Author = new Complainant { PlatformId = "4242" },
        };

        var result = await Pipeline.ProcessAsync(other);

        Assert.Equal(IntakeOutcome.Created, result.Outcome);
    }

    [Fact]
    public async Task ProcessAsync_StatusQueryWithKnownCode_QueuesStatusReply()
    {
        var created = await Pipeline.ProcessAsync(Some.Message(externalId: "3000"));
        var query = Some.Message($"status {created.Code!.Value.Value.ToLowerInvariant()} please", externalId: "3001");

        var result = await Pipeline.ProcessAsync(query);

        Assert.Equal(IntakeOutcome.StatusQuery, result.Outcome);
        Assert.Equal(created.ComplaintId, result.ComplaintId);
        var replies = await Outbox.ListForComplaintAsync(created.ComplaintId!.Value);
        var reply = Assert.Single(replies, r => r.Kind == OutboundMessageKind.StatusReply);
        Assert.Contains(created.Code.Value.Value, reply.Text, StringComparison.Ordinal);
        Assert.Equal("3001", reply.InReplyToExternalId);
    }

    [Fact]
    public async Task ProcessAsync_StatusQueryWithUnknownCode_IsRecordedAsRejected()
    {
        var result = await Pipeline.ProcessAsync(Some.Message("status LKO-2611-9999", externalId: "3100"));

        Assert.Equal(IntakeOutcome.Rejected, result.Outcome);
        Assert.Equal(RejectionKind.UnknownCode, Assert.Single(await Store.ListRejectionsAsync()).Kind);
    }

    [Fact]
    public async Task ProcessAsync_Null_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => Pipeline.ProcessAsync(null!));
        Assert.Equal("message", ex.ParamName);
    }

    [Fact]
    public async Task RunAsync_CommitsCheckpointOnlyAfterTheWholeWindowIsStored()
    {
        var checkpoints = _services.GetRequiredService<ICheckpointStore>();
        var source = new ListSource("test:source",
            new InboundBatch { Messages = [Some.Message(externalId: "10"), Some.Message(externalId: "11")] },
            new InboundBatch { Messages = [Some.Message(externalId: "9")], Checkpoint = "11" });

        var run = await Pipeline.RunAsync(source);

        Assert.Equal(3, run.Read);
        Assert.Equal(3, run.Created);
        Assert.Equal("11", run.Checkpoint);
        Assert.Equal("11", await checkpoints.GetAsync("test:source"));
        Assert.Equal([null], source.CheckpointsSeen);

        await Pipeline.RunAsync(source);
        Assert.Equal([null, "11"], source.CheckpointsSeen);
    }

    [Fact]
    public async Task RunAsync_StoreThrowsMidWindow_CheckpointDoesNotAdvanceAndRerunLosesNothing()
    {
        var store = new FlakyStore(failOnCommitNumber: 2);
        using var services = TestServices.Create(b =>
        {
            b.Services.AddSingleton(store);
            b.UseStore<FlakyStore>();
        });
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var messages = new[] { Some.Message(externalId: "20"), Some.Message(externalId: "21"), Some.Message(externalId: "22") };
        var source = new ListSource("test:flaky", new InboundBatch { Messages = messages, Checkpoint = "22" });

        await Assert.ThrowsAsync<IOException>(() => pipeline.RunAsync(source));

        Assert.Null(await store.GetAsync("test:flaky"));
        Assert.Single(await store.ListAsync(new ComplaintQuery()));

        // The restart reads the same window again: the stored message is a duplicate, the rest are created.
        var rerun = await pipeline.RunAsync(source);
        Assert.Equal(1, rerun.Duplicates);
        Assert.Equal(2, rerun.Created);
        Assert.Equal("22", await store.GetAsync("test:flaky"));
        Assert.Equal(3, (await store.ListAsync(new ComplaintQuery())).Count);
        Assert.Equal(3, (await store.GetPendingAsync(10)).Count);
    }

    [Fact]
    public async Task RunAsync_CheckpointStoreThrows_ComplaintsStayAndRerunIsIdempotent()
    {
        var checkpoints = new Mock<ICheckpointStore>();
        checkpoints.Setup(c => c.GetAsync("test:cp", It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        checkpoints.SetupSequence(c => c.SetAsync("test:cp", "5", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException())
            .Returns(Task.CompletedTask);
        using var services = TestServices.Create(b => b.Services.Replace(ServiceDescriptor.Singleton(checkpoints.Object)));
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var source = new ListSource("test:cp", new InboundBatch { Messages = [Some.Message(externalId: "5")], Checkpoint = "5" });

        await Assert.ThrowsAsync<TimeoutException>(() => pipeline.RunAsync(source));
        var rerun = await pipeline.RunAsync(source);

        Assert.Equal(1, rerun.Duplicates);
        Assert.Single(await services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
        checkpoints.Verify(c => c.SetAsync("test:cp", "5", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task RunAsync_Null_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => Pipeline.RunAsync(null!));
        Assert.Equal("source", ex.ParamName);
    }

    private sealed class ListSource(string name, params InboundBatch[] batches) : IComplaintSource
    {
        public string Name { get; } = name;

        public List<string?> CheckpointsSeen { get; } = [];

        public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            CheckpointsSeen.Add(checkpoint);
            foreach (var batch in batches)
            {
                await Task.Yield();
                yield return batch;
            }
        }
    }

    /// <summary>An in-memory store whose n-th intake commit fails like a lost database connection.</summary>
    private sealed class FlakyStore(int failOnCommitNumber) : IComplaintStore, IOutboxStore, ICheckpointStore
    {
        private readonly InMemoryComplaintStore _inner = new(TimeProvider.System);
        private int _commits;

        public Task<IntakeCommitResult> CommitIntakeAsync(IntakeCommit commit, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _commits) == failOnCommitNumber
                ? throw new IOException("connection lost")
                : _inner.CommitIntakeAsync(commit, cancellationToken);

        public Task<ProcessedMessage?> FindProcessedAsync(string channel, string externalId, CancellationToken cancellationToken = default) => _inner.FindProcessedAsync(channel, externalId, cancellationToken);
        public Task<Complaint?> GetAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.GetAsync(id, cancellationToken);
        public Task<Complaint?> FindByCodeAsync(Grievance.Codes.ComplaintCode code, CancellationToken cancellationToken = default) => _inner.FindByCodeAsync(code, cancellationToken);
        public Task<Complaint?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default) => _inner.FindByConversationAsync(channel, conversationId, cancellationToken);
        public Task<IReadOnlyList<Complaint>> ListAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => _inner.ListAsync(query, cancellationToken);
        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => _inner.CountAsync(query, cancellationToken);
        public Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.GetAuditTrailAsync(id, cancellationToken);
        public Task<IReadOnlyList<Rejection>> ListRejectionsAsync(int skip = 0, int take = 100, CancellationToken cancellationToken = default) => _inner.ListRejectionsAsync(skip, take, cancellationToken);
        public Task<IReadOnlyList<OutboundMessage>> GetPendingAsync(int max, CancellationToken cancellationToken = default) => _inner.GetPendingAsync(max, cancellationToken);
        public Task<IReadOnlyList<OutboundMessage>> ClaimPendingAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default) => _inner.ClaimPendingAsync(max, lease, cancellationToken);
        public Task MarkSentAsync(Guid id, string sentExternalId, CancellationToken cancellationToken = default) => _inner.MarkSentAsync(id, sentExternalId, cancellationToken);
        public Task MarkFailedAsync(Guid id, string error, bool permanent, CancellationToken cancellationToken = default) => _inner.MarkFailedAsync(id, error, permanent, cancellationToken);
        public Task RetryLaterAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default) => _inner.RetryLaterAsync(id, error, notBefore, cancellationToken);
        public Task ReleaseAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) => _inner.ReleaseAsync(ids, cancellationToken);
        public Task<IReadOnlyList<OutboundMessage>> GetFailedAsync(int max, CancellationToken cancellationToken = default) => _inner.GetFailedAsync(max, cancellationToken);
        public Task<int> CountFailedAsync(CancellationToken cancellationToken = default) => _inner.CountFailedAsync(cancellationToken);
        public Task<IReadOnlyList<OutboundMessage>> ListForComplaintAsync(ComplaintId complaintId, CancellationToken cancellationToken = default) => _inner.ListForComplaintAsync(complaintId, cancellationToken);
        public Task<string?> GetAsync(string source, CancellationToken cancellationToken = default) => _inner.GetAsync(source, cancellationToken);
        public Task SetAsync(string source, string checkpoint, CancellationToken cancellationToken = default) => _inner.SetAsync(source, checkpoint, cancellationToken);
    }
}
