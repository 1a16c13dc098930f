using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Routing;
using Grievance.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Grievance.TestUtilities.Contracts;

/// <summary>
/// The lifecycle contract every store honours (DESIGN.md invariant 4, issue 9): a lifecycle step writes the complaint's
/// new state, its audit events and outbox messages in one transaction, only if the stored version is the expected one;
/// time-limit scans; erasure of personal data that keeps the non-personal facts.
/// </summary>
public abstract partial class ComplaintLifecycleStoreContractTests
{
    private int _next;

    /// <summary>Gets the clock the store uses.</summary>
    protected FakeTimeProvider Time { get; } = new(Some.Now);

    /// <summary>Creates an empty store on <see cref="Time"/>; its complaint store must implement <see cref="IComplaintLifecycleStore"/>.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private static IComplaintLifecycleStore Lifecycle(StoreUnderTest store) => (IComplaintLifecycleStore)store.Complaints;

    private async Task<Complaint> SeedAsync(StoreUnderTest store, string citizen = "1600000000000000042")
    {
        var n = Interlocked.Increment(ref _next);
        var now = Time.GetUtcNow();
        var complaint = new Complaint
        {
            Id = ComplaintId.New(Time),
            Code = Some.Code("LKO", sequence: 500 + n),
            Channel = Channels.X,
            SourceMessageId = "19400000000000" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            ConversationId = "19400000000000" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            AddressedAccount = "Uppolice",
            Complainant = new Complainant { PlatformId = citizen, Handle = "ravi_lko", DisplayName = "रवि कुमार" },
            Text = "@Uppolice मेरा फोन 9876543210 चोरी हो गया",
            Language = "hi",
            Attachments = [new Attachment { MediaKey = "3_1940", MediaType = "photo" }],
            Department = new DepartmentId("police"),
            District = new DistrictId("LKO"),
            Category = new CategoryId("theft"),
            Routing = new RoutingDecision { Department = new DepartmentId("police"), District = new DistrictId("LKO"), Category = new CategoryId("theft"), Confidence = 0.9, Reasons = ["'चोरी' → theft"] },
            Status = ComplaintStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
            DueAt = now.AddDays(21),
        };
        var result = await store.Complaints.CommitIntakeAsync(new IntakeCommit
        {
            Message = new ProcessedMessage { Channel = Channels.X, ExternalId = complaint.SourceMessageId, Outcome = MessageOutcome.Complaint, ComplaintId = complaint.Id, ProcessedAt = now },
            NewComplaint = complaint,
            AuditEvents = [Event(complaint, AuditActions.Created, AuditActors.System, null, ComplaintStatus.New)],
            Outbound = [Reply(complaint, "ack:" + complaint.Id)],
        });
        Assert.True(result.Committed);
        return complaint;
    }

    private AuditEvent Event(Complaint complaint, string action, string actor, ComplaintStatus? from, ComplaintStatus? to, string? reason = "because") => new()
    {
        Id = Guid.CreateVersion7(Time.GetUtcNow()),
        ComplaintId = complaint.Id,
        Action = action,
        Actor = actor,
        At = Time.GetUtcNow(),
        FromStatus = from,
        ToStatus = to,
        Reason = reason,
    };

    private OutboundMessage Reply(Complaint complaint, string key) => new()
    {
        Id = Guid.CreateVersion7(Time.GetUtcNow()),
        IdempotencyKey = key,
        ComplaintId = complaint.Id,
        Channel = Channels.X,
        Kind = OutboundMessageKind.Resolution,
        RecipientId = complaint.Complainant.PlatformId,
        InReplyToExternalId = complaint.SourceMessageId,
        Text = "Complaint " + complaint.Code + " resolved",
        CreatedAt = Time.GetUtcNow(),
    };

    [SkippableFact]
    public async Task CommitLifecycle_NewState_RoundTripsEveryLifecycleFieldWithAuditAndOutbox()
    {
        await using var store = await CreateStoreAsync();
        var complaint = await SeedAsync(store);
        Time.Advance(TimeSpan.FromHours(3));
        var now = Time.GetUtcNow();
        var next = complaint with
        {
            Department = new DepartmentId("power"),
            District = new DistrictId("GKP"),
            Category = new CategoryId("power-outage"),
            Status = ComplaintStatus.Resolved,
            UpdatedAt = now,
            DueAt = now.AddDays(3),
            Version = 1,
            AssignedUnit = "Hazratganj",
            AssignedOfficer = "SHO-17",
            TransferCount = 2,
            EscalationLevel = 1,
            SlaStartedAt = now.AddHours(-1),
            SlaNotices = SlaNotices.InterimReply | SlaNotices.ResolutionReminder,
            NextSlaCheckAt = now.AddDays(7),
            ResolvedAt = now,
            ClosedAt = now.AddMinutes(1),
            Satisfied = false,
            Rating = 4,
        };

        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit
        {
            Complaint = next,
            ExpectedVersion = 0,
            AuditEvents = [Event(complaint, AuditActions.Resolved, "SHO-17", ComplaintStatus.InProgress, ComplaintStatus.Resolved)],
            Outbound = [Reply(complaint, "resolution:" + complaint.Id)],
        });

