using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.TestUtilities;
using Grievance.Lifecycle;
using Grievance.Notifications;
using Grievance.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Core.Tests.Lifecycle;

public class ComplaintServiceTests
{
    public enum Act
    {
        Assign,
        Start,
        Note,
        AskCitizen,
        Transfer,
        Resolve,
        Reject,
        Reopen,
        Close,
        Release,
    }

    /// <summary>The lifecycle as the issue describes it, written independently of the implementation's table.</summary>
    private static readonly Dictionary<Act, (ComplaintStatus[] From, ComplaintStatus? To)> s_expected = new()
    {
        [Act.Assign] = ([ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen, ComplaintStatus.Reopened], ComplaintStatus.Assigned),
        [Act.Start] = ([ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.AwaitingCitizen, ComplaintStatus.Reopened], ComplaintStatus.InProgress),
        [Act.Note] = (Enum.GetValues<ComplaintStatus>(), null),
        [Act.AskCitizen] = ([ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.Reopened], ComplaintStatus.AwaitingCitizen),
        [Act.Transfer] = ([ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen, ComplaintStatus.Reopened], ComplaintStatus.New),
        [Act.Resolve] = ([ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen, ComplaintStatus.Reopened], ComplaintStatus.Resolved),
        [Act.Reject] = ([ComplaintStatus.HeldForReview, ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen], ComplaintStatus.Rejected),
        [Act.Reopen] = ([ComplaintStatus.Resolved, ComplaintStatus.Closed, ComplaintStatus.Rejected], ComplaintStatus.Reopened),
        [Act.Close] = ([ComplaintStatus.Resolved], ComplaintStatus.Closed),
        [Act.Release] = ([ComplaintStatus.HeldForReview], ComplaintStatus.New),
    };

    public static TheoryData<Act, ComplaintStatus> EveryActionFromEveryStatus()
    {
        var data = new TheoryData<Act, ComplaintStatus>();
        foreach (var act in Enum.GetValues<Act>())
        {
            foreach (var status in Enum.GetValues<ComplaintStatus>())
            {
                data.Add(act, status);
            }
        }

        return data;
    }

    private static Task<Complaint> DoAsync(IComplaintService service, Act act, ComplaintId id) => act switch
    {
        Act.Assign => service.AssignAsync(id, "SDO-4", "Aliganj", "JE-12"),
        Act.Start => service.StartAsync(id, "JE-12"),
        Act.Note => service.AddNoteAsync(id, "JE-12", "Feeder 3 tripped"),
        Act.AskCitizen => service.RequestInformationAsync(id, "JE-12", "Which lane?"),
        Act.Transfer => service.TransferAsync(id, "SDO-4", new DepartmentId("police"), null, "a theft of cable, not an outage"),
        Act.Resolve => service.ResolveAsync(id, "JE-12", "Transformer replaced."),
        Act.Reject => service.RejectAsync(id, "SDO-4", "duplicate"),
        Act.Reopen => service.ReopenAsync(id, "SDO-4", "supply failed again"),
        Act.Release => service.ReleaseAsync(id, "SDO-4", "a new problem, not a repeat"),
        _ => service.CloseAsync(id, "SDO-4"),
    };

    [Theory]
    [MemberData(nameof(EveryActionFromEveryStatus))]
    public async Task Action_FromEveryStatus_MovesAsTheLifecycleSaysOrThrowsNamingTheStates(Act act, ComplaintStatus status)
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();
        var lifecycle = desk.Services.GetRequiredService<IComplaintLifecycleStore>();
        await lifecycle.CommitLifecycleAsync(new LifecycleCommit { Complaint = complaint with { Status = status, Version = 1 }, ExpectedVersion = 0 });
        var (from, to) = s_expected[act];

