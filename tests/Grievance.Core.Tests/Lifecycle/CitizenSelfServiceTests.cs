using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.TestUtilities;

namespace Grievance.Core.Tests.Lifecycle;

public class CitizenSelfServiceTests
{
    private static InboundMessage InThread(Complaint complaint, string text, string author = "9001", string? language = null) =>
        Some.Message(text, addressed: "UPPCL_Sample") with
        {
            ConversationId = complaint.ConversationId ?? complaint.SourceMessageId,
            InReplyToId = complaint.SourceMessageId,
            Author = new Complainant { PlatformId = author, Handle = "citizen_" + author },
            Language = language,
        };

    private static async Task<(LifecycleTestDesk Desk, Complaint Complaint)> ResolvedAsync(bool hindi = false)
    {
        var desk = new LifecycleTestDesk();
        var message = Some.Message(hindi ? "@UPPCL_Sample लखनऊ में कल रात से बिजली नहीं है" : "@UPPCL_Sample no electricity in Lucknow since last night", addressed: "UPPCL_Sample")
            with { Language = hindi ? "hi" : "en" };
        message = message with { ConversationId = message.ExternalId };
        var created = await desk.Intake.ProcessAsync(message);
        var complaint = (await desk.Store.GetAsync(created.ComplaintId!.Value))!;
        await desk.Service.StartAsync(complaint.Id, "JE-12");
        desk.Time.Advance(TimeSpan.FromDays(2));
        await desk.Service.ResolveAsync(complaint.Id, "JE-12", "Transformer replaced.");
        desk.Time.Advance(TimeSpan.FromDays(1));
        return (desk, (await desk.Store.GetAsync(complaint.Id))!);
    }

    [Theory]
    [InlineData("@UPPCL_Sample no, still no power", "en")]
    [InlineData("@UPPCL_Sample not resolved", "en")]
    [InlineData("@UPPCL_Sample नहीं, बिजली अभी भी नहीं आई", "hi")]
    [InlineData("@UPPCL_Sample nahi hua", null)]
    public async Task ComplainantSaysNo_WithinTheWindow_ReopensAndEscalates(string text, string? language)
    {
        var (desk, complaint) = await ResolvedAsync(hindi: language == "hi");
        await using var _ = desk;

        var result = await desk.Intake.ProcessAsync(InThread(complaint, text, language: language));

        Assert.Equal(IntakeOutcome.FollowUp, result.Outcome);
        var reopened = await desk.GetAsync(complaint);
        Assert.Equal((ComplaintStatus.Reopened, 1, false), (reopened.Status, reopened.EscalationLevel, reopened.Satisfied));
        Assert.Equal(desk.Time.GetUtcNow().AddDays(3), reopened.DueAt);
        var audit = (await desk.Store.GetAuditTrailAsync(complaint.Id))[^1];
        Assert.Equal((AuditActions.Reopened, "9001", ComplaintStatus.Resolved, ComplaintStatus.Reopened), (audit.Action, audit.Actor, audit.FromStatus!.Value, audit.ToStatus!.Value));
        Assert.Contains("district → division", audit.Reason, StringComparison.Ordinal);
        var notice = (await desk.RepliesAsync(complaint))[^1];
        Assert.Equal(OutboundMessageKind.Notice, notice.Kind);
        Assert.Contains(complaint.Code.Value, notice.Text, StringComparison.Ordinal);
        Assert.StartsWith(language == "hi" ? "शिकायत" : "Complaint", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@UPPCL_Sample हाँ, धन्यवाद", true, null)]
    [InlineData("@UPPCL_Sample yes, resolved. rating 5", true, 5)]
    public async Task ComplainantSaysYes_ClosesWithSatisfactionAndRating(string text, bool satisfied, int? rating)
    {
        var (desk, complaint) = await ResolvedAsync();
        await using var _ = desk;

        await desk.Intake.ProcessAsync(InThread(complaint, text));

        var closed = await desk.GetAsync(complaint);
        Assert.Equal((ComplaintStatus.Closed, (bool?)satisfied, rating), (closed.Status, closed.Satisfied, closed.Rating));
        Assert.Equal(desk.Time.GetUtcNow(), closed.ClosedAt);

        // A later rating on the closed complaint is recorded once.
        await desk.Intake.ProcessAsync(InThread(complaint, "@UPPCL_Sample 3/5"));
        Assert.Equal(rating ?? 3, (await desk.GetAsync(complaint)).Rating);
    }

    [Fact]
    public async Task SomeoneElseSaysNo_InTheThread_DoesNotReopen()
    {
        var (desk, complaint) = await ResolvedAsync();
        await using var _ = desk;

        await desk.Intake.ProcessAsync(InThread(complaint, "@UPPCL_Sample no", author: "6666"));

        Assert.Equal(ComplaintStatus.Resolved, (await desk.GetAsync(complaint)).Status);
    }

    [Fact]
    public async Task ComplainantSaysNo_AfterTheWindow_IsKeptAsAFollowUpOnly()
    {
        var (desk, complaint) = await ResolvedAsync();
        await using var _ = desk;
        desk.Time.Advance(TimeSpan.FromDays(7));

        var result = await desk.Intake.ProcessAsync(InThread(complaint, "@UPPCL_Sample no"));

        Assert.Equal(IntakeOutcome.FollowUp, result.Outcome);
        Assert.Equal(ComplaintStatus.Resolved, (await desk.GetAsync(complaint)).Status);
        Assert.Equal(AuditActions.FollowUp, (await desk.Store.GetAuditTrailAsync(complaint.Id))[^1].Action);
    }

    [Theory]
    [InlineData("status {0}", "en", "Complaint {0}: resolved, with UPPCL, Lucknow. Due 19 Dec 2026.")]
    [InlineData("स्थिति {0}", null, "शिकायत {0}: निस्तारित, बिजली विभाग, लखनऊ। निस्तारण की तिथि 19 दिसंबर 2026।")]
    public async Task StatusQuery_AnyoneAsking_GetsOnlyPublicFieldsInTheirLanguage(string query, string? language, string expected)
    {
        var (desk, complaint) = await ResolvedAsync();
        await using var _ = desk;
        var ask = Some.Message(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, complaint.Code), addressed: "UPPCL_Sample")
            with { Author = new Complainant { PlatformId = "4242", Handle = "nosy_neighbour" }, Language = language };

        var result = await desk.Intake.ProcessAsync(ask);

        Assert.Equal(IntakeOutcome.StatusQuery, result.Outcome);
        var reply = (await desk.RepliesAsync(complaint))[^1];
        Assert.Equal(OutboundMessageKind.StatusReply, reply.Kind);
        Assert.Equal("4242", reply.RecipientId);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, complaint.Code).Replace("19 दिसंबर 2026", "19 Dec 2026", StringComparison.Ordinal), reply.Text);
        Assert.DoesNotContain("electricity", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("9001", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Transformer", reply.Text, StringComparison.Ordinal);
    }
}
