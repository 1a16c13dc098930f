using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Routing;
using Grievance.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Grievance.TestUtilities.Contracts;

/// <summary>A store under test: the three storage interfaces, usually one object.</summary>
public sealed record StoreUnderTest(IComplaintStore Complaints, IOutboxStore Outbox, ICheckpointStore Checkpoints) : IAsyncDisposable
{
    /// <summary>Gets what to run when the test ends.</summary>
    public Func<ValueTask>? OnDispose { get; init; }

    /// <summary>
    /// Gets a reader of every stored column of every rejection as text, one string per row (raw rows of a database
    /// store), so tests can prove erased data is gone from storage and not only from what the API returns.
    /// </summary>
    public Func<Task<IReadOnlyList<string>>>? RawRejectionRows { get; init; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => OnDispose?.Invoke() ?? ValueTask.CompletedTask;
}

/// <summary>
/// The storage contract every store honours (DESIGN.md invariants 1, 2, 3 and 5): atomic intake commits, one record per
/// source message however often and however concurrently it is delivered, unique codes, outbox claims with leases.
/// Derive once per store and create an empty store in <see cref="CreateStoreAsync"/>. A store that needs a server the
/// machine may lack skips its tests by calling <c>Skip.If</c> (Xunit.SkippableFact) there.
/// </summary>
public abstract partial class ComplaintStoreContractTests
{
    private int _next;

    /// <summary>Gets the clock the store must use for leases.</summary>
    protected FakeTimeProvider Time { get; } = new(Some.Now);

    /// <summary>Creates an empty store on <see cref="Time"/>.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private Complaint NewComplaint(string? conversation = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new Complaint
        {
            Id = ComplaintId.New(Time),
            Code = Some.Code("LKO", sequence: n),
            Channel = Channels.X,
            SourceMessageId = "19300000000000" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            ConversationId = conversation,
            AddressedAccount = "Uppolice",
            Complainant = new Complainant { PlatformId = "1600000000000000042", Handle = "ravi_lko", DisplayName = "रवि कुमार" },
            Text = "@Uppolice लखनऊ में मेरी बाइक चोरी हो गई 🏍️ & FIR नहीं लिखी",
            Language = "hi",
            Attachments = [new Attachment { MediaKey = "3_1930", Url = new Uri("https://pbs.twimg.com/media/x.jpg"), MediaType = "photo" }],
            Department = new DepartmentId("police"),
            District = new DistrictId("LKO"),
            Category = new CategoryId("theft"),
            Routing = new RoutingDecision
            {
                Department = new DepartmentId("police"),
                District = new DistrictId("LKO"),
                Unit = "Hazratganj",
                Category = new CategoryId("theft"),
                Confidence = 0.9,
                Reasons = ["'चोरी' → theft → police", "'लखनऊ' → LKO"],
            },
            Status = ComplaintStatus.New,
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
            DueAt = Time.GetUtcNow().AddDays(21),
        };
    }

    private OutboundMessage Ack(Complaint complaint, string? key = null) => new()
    {
        Id = Guid.CreateVersion7(Time.GetUtcNow()),
        IdempotencyKey = key ?? "ack:" + complaint.Id,
        ComplaintId = complaint.Id,
        Channel = Channels.X,
        Kind = OutboundMessageKind.Acknowledgement,
        RecipientId = complaint.Complainant.PlatformId,
        InReplyToExternalId = complaint.SourceMessageId,
        FromAccount = "Uppolice",
        Text = "शिकायत " + complaint.Code + " दर्ज",
        CreatedAt = Time.GetUtcNow(),
    };

    private AuditEvent Created(Complaint complaint) => new()
    {
        Id = Guid.CreateVersion7(Time.GetUtcNow()),
        ComplaintId = complaint.Id,
        Action = AuditActions.Created,
        Actor = AuditActors.System,
        At = Time.GetUtcNow(),
        ToStatus = ComplaintStatus.New,
        Reason = "routed",
        SourceMessageId = complaint.SourceMessageId,
    };

