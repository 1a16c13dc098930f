using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.Storage.Internal;
using Grievance.TestUtilities;

namespace Grievance.Core.Tests.Storage;

public class InMemoryComplaintStoreTests
{
    private readonly InMemoryComplaintStore _store = new();

    private static Complaint NewComplaint(string code, string sourceId = "1") => new()
    {
        Id = new ComplaintId(Guid.NewGuid()),
        Code = new ComplaintCode(code),
        Channel = "x",
        SourceMessageId = sourceId,
        ConversationId = sourceId,
        Complainant = new Complainant { PlatformId = "7" },
        Text = "text",
        Department = new DepartmentId("police"),
        Category = CategoryId.Other,
        Status = ComplaintStatus.New,
        CreatedAt = Some.Now,
        UpdatedAt = Some.Now,
    };

    private static OutboundMessage Ack(Complaint complaint, string key) => new()
    {
        Id = Guid.NewGuid(),
        IdempotencyKey = key,
        ComplaintId = complaint.Id,
        Channel = "x",
        Kind = OutboundMessageKind.Acknowledgement,
        RecipientId = "7",
        Text = "ack " + complaint.Code,
        CreatedAt = Some.Now,
    };

    private static ProcessedMessage Processed(string id, Complaint complaint) => new()
    {
        Channel = "x",
        ExternalId = id,
        Outcome = MessageOutcome.Complaint,
        ComplaintId = complaint.Id,
        ProcessedAt = Some.Now,
    };

    [Fact]
    public async Task CommitIntakeAsync_ViolatedConstraint_WritesNothing()
    {
        var first = NewComplaint("LKO-2611-0001", "1");
        await _store.CommitIntakeAsync(new IntakeCommit { Message = Processed("1", first), NewComplaint = first, Outbound = [Ack(first, "k1")] });
        var second = NewComplaint("LKO-2611-0002", "2");

        // Same idempotency key as the first: the whole commit must be refused, the message record included.
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.CommitIntakeAsync(
            new IntakeCommit { Message = Processed("2", second), NewComplaint = second, Outbound = [Ack(second, "k1")] }));

        Assert.Null(await _store.FindProcessedAsync("x", "2"));
        Assert.Null(await _store.GetAsync(second.Id));
        Assert.Single(await _store.GetPendingAsync(10));
    }

    [Fact]
    public async Task CommitIntakeAsync_DuplicateCode_IsRefused()
    {
        var first = NewComplaint("LKO-2611-0001", "1");
        await _store.CommitIntakeAsync(new IntakeCommit { Message = Processed("1", first), NewComplaint = first });
        var second = NewComplaint("lko-2611-0001", "2");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.CommitIntakeAsync(new IntakeCommit { Message = Processed("2", second), NewComplaint = second }));
        Assert.Contains("LKO-2611-0001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitIntakeAsync_MessageAlreadyHandled_ReturnsExistingRecord()
    {
        var first = NewComplaint("LKO-2611-0001", "1");
        await _store.CommitIntakeAsync(new IntakeCommit { Message = Processed("1", first), NewComplaint = first });
        var again = NewComplaint("LKO-2611-0002", "1");

        var result = await _store.CommitIntakeAsync(new IntakeCommit { Message = Processed("1", again), NewComplaint = again });

        Assert.False(result.Committed);
        Assert.Equal(first.Id, result.Existing?.ComplaintId);
        Assert.Null(await _store.GetAsync(again.Id));
    }

    [Fact]
    public async Task Outbox_SentAndFailedMessages_LeaveThePendingQueueButStayVisible()
    {
        var complaint = NewComplaint("LKO-2611-0001");
        var a = Ack(complaint, "a");
        var b = Ack(complaint, "b");
        var c = Ack(complaint, "c");
        await _store.CommitIntakeAsync(new IntakeCommit { Message = Processed("1", complaint), NewComplaint = complaint, Outbound = [a, b, c] });

        await _store.MarkSentAsync(a.Id, "tweet-1");
        await _store.MarkFailedAsync(b.Id, "HTTP 503", permanent: false);
        await _store.MarkFailedAsync(c.Id, "HTTP 403 forbidden", permanent: true);

        var pending = await _store.GetPendingAsync(10);
        Assert.Equal([b.Id], pending.Select(m => m.Id));
        Assert.Equal(1, pending[0].Attempts);
        var all = await _store.ListForComplaintAsync(complaint.Id);
        Assert.Equal([OutboundMessageStatus.Sent, OutboundMessageStatus.Pending, OutboundMessageStatus.Failed], all.Select(m => m.Status));
        Assert.Equal("tweet-1", all[0].SentExternalId);
        Assert.Equal("HTTP 403 forbidden", all[2].LastError);
    }

    [Fact]
    public async Task MarkSentAsync_UnknownId_Throws()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.MarkSentAsync(Guid.NewGuid(), "1"));
    }

    [Fact]
    public async Task ListAsync_FiltersByDepartmentDistrictAndStatusAndPages()
    {
        for (var i = 1; i <= 5; i++)
        {
            var complaint = NewComplaint($"LKO-2611-000{i}", i.ToString()) with
            {
                District = new DistrictId(i % 2 == 0 ? "LKO" : "AGR"),
                Department = new DepartmentId(i == 5 ? "power" : "police"),
            };
            await _store.CommitIntakeAsync(new IntakeCommit { Message = Processed(i.ToString(), complaint), NewComplaint = complaint });
        }

        var police = await _store.ListAsync(new ComplaintQuery { Department = new DepartmentId("police") });
        var agra = await _store.ListAsync(new ComplaintQuery { Districts = [new DistrictId("AGR")] });
        var page = await _store.ListAsync(new ComplaintQuery { Skip = 1, Take = 2 });
        var resolved = await _store.ListAsync(new ComplaintQuery { Statuses = [ComplaintStatus.Resolved] });

        Assert.Equal(4, police.Count);
        Assert.Equal(3, agra.Count);
        Assert.Equal(["LKO-2611-0002", "LKO-2611-0003"], page.Select(c => c.Code.Value));
        Assert.Empty(resolved);
    }

    [Fact]
    public async Task Checkpoints_RoundTripPerSource()
    {
        await _store.SetAsync("a", "100");
        await _store.SetAsync("a", "150");
        await _store.SetAsync("b", "7");

        Assert.Equal("150", await _store.GetAsync("a"));
        Assert.Equal("7", await _store.GetAsync("b"));
        Assert.Null(await _store.GetAsync("c"));
    }
}