        if (from.Contains(status))
        {
            var result = await DoAsync(desk.Service, act, complaint.Id);

            Assert.Equal(to ?? status, result.Status);
            var stored = await desk.GetAsync(complaint);
            Assert.Equal((to ?? status, 2), (stored.Status, stored.Version));
            var audit = (await desk.Store.GetAuditTrailAsync(complaint.Id))[^1];
            Assert.Equal((status, to ?? status), (audit.FromStatus!.Value, audit.ToStatus!.Value));
            Assert.Equal(desk.Time.GetUtcNow(), audit.At);
            Assert.Equal(complaint.Code, stored.Code);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<ComplaintTransitionException>(() => DoAsync(desk.Service, act, complaint.Id));

            Assert.Equal(status, ex.From);
            Assert.Contains(status.ToString(), ex.Message, StringComparison.Ordinal);
            Assert.Contains(complaint.Code.Value, ex.Message, StringComparison.Ordinal);
            var stored = await desk.GetAsync(complaint);
            Assert.Equal((status, 1), (stored.Status, stored.Version));
            Assert.Single(await desk.Store.GetAuditTrailAsync(complaint.Id));
        }
    }

    [Theory]
    [MemberData(nameof(EveryActionFromEveryStatus))]
    public void ComplaintActions_IsAllowed_AgreesWithTheLifecycle(Act act, ComplaintStatus status)
    {
        var action = act switch
        {
            Act.Assign => AuditActions.Assigned,
            Act.Start => AuditActions.Started,
            Act.Note => AuditActions.Note,
            Act.AskCitizen => AuditActions.InformationRequested,
            Act.Transfer => AuditActions.Transferred,
            Act.Resolve => AuditActions.Resolved,
            Act.Reject => AuditActions.Rejected,
            Act.Reopen => AuditActions.Reopened,
            Act.Release => AuditActions.Released,
            _ => AuditActions.Closed,
        };

        Assert.Equal(s_expected[act].From.Contains(status), ComplaintActions.IsAllowed(status, action));
    }

    [Fact]
    public void ComplaintActions_IsAllowed_RefusesWhatIsNotAnAction()
    {
        Assert.Equal("action", Assert.Throws<ArgumentException>(() => ComplaintActions.IsAllowed(ComplaintStatus.New, "fly")).ParamName);
        Assert.Equal("action", Assert.Throws<ArgumentNullException>(() => ComplaintActions.IsAllowed(ComplaintStatus.New, null!)).ParamName);
    }

    [Fact]
    public async Task Workflow_AssignStartResolve_RecordsActorFromToReasonAndRepliesWithTheCode()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();

        await desk.Service.AssignAsync(complaint.Id, "SDO-4", "Aliganj", "JE-12");
        desk.Time.Advance(TimeSpan.FromHours(2));
        await desk.Service.StartAsync(complaint.Id, "JE-12");
        await desk.Service.AddNoteAsync(complaint.Id, "JE-12", "Feeder 3 tripped; caller 9876543210 says lane 4");
        desk.Time.Advance(TimeSpan.FromHours(5));
        var resolved = await desk.Service.ResolveAsync(complaint.Id, "JE-12", "Transformer replaced, supply restored. Call 9876543210 if it fails.");

        Assert.Equal((ComplaintStatus.Resolved, "Aliganj", "JE-12", 4), (resolved.Status, resolved.AssignedUnit, resolved.AssignedOfficer, resolved.Version));
        Assert.Equal(desk.Time.GetUtcNow(), resolved.ResolvedAt);
        var trail = await desk.Store.GetAuditTrailAsync(complaint.Id);
        Assert.Equal([AuditActions.Created, AuditActions.Assigned, AuditActions.Started, AuditActions.Note, AuditActions.Resolved], trail.Select(e => e.Action));
        Assert.Equal(("SDO-4", ComplaintStatus.New, ComplaintStatus.Assigned, "unit Aliganj, officer JE-12"), (trail[1].Actor, trail[1].FromStatus, trail[1].ToStatus, trail[1].Reason));
        Assert.Equal(Some.Now.AddHours(2), trail[2].At);

        var replies = await desk.RepliesAsync(complaint);
        Assert.Equal([OutboundMessageKind.Acknowledgement, OutboundMessageKind.Resolution], replies.Select(r => r.Kind));
        var resolution = replies[1];
        Assert.StartsWith($"Complaint {complaint.Code} resolved: Transformer replaced", resolution.Text, StringComparison.Ordinal);
        Assert.Contains("Reply yes or no", resolution.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", resolution.Text, StringComparison.Ordinal);
        Assert.Equal((complaint.SourceMessageId, "9001", "UPPCL_Sample"), (resolution.InReplyToExternalId, resolution.RecipientId, resolution.FromAccount));
        Assert.DoesNotContain(replies, r => r.Text.Contains("Feeder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolve_HindiComplaint_RepliesInHindiWithTheCode()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync(hindi: true);
        await desk.Service.StartAsync(complaint.Id, "JE-12");

        await desk.Service.ResolveAsync(complaint.Id, "JE-12", "ट्रांसफॉर्मर बदल दिया गया।");

        var reply = (await desk.RepliesAsync(complaint))[^1];
        Assert.StartsWith($"शिकायत {complaint.Code} का निस्तारण", reply.Text, StringComparison.Ordinal);
        Assert.Contains("हाँ या नहीं", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_LongNote_ShortensThePublicReplyKeepingTheCodeAndSendsTheWholeNoteByDirectMessage()
    {
        await using var desk = new LifecycleTestDesk(b => b.AddChannelPolicy<FixedLengthPolicy>());
        var complaint = await desk.NewComplaintAsync();
        await desk.Service.StartAsync(complaint.Id, "JE-12");
        var note = string.Join(' ', Enumerable.Repeat("The feeder was inspected and the burnt transformer was replaced by the night crew.", 8));

        await desk.Service.ResolveAsync(complaint.Id, "JE-12", note);

        var replies = await desk.RepliesAsync(complaint);
        var reply = Assert.Single(replies, r => r.Kind == OutboundMessageKind.Resolution);
        Assert.True(reply.Text.Length <= FixedLengthPolicy.Max, reply.Text);
        Assert.StartsWith($"Complaint {complaint.Code} resolved: The feeder", reply.Text, StringComparison.Ordinal);
        Assert.Contains("(full note by DM)", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Reply yes or no.", reply.Text, StringComparison.Ordinal);
        var dm = Assert.Single(replies, r => r.Kind == OutboundMessageKind.DirectMessage);
        Assert.Null(dm.InReplyToExternalId);
        Assert.Contains(note, dm.Text, StringComparison.Ordinal);
        Assert.Contains(complaint.Code.Value, dm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestInformation_Privately_GoesByDirectMessageNotInTheThread()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();
        await desk.Service.StartAsync(complaint.Id, "JE-12");

        var result = await desk.Service.RequestInformationAsync(complaint.Id, "JE-12", "Please send your consumer number and address.", privately: true);

        Assert.Equal(ComplaintStatus.AwaitingCitizen, result.Status);
        var dm = (await desk.RepliesAsync(complaint))[^1];
        Assert.Equal(OutboundMessageKind.DirectMessage, dm.Kind);
        Assert.Null(dm.InReplyToExternalId);
        Assert.Contains(complaint.Code.Value, dm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_KeepsTheCodeGivesTheReceivingSideANewDueDateAndStopsAtTheCap()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();
        desk.Time.Advance(TimeSpan.FromDays(5));

        var first = await desk.Service.TransferAsync(complaint.Id, "SDO-4", new DepartmentId("police"), new DistrictId("KNP"), "cable theft, a police matter");

        Assert.Equal((complaint.Code, "police", "KNP", ComplaintStatus.New, 1), (first.Code, first.Department.Value, first.District!.Value.Value, first.Status, first.TransferCount));
        Assert.Equal(desk.Time.GetUtcNow().AddDays(21), first.DueAt);
        Assert.Equal("other", first.Category.Value);
        var audit = (await desk.Store.GetAuditTrailAsync(complaint.Id))[^1];
        Assert.Equal("power/LKO → police/KNP: cable theft, a police matter", audit.Reason);
        Assert.Contains((await desk.RepliesAsync(complaint)), r => r.Kind == OutboundMessageKind.Notice && r.Text.Contains("transferred to UP Police, Kanpur Nagar", StringComparison.Ordinal));

        await desk.Service.TransferAsync(complaint.Id, "SHO-1", new DepartmentId("power"), null, "back: it is an outage");
        await desk.Service.TransferAsync(complaint.Id, "SDO-9", new DepartmentId("power"), new DistrictId("LKO"), "Lucknow feeder");
        var ex = await Assert.ThrowsAsync<ComplaintRuleException>(() => desk.Service.TransferAsync(complaint.Id, "SDO-1", new DepartmentId("police"), null, "again"));

        Assert.Contains("3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await desk.GetAsync(complaint)).TransferCount);
    }

    [Fact]
    public async Task Transfer_UnknownDepartmentOrDistrictOrNoReason_IsRefused()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();

        await Assert.ThrowsAsync<ComplaintRuleException>(() => desk.Service.TransferAsync(complaint.Id, "SDO-4", new DepartmentId("nasa"), null, "why not"));
        await Assert.ThrowsAsync<ComplaintRuleException>(() => desk.Service.TransferAsync(complaint.Id, "SDO-4", new DepartmentId("police"), new DistrictId("XXX"), "why not"));
        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => desk.Service.TransferAsync(complaint.Id, "SDO-4", new DepartmentId("police"), null, " "));
        Assert.Equal("reason", noReason.ParamName);
    }

    [Theory]
    [InlineData("not our department")]
    [InlineData("Not my department, contact Jal Nigam")]
    [InlineData("यह हमारे विभाग का नहीं है")]
    public async Task Reject_NotOurDepartment_IsRefusedWithAdviceToTransfer(string reason)
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();

        var ex = await Assert.ThrowsAsync<ComplaintRuleException>(() => desk.Service.RejectAsync(complaint.Id, "SDO-4", reason));

        Assert.Contains("transfer", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ComplaintStatus.New, (await desk.GetAsync(complaint)).Status);
    }

    [Fact]
    public async Task Reject_ConfiguredReason_RejectsWithReplyAndUnconfiguredReasonListsTheReasons()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();

        var unknown = await Assert.ThrowsAsync<ComplaintRuleException>(() => desk.Service.RejectAsync(complaint.Id, "SDO-4", "too busy"));
        var rejected = await desk.Service.RejectAsync(complaint.Id, "SDO-4", "Spam");

        Assert.Contains("spam, duplicate, sub-judice", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Rejected, rejected.Status);
        Assert.Equal(desk.Time.GetUtcNow(), rejected.ClosedAt);
        Assert.Equal("spam", (await desk.Store.GetAuditTrailAsync(complaint.Id))[^1].Reason);
        Assert.Contains((await desk.RepliesAsync(complaint)), r => r.Kind == OutboundMessageKind.Rejection && r.Text.Contains(complaint.Code.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Actions_BadArguments_ThrowNamingTheParameter()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();

        Assert.Equal("actor", (await Assert.ThrowsAsync<ArgumentException>(() => desk.Service.StartAsync(complaint.Id, " "))).ParamName);
        Assert.Equal("unit", (await Assert.ThrowsAsync<ArgumentException>(() => desk.Service.AssignAsync(complaint.Id, "SDO-4", null, null))).ParamName);
        Assert.Equal("resolutionNote", (await Assert.ThrowsAsync<ArgumentException>(() => desk.Service.ResolveAsync(complaint.Id, "SDO-4", ""))).ParamName);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => desk.Service.StartAsync(new ComplaintId(Guid.NewGuid()), "SDO-4"));
    }

    [Fact]
    public async Task ErasePersonalData_RemovesTheCitizensDataKeepsTheTrailAndIsIdempotent()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();
        var other = await desk.NewComplaintAsync(author: "7777");
        await desk.Service.AssignAsync(complaint.Id, "SDO-4", null, "JE-12");

        var count = await desk.Service.EraseCitizenAsync(complaint.Channel, "9001", "DPO-1", "request DPDP-17");
        var again = await desk.Service.ErasePersonalDataAsync(complaint.Id, "DPO-1", "request DPDP-17");

        Assert.Equal(1, count);
        var erased = await desk.GetAsync(complaint);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal(erased.Version, again.Version);
        Assert.NotEqual("9001", erased.Complainant.PlatformId);
        Assert.DoesNotContain("electricity", erased.Text, StringComparison.Ordinal);
        Assert.Equal((complaint.Code, "JE-12"), (erased.Code, erased.AssignedOfficer));
        var trail = await desk.Store.GetAuditTrailAsync(complaint.Id);
        Assert.Equal([AuditActions.Created, AuditActions.Assigned, AuditActions.Erased], trail.Select(e => e.Action));
        Assert.Equal(("DPO-1", "request DPDP-17"), (trail[^1].Actor, trail[^1].Reason));
        Assert.Null((await desk.GetAsync(other)).ErasedAt);
    }

    /// <summary>A channel whose messages are at most 200 characters.</summary>
    private sealed class FixedLengthPolicy : IChannelMessagePolicy
    {
        public const int Max = 200;

        public string Channel => Grievance.Intake.Channels.X;

        public int MaxInboundLength => 25_000;

        public bool Fits(string text) => text.Length <= Max;

        public string Shorten(string text) => text.Length <= Max ? text : text[..(Max - 1)] + "…";
    }
}