    private ProcessedMessage Processed(Complaint complaint, string? externalId = null) => new()
    {
        Channel = complaint.Channel,
        ExternalId = externalId ?? complaint.SourceMessageId,
        Outcome = MessageOutcome.Complaint,
        ComplaintId = complaint.Id,
        ProcessedAt = Time.GetUtcNow(),
    };

    private IntakeCommit Commit(Complaint complaint) => new()
    {
        Message = Processed(complaint),
        NewComplaint = complaint,
        AuditEvents = [Created(complaint)],
        Outbound = [Ack(complaint)],
    };

    [SkippableFact]
    public async Task CommitIntake_NewComplaint_RoundTripsEveryField()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint(conversation: "1930000000000009999");

        var result = await store.Complaints.CommitIntakeAsync(Commit(complaint));

        Assert.True(result.Committed);
        var read = await store.Complaints.GetAsync(complaint.Id);
        Assert.NotNull(read);
        Assert.Equal(complaint with { Attachments = [], Routing = null }, read with { Attachments = [], Routing = null });
        Assert.Equal(complaint.Attachments, read.Attachments);
        Assert.Equal(complaint.Routing!.Reasons, read.Routing!.Reasons);
        Assert.Equal(complaint.Routing with { Reasons = [] }, read.Routing with { Reasons = [] });
        Assert.Equal(complaint.Id, (await store.Complaints.FindByCodeAsync(complaint.Code))?.Id);
        Assert.Equal(complaint.Id, (await store.Complaints.FindByConversationAsync(Channels.X, "1930000000000009999"))?.Id);
        Assert.Equal(MessageOutcome.Complaint, (await store.Complaints.FindProcessedAsync(Channels.X, complaint.SourceMessageId))?.Outcome);
        Assert.Equal(Created(complaint) with { Id = Guid.Empty }, Assert.Single(await store.Complaints.GetAuditTrailAsync(complaint.Id)) with { Id = Guid.Empty });
        var outbound = Assert.Single(await store.Outbox.ListForComplaintAsync(complaint.Id));
        Assert.Equal(Ack(complaint) with { Id = outbound.Id }, outbound);
    }

    [SkippableFact]
    public async Task CommitIntake_MessageAlreadyHandled_WritesNothingAndReturnsTheEarlierRecord()
    {
        await using var store = await CreateStoreAsync();
        var first = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(first));
        var second = NewComplaint();

        var result = await store.Complaints.CommitIntakeAsync(Commit(second) with { Message = Processed(second, first.SourceMessageId) });

        Assert.False(result.Committed);
        Assert.Equal(first.Id, result.Existing?.ComplaintId);
        Assert.Null(await store.Complaints.GetAsync(second.Id));
        Assert.Single(await store.Outbox.GetPendingAsync(10));
    }

    [SkippableFact]
    public async Task CommitIntake_ConcurrentDeliveriesOfOneMessage_ExactlyOneCommits()
    {
        await using var store = await CreateStoreAsync();
        var template = NewComplaint();
        var attempts = Enumerable.Range(0, 12).Select(i =>
        {
            var complaint = NewComplaint() with { SourceMessageId = template.SourceMessageId };
            return Task.Run(() => store.Complaints.CommitIntakeAsync(Commit(complaint)));
        }).ToList();

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Committed);
        Assert.All(results.Where(r => !r.Committed), r => Assert.NotNull(r.Existing));
        Assert.Single(await store.Complaints.ListAsync(new ComplaintQuery()));
        Assert.Single(await store.Outbox.GetPendingAsync(100));
    }

    [SkippableFact]
    public async Task CommitIntake_DuplicateIdempotencyKey_FailsWholeAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        var first = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(first));
        var second = NewComplaint();

        await Assert.ThrowsAnyAsync<Exception>(() => store.Complaints.CommitIntakeAsync(Commit(second) with { Outbound = [Ack(second, key: "ack:" + first.Id)] }));

        Assert.Null(await store.Complaints.FindProcessedAsync(Channels.X, second.SourceMessageId));
        Assert.Null(await store.Complaints.GetAsync(second.Id));
        Assert.Empty(await store.Complaints.GetAuditTrailAsync(second.Id));
        Assert.Single(await store.Outbox.GetPendingAsync(10));
    }

    [SkippableFact]
    public async Task CommitIntake_DuplicateCode_FailsWholeAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        var first = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(first));
        var second = NewComplaint() with { Code = first.Code };

        await Assert.ThrowsAnyAsync<Exception>(() => store.Complaints.CommitIntakeAsync(Commit(second)));

        Assert.Null(await store.Complaints.GetAsync(second.Id));
        Assert.Null(await store.Complaints.FindProcessedAsync(Channels.X, second.SourceMessageId));
    }

    [SkippableFact]
    public async Task CommitIntake_FollowUpOnExistingComplaint_AppendsAuditInOrder()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint();
        await store.Complaints.CommitIntakeAsync(Commit(complaint));
        Time.Advance(TimeSpan.FromMinutes(5));
        var followUp = new AuditEvent
        {
            Id = Guid.CreateVersion7(Time.GetUtcNow()),
            ComplaintId = complaint.Id,
            Action = AuditActions.FollowUp,
            Actor = "1600000000000000042",
            At = Time.GetUtcNow(),
            Reason = "still waiting",
            SourceMessageId = "1930000000000077777",
        };

        await store.Complaints.CommitIntakeAsync(new IntakeCommit
        {
            Message = new ProcessedMessage { Channel = Channels.X, ExternalId = "1930000000000077777", Outcome = MessageOutcome.FollowUp, ComplaintId = complaint.Id, ProcessedAt = Time.GetUtcNow() },
            AuditEvents = [followUp],
        });

        var trail = await store.Complaints.GetAuditTrailAsync(complaint.Id);
        Assert.Equal([AuditActions.Created, AuditActions.FollowUp], trail.Select(a => a.Action));
        Assert.Equal(followUp, trail[1]);
    }

    [SkippableFact]
    public async Task CommitIntake_AuditForUnknownComplaint_Fails()
    {
        await using var store = await CreateStoreAsync();
        var orphan = Created(NewComplaint());

        await Assert.ThrowsAnyAsync<Exception>(() => store.Complaints.CommitIntakeAsync(new IntakeCommit { AuditEvents = [orphan] }));
    }

    [SkippableFact]
    public async Task CommitIntake_Rejections_AreKeptWithReasonsAndMessage()
    {
        await using var store = await CreateStoreAsync();
        var message = Some.Message("   ", externalId: "1930000000000055555");
        var keyed = new Rejection
        {
            Id = Guid.CreateVersion7(Time.GetUtcNow()),
            Kind = RejectionKind.Invalid,
            Channel = Channels.X,
            ExternalId = message.ExternalId,
            Reasons = ["The message text is only white space.", "second reason"],
            RejectedAt = Time.GetUtcNow(),
            Message = message,
        };
        var unkeyed = keyed with { Id = Guid.CreateVersion7(Time.GetUtcNow().AddTicks(1)), Channel = null, ExternalId = null, Message = message with { ExternalId = null! } };

        await store.Complaints.CommitIntakeAsync(new IntakeCommit
        {
            Message = new ProcessedMessage { Channel = Channels.X, ExternalId = message.ExternalId, Outcome = MessageOutcome.Rejected, RejectionId = keyed.Id, ProcessedAt = Time.GetUtcNow() },
            Rejection = keyed,
        });
        await store.Complaints.CommitIntakeAsync(new IntakeCommit { Rejection = unkeyed });

        var rejections = await store.Complaints.ListRejectionsAsync();
        Assert.Equal(2, rejections.Count);
        Assert.Equal(keyed.Reasons, rejections[0].Reasons);
        Assert.Equal(keyed with { Reasons = [], Message = null }, rejections[0] with { Reasons = [], Message = null });
        Assert.Equal(message.Text, rejections[0].Message?.Text);
        Assert.Equal(message.ExternalId, rejections[0].Message?.ExternalId);
        Assert.Null(rejections[1].ExternalId);
        Assert.Equal(keyed.Id, (await store.Complaints.FindProcessedAsync(Channels.X, message.ExternalId))?.RejectionId);
        Assert.Single(await store.Complaints.ListRejectionsAsync(skip: 1));
    }

    [SkippableFact]
    public async Task List_FiltersAndPagesOldestFirst()
    {
        await using var store = await CreateStoreAsync();
        var codes = new List<ComplaintCode>();
        for (var i = 0; i < 5; i++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            var complaint = NewComplaint() with
            {
                District = new DistrictId(i % 2 == 0 ? "AGR" : "LKO"),
                Department = new DepartmentId(i == 4 ? "power" : "police"),
                Status = i == 3 ? ComplaintStatus.Resolved : ComplaintStatus.New,
            };
            codes.Add(complaint.Code);
            await store.Complaints.CommitIntakeAsync(Commit(complaint));
        }

        Assert.Equal(4, (await store.Complaints.ListAsync(new ComplaintQuery { Department = new DepartmentId("police") })).Count);
        Assert.Equal(3, (await store.Complaints.ListAsync(new ComplaintQuery { Districts = [new DistrictId("AGR")] })).Count);
        Assert.Equal(codes[3], Assert.Single(await store.Complaints.ListAsync(new ComplaintQuery { Statuses = [ComplaintStatus.Resolved] })).Code);
        Assert.Equal(codes.Skip(1).Take(2), (await store.Complaints.ListAsync(new ComplaintQuery { Skip = 1, Take = 2 })).Select(c => c.Code));
    }

    [SkippableFact]
    public async Task List_EveryFilterKeysetPagingAndCounts()
    {
        await using var store = await CreateStoreAsync();
        var all = new List<Complaint>();
        for (var i = 0; i < 9; i++)
        {
            Time.Advance(TimeSpan.FromHours(1));
            var complaint = NewComplaint() with
            {
                District = i % 3 == 0 ? null : new DistrictId(i % 3 == 1 ? "AGR" : "LKO"),
                Category = new CategoryId(i % 2 == 0 ? "theft" : "noise"),
                Status = i == 4 ? ComplaintStatus.Resolved : ComplaintStatus.New,
                DueAt = Time.GetUtcNow().AddHours(i < 5 ? 2 : 48),
            };
            all.Add(complaint);
            await store.Complaints.CommitIntakeAsync(Commit(complaint));
        }

        async Task<List<string>> Codes(ComplaintQuery query) => [.. (await store.Complaints.ListAsync(query)).Select(c => c.Code.Value)];
        List<string> Expected(Func<Complaint, bool> predicate) => [.. all.Where(predicate).Select(c => c.Code.Value)];

        Assert.Equal(Expected(c => c.Category.Value == "noise"), await Codes(new ComplaintQuery { Categories = [new CategoryId("noise")] }));
        Assert.Equal(Expected(c => c.CreatedAt >= all[2].CreatedAt && c.CreatedAt < all[5].CreatedAt),
            await Codes(new ComplaintQuery { CreatedFrom = all[2].CreatedAt, CreatedBefore = all[5].CreatedAt }));
        var now = Time.GetUtcNow();
        Assert.Equal(Expected(c => c.DueAt < now && c.Status != ComplaintStatus.Resolved), await Codes(new ComplaintQuery { OverdueAt = now }));
        Assert.Equal([all[6].Code.Value], await Codes(new ComplaintQuery { Code = all[6].Code }));
        Assert.Equal([all[7].Code.Value], await Codes(new ComplaintQuery { Channel = Channels.X, SourceMessageId = all[7].SourceMessageId }));

        var walked = new List<string>();
        ComplaintCursor? cursor = null;
        do
        {
            var page = await store.Complaints.ListAsync(new ComplaintQuery { After = cursor, Take = 4 });
            walked.AddRange(page.Select(c => c.Code.Value));
            cursor = page.Count == 4 ? ComplaintCursor.Of(page[^1]) : null;
        }
        while (cursor is not null);
        Assert.Equal(Expected(_ => true), walked);

        var counts = await store.Complaints.CountAsync(new ComplaintQuery { Categories = [new CategoryId("theft")] });
        var expectedCounts = all.Where(c => c.Category.Value == "theft").GroupBy(c => (c.District, c.Status))
            .Select(g => new ComplaintCount(g.Key.District, g.Key.Status, g.Count()));
        Assert.Equal(expectedCounts.OrderBy(c => c.District?.Value).ThenBy(c => c.Status), counts.OrderBy(c => c.District?.Value).ThenBy(c => c.Status));
    }

    [SkippableFact]
    public async Task Outbox_ClaimHoldsForTheLeaseAndLapsesIfTheClaimerDies()
    {
        await using var store = await CreateStoreAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.Complaints.CommitIntakeAsync(Commit(NewComplaint()));
        }

        var first = await store.Outbox.ClaimPendingAsync(2, TimeSpan.FromSeconds(30));
        var second = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(30));
        var none = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(30));
        Time.Advance(TimeSpan.FromSeconds(31));
        var again = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromSeconds(30));

        Assert.Equal(2, first.Count);
        Assert.Single(second);
        Assert.Empty(first.Select(m => m.Id).Intersect(second.Select(m => m.Id)));
        Assert.Empty(none);
        Assert.Equal(3, again.Count);
        Assert.Equal(3, (await store.Outbox.GetPendingAsync(10)).Count);
    }

    [SkippableFact]
    public async Task Outbox_ConcurrentClaimers_NeverGetTheSameMessage()
    {
        await using var store = await CreateStoreAsync();
        for (var i = 0; i < 20; i++)
        {
            await store.Complaints.CommitIntakeAsync(Commit(NewComplaint()));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.Outbox.ClaimPendingAsync(5, TimeSpan.FromMinutes(1)))));

        var ids = claims.SelectMany(c => c).Select(m => m.Id).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [SkippableFact]
    public async Task Outbox_SentFailedAndRetried_AreRecordedAndVisible()
    {
        await using var store = await CreateStoreAsync();
        var complaint = NewComplaint();
        var a = Ack(complaint, "a");
        var b = Ack(complaint, "b") with { Id = Guid.CreateVersion7(Time.GetUtcNow().AddTicks(1)) };
        var c = Ack(complaint, "c") with { Id = Guid.CreateVersion7(Time.GetUtcNow().AddTicks(2)) };
        await store.Complaints.CommitIntakeAsync(Commit(complaint) with { Outbound = [a, b, c] });
        await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromMinutes(1));

        await store.Outbox.MarkSentAsync(a.Id, "1931000000000000001");
        await store.Outbox.MarkFailedAsync(b.Id, "HTTP 503", permanent: false);
        await store.Outbox.MarkFailedAsync(c.Id, "possibly sent", permanent: true);

        var claimable = await store.Outbox.ClaimPendingAsync(10, TimeSpan.FromMinutes(1));
        Assert.Equal([b.Id], claimable.Select(m => m.Id));
        Assert.Equal(1, claimable[0].Attempts);
        var all = await store.Outbox.ListForComplaintAsync(complaint.Id);
        Assert.Equal([OutboundMessageStatus.Sent, OutboundMessageStatus.Pending, OutboundMessageStatus.Failed], all.Select(m => m.Status));
        Assert.Equal("1931000000000000001", all[0].SentExternalId);
        Assert.Equal("HTTP 503", all[1].LastError);
        Assert.Equal("possibly sent", all[2].LastError);
    }

    [SkippableFact]
    public async Task Outbox_MarkUnknownMessage_Throws()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Outbox.MarkSentAsync(Guid.NewGuid(), "1"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.Outbox.MarkFailedAsync(Guid.NewGuid(), "e", permanent: true));
    }

    [SkippableFact]
    public async Task Checkpoints_RoundTripPerSource()
    {
        await using var store = await CreateStoreAsync();

        await store.Checkpoints.SetAsync("x:mentions:1", "100");
        await store.Checkpoints.SetAsync("x:mentions:1", "150");
        await store.Checkpoints.SetAsync("x:mentions:2", "7");

        Assert.Equal("150", await store.Checkpoints.GetAsync("x:mentions:1"));
        Assert.Equal("7", await store.Checkpoints.GetAsync("x:mentions:2"));
        Assert.Null(await store.Checkpoints.GetAsync("x:mentions:3"));
    }
}
