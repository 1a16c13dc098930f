using Grievance.Notifications;
using Xunit;

namespace Grievance.TestUtilities.Contracts;

/// <summary>The outbox's priority order, retry backoff, released claims and visible failures.</summary>
public abstract partial class ComplaintStoreContractTests
{
    [SkippableFact]
    public async Task Outbox_Claim_TakesHighestPriorityFirstThenOldest()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint();
        OutboundMessage Queued(string key, OutboundMessagePriority priority, int tick) =>
            Ack(complaint, key) with { Id = Guid.CreateVersion7(Time.GetUtcNow().AddTicks(tick)), Priority = priority };
        var notice = Queued("notice", OutboundMessagePriority.Notice, 0);
        var reply = Queued("reply", OutboundMessagePriority.Reply, 1);
        var ack1 = Queued("ack1", OutboundMessagePriority.Acknowledgement, 2);
        var urgent = Queued("urgent", OutboundMessagePriority.Urgent, 3);
        var ack2 = Queued("ack2", OutboundMessagePriority.Acknowledgement, 4);
        await store.Complaints.CommitIntakeAsync(Commit(complaint) with { Outbound = [notice, reply, ack1, urgent, ack2] });

        var first = await store.Outbox.ClaimPendingAsync(3, TimeSpan.FromMinutes(1));
        var rest = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromMinutes(1));

        Assert.Equal([urgent.Id, ack1.Id, ack2.Id], first.Select(m => m.Id));
        Assert.Equal([reply.Id, notice.Id], rest.Select(m => m.Id));
        Assert.Equal(OutboundMessagePriority.Urgent, first[0].Priority);
        Assert.Equal([notice.Id, reply.Id, ack1.Id, urgent.Id, ack2.Id], (await store.Outbox.ListForComplaintAsync(complaint.Id)).Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Outbox_RetryLater_IsNotClaimedBeforeItsNextAttemptTime()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(complaint));
        var message = Assert.Single(await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(10)));
        var notBefore = Time.GetUtcNow().AddMinutes(2);

        await store.Outbox.RetryLaterAsync(message.Id, "HTTP 503", notBefore);
        Time.Advance(TimeSpan.FromSeconds(119)); // past the old lease, short of the backoff
        var early = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(10));
        Time.Advance(TimeSpan.FromSeconds(1));
        var due = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(10));

        Assert.Empty(early);
        var retried = Assert.Single(due);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("HTTP 503", retried.LastError);
        Assert.Equal(notBefore, retried.NextAttemptAt);
        Assert.Equal(OutboundMessageStatus.Pending, retried.Status);
        await store.Outbox.MarkSentAsync(retried.Id, "1931000000000000009");
        var sent = Assert.Single(await store.Outbox.ListForComplaintAsync(complaint.Id));
        Assert.Null(sent.NextAttemptAt);
        Assert.Equal(2, sent.Attempts);
    }

    [SkippableFact]
    public async Task Outbox_LateFailureFromAnExpiredClaim_NeverUndoesASettledMessage()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(complaint));
        var stale = Assert.Single(await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(10)));

        // The first claimer stalls past its lease; a second claims the message and sends it.
        Time.Advance(TimeSpan.FromSeconds(11));
        var second = Assert.Single(await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(10)));
        await store.Outbox.MarkSentAsync(second.Id, "1931000000000000042");

        // The first claimer then reports its failure: the reply must not become pending (and be sent twice) or failed.
        await store.Outbox.RetryLaterAsync(stale.Id, "timeout", Time.GetUtcNow().AddSeconds(30));
        await store.Outbox.MarkFailedAsync(stale.Id, "timeout", permanent: false);
        await store.Outbox.MarkFailedAsync(stale.Id, "timeout", permanent: true);

        var message = Assert.Single(await store.Outbox.ListForComplaintAsync(complaint.Id));
        Assert.Equal(OutboundMessageStatus.Sent, message.Status);
        Assert.Equal("1931000000000000042", message.SentExternalId);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(10)));
    }

    [SkippableFact]
    public async Task Outbox_Release_MakesClaimedMessagesClaimableAtOnceWithoutCountingAnAttempt()
    {
        await using var store = await CreateStoreAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.Complaints.CommitIntakeAsync(Commit(NewComplaint()));
        }

        var claimed = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromMinutes(5));
        await store.Outbox.ReleaseAsync([claimed[1].Id, claimed[2].Id]);
        await store.Outbox.ReleaseAsync([]);
        var again = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromMinutes(5));

        Assert.Equal(3, claimed.Count);
        Assert.Equal([claimed[1].Id, claimed[2].Id], again.Select(m => m.Id));
        Assert.All(again, m => Assert.Equal(0, m.Attempts));
        await Assert.ThrowsAsync<ArgumentNullException>("ids", () => store.Outbox.ReleaseAsync(null!));
    }

    [SkippableFact]
    public async Task Outbox_PermanentFailures_AreListedNewestFirstAndCounted()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint();
        var a = Ack(complaint, "a");
        var b = Ack(complaint, "b") with { Id = Guid.CreateVersion7(Time.GetUtcNow().AddTicks(1)) };
        var c = Ack(complaint, "c") with { Id = Guid.CreateVersion7(Time.GetUtcNow().AddTicks(2)) };
        await store.Complaints.CommitIntakeAsync(Commit(complaint) with { Outbound = [a, b, c] });

        Assert.Equal(0, await store.Outbox.CountFailedAsync());
        Assert.Empty(await store.Outbox.GetFailedAsync(10));
        await store.Outbox.MarkFailedAsync(a.Id, "The citizen does not accept direct messages.", permanent: true);
        await store.Outbox.RetryLaterAsync(b.Id, "HTTP 503", Time.GetUtcNow().AddMinutes(1));
        await store.Outbox.MarkFailedAsync(c.Id, "possibly sent", permanent: true);

        Assert.Equal(2, await store.Outbox.CountFailedAsync());
        var failed = await store.Outbox.GetFailedAsync(10);
        Assert.Equal([c.Id, a.Id], failed.Select(m => m.Id));
        Assert.Equal(["possibly sent", "The citizen does not accept direct messages."], failed.Select(m => m.LastError));
        Assert.Equal([c.Id], (await store.Outbox.GetFailedAsync(1)).Select(m => m.Id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("max", () => store.Outbox.GetFailedAsync(0));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Outbox.RetryLaterAsync(Guid.NewGuid(), "e", Time.GetUtcNow()));
    }
}