        var read = await store.Complaints.GetAsync(complaint.Id);
        Assert.Equal(next with { Attachments = [], Routing = null }, read! with { Attachments = [], Routing = null });
        Assert.Equal(next.Id, (await store.Complaints.FindByCodeAsync(next.Code))!.Id);
        Assert.Equal(3, (await store.Complaints.ListAsync(new ComplaintQuery())).Single().TransferCount + 1);
        var trail = await store.Complaints.GetAuditTrailAsync(complaint.Id);
        Assert.Equal([AuditActions.Created, AuditActions.Resolved], trail.Select(e => e.Action));
        Assert.Equal(("SHO-17", ComplaintStatus.InProgress, ComplaintStatus.Resolved, "because"), (trail[1].Actor, trail[1].FromStatus, trail[1].ToStatus, trail[1].Reason));
        Assert.Equal(2, (await store.Outbox.ListForComplaintAsync(complaint.Id)).Count);
    }

    [SkippableFact]
    public async Task CommitLifecycle_StaleVersion_ThrowsConcurrencyAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        var complaint = await SeedAsync(store);
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit { Complaint = complaint with { Status = ComplaintStatus.Assigned, Version = 1 }, ExpectedVersion = 0 });

        var stale = new LifecycleCommit
        {
            Complaint = complaint with { Status = ComplaintStatus.Rejected, Version = 1 },
            ExpectedVersion = 0,
            AuditEvents = [Event(complaint, AuditActions.Rejected, "SHO-17", ComplaintStatus.New, ComplaintStatus.Rejected)],
            Outbound = [Reply(complaint, "rejection:" + complaint.Id)],
        };

        await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => Lifecycle(store).CommitLifecycleAsync(stale));
        var read = await store.Complaints.GetAsync(complaint.Id);
        Assert.Equal((ComplaintStatus.Assigned, 1), (read!.Status, read.Version));
        Assert.Single(await store.Complaints.GetAuditTrailAsync(complaint.Id));
        Assert.Single(await store.Outbox.ListForComplaintAsync(complaint.Id));
    }

    [SkippableFact]
    public async Task CommitLifecycle_ConcurrentStepsOnOneVersion_ExactlyOneWins()
    {
        await using var store = await CreateStoreAsync();
        var complaint = await SeedAsync(store);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit
                {
                    Complaint = complaint with { AssignedOfficer = "officer-" + i, Status = ComplaintStatus.Assigned, Version = 1 },
                    ExpectedVersion = 0,
                    AuditEvents = [Event(complaint, AuditActions.Assigned, "officer-" + i, ComplaintStatus.New, ComplaintStatus.Assigned)],
                });
                return true;
            }
            catch (ComplaintConcurrencyException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(a => a));
        Assert.Equal(2, (await store.Complaints.GetAuditTrailAsync(complaint.Id)).Count);
    }

    [SkippableFact]
    public async Task CommitLifecycle_DuplicateIdempotencyKey_FailsWholeAndKeepsTheVersion()
    {
        await using var store = await CreateStoreAsync();
        var complaint = await SeedAsync(store);

        await Assert.ThrowsAnyAsync<Exception>(() => Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit
        {
            Complaint = complaint with { Status = ComplaintStatus.Resolved, Version = 1 },
            ExpectedVersion = 0,
            AuditEvents = [Event(complaint, AuditActions.Resolved, "SHO-17", ComplaintStatus.New, ComplaintStatus.Resolved)],
            Outbound = [Reply(complaint, "ack:" + complaint.Id)],
        }));

        var read = await store.Complaints.GetAsync(complaint.Id);
        Assert.Equal((ComplaintStatus.New, 0), (read!.Status, read.Version));
        Assert.Single(await store.Complaints.GetAuditTrailAsync(complaint.Id));
    }

    [SkippableFact]
    public async Task ListSlaDue_UncheckedOrDueOpenAndResolved_NotLaterNorClosed()
    {
        await using var store = await CreateStoreAsync();
        var unchecked_ = await SeedAsync(store);
        var due = await SeedAsync(store);
        var later = await SeedAsync(store);
        var closed = await SeedAsync(store);
        var resolved = await SeedAsync(store);
        var now = Time.GetUtcNow();
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit { Complaint = due with { NextSlaCheckAt = now.AddMinutes(-1), Version = 1 }, ExpectedVersion = 0 });
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit { Complaint = later with { NextSlaCheckAt = now.AddMinutes(1), Version = 1 }, ExpectedVersion = 0 });
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit { Complaint = closed with { Status = ComplaintStatus.Closed, ClosedAt = now, NextSlaCheckAt = now.AddDays(-1), Version = 1 }, ExpectedVersion = 0 });
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit { Complaint = resolved with { Status = ComplaintStatus.Resolved, NextSlaCheckAt = now, Version = 1 }, ExpectedVersion = 0 });

        var list = await Lifecycle(store).ListSlaDueAsync(now, 10);

        Assert.Equal([unchecked_.Id, due.Id, resolved.Id], list.Select(c => c.Id));
        Assert.Single(await Lifecycle(store).ListSlaDueAsync(now, 1));
    }

    [SkippableFact]
    public async Task ListByComplainantAndForRetention_FindTheirComplaints()
    {
        await using var store = await CreateStoreAsync();
        var mine = await SeedAsync(store, citizen: "111");
        var other = await SeedAsync(store, citizen: "222");
        var mine2 = await SeedAsync(store, citizen: "111");
        var now = Time.GetUtcNow();
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit { Complaint = mine with { Status = ComplaintStatus.Closed, ClosedAt = now.AddDays(-400), Version = 1 }, ExpectedVersion = 0 });
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit { Complaint = other with { Status = ComplaintStatus.Rejected, ClosedAt = now.AddDays(-10), Version = 1 }, ExpectedVersion = 0 });

        Assert.Equal([mine.Id, mine2.Id], (await Lifecycle(store).ListByComplainantAsync(Channels.X, "111")).Select(c => c.Id));
        Assert.Equal([mine.Id], (await Lifecycle(store).ListForRetentionAsync(now.AddDays(-365), 10)).Select(c => c.Id));
        Assert.Equal(2, (await Lifecycle(store).ListForRetentionAsync(now, 10)).Count);
    }

    [SkippableFact]
    public async Task Erase_RemovesPersonalDataKeepsNonPersonalFactsAndStopsPendingReplies()
    {
        await using var store = await CreateStoreAsync();
        var complaint = await SeedAsync(store);
        var citizen = complaint.Complainant.PlatformId;
        await store.Complaints.CommitIntakeAsync(new IntakeCommit
        {
            Message = new ProcessedMessage { Channel = Channels.X, ExternalId = "19499999", Outcome = MessageOutcome.FollowUp, ComplaintId = complaint.Id, ProcessedAt = Time.GetUtcNow() },
            AuditEvents = [Event(complaint, AuditActions.FollowUp, citizen, null, null, "my address is 12 Hazratganj")],
        });
        var claimed = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromMinutes(1));
        await store.Outbox.MarkSentAsync(claimed.Single().Id, "1950000000000000001");
        await Lifecycle(store).CommitLifecycleAsync(new LifecycleCommit
        {
            Complaint = complaint with { Status = ComplaintStatus.Assigned, AssignedOfficer = "SHO-17", Version = 1 },
            ExpectedVersion = 0,
            AuditEvents = [Event(complaint, AuditActions.Assigned, "SHO-17", ComplaintStatus.New, ComplaintStatus.Assigned, "officer SHO-17")],
            Outbound = [Reply(complaint, "pending:" + complaint.Id)],
        });
        Time.Advance(TimeSpan.FromDays(1));
        var now = Time.GetUtcNow();
        var current = (await store.Complaints.GetAsync(complaint.Id))!;

        await Lifecycle(store).EraseAsync(current with { ErasedAt = now, UpdatedAt = now, Version = 2 }, 1,
            Event(complaint, AuditActions.Erased, "DPO-1", ComplaintStatus.Assigned, ComplaintStatus.Assigned, "request R-9"));

        var read = (await store.Complaints.GetAsync(complaint.Id))!;
        Assert.Equal((now, 2), (read.ErasedAt, read.Version));
        Assert.NotEqual(citizen, read.Complainant.PlatformId);
        Assert.Null(read.Complainant.Handle);
        Assert.Null(read.Complainant.DisplayName);
        Assert.DoesNotContain("9876543210", read.Text, StringComparison.Ordinal);
        Assert.Empty(read.Attachments);
        Assert.Null(read.Routing);
        Assert.Null(await store.Complaints.FindByConversationAsync(Channels.X, complaint.ConversationId!));
        Assert.Equal((complaint.Code, "police", "LKO", ComplaintStatus.Assigned, "SHO-17"), (read.Code, read.Department.Value, read.District!.Value.Value, read.Status, read.AssignedOfficer));

        var trail = await store.Complaints.GetAuditTrailAsync(complaint.Id);
        Assert.Equal([AuditActions.Created, AuditActions.FollowUp, AuditActions.Assigned, AuditActions.Erased], trail.Select(e => e.Action));
        Assert.DoesNotContain(trail, e => e.Actor == citizen || (e.Reason ?? string.Empty).Contains("Hazratganj", StringComparison.Ordinal));
        Assert.Equal("officer SHO-17", trail[2].Reason);
        var outbox = await store.Outbox.ListForComplaintAsync(complaint.Id);
        Assert.All(outbox, m => Assert.NotEqual(citizen, m.RecipientId));
        Assert.Equal([OutboundMessageStatus.Sent, OutboundMessageStatus.Failed], outbox.Select(m => m.Status));
        Assert.Empty(await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromMinutes(1)));
        Assert.Empty(await Lifecycle(store).ListByComplainantAsync(Channels.X, citizen));
        await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => Lifecycle(store).EraseAsync(read with { Version = 3 }, 1,
            Event(complaint, AuditActions.Erased, "DPO-1", null, null)));
    }
}
