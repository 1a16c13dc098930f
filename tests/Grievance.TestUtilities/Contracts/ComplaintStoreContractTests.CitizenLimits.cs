using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Lifecycle;
using Grievance.Notifications;
using Grievance.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace Grievance.TestUtilities.Contracts;

/// <summary>
/// Per-citizen limits on every store (issue 9): complaints beyond the monthly limit are stored as held for review, with
/// their code and acknowledgement, never dropped; the count is of the citizen's complaints this month in Indian time.
/// </summary>
public abstract partial class ComplaintStoreContractTests
{
    private const string Citizen = "1700000000000000001";

    [SkippableFact]
    public async Task CitizenLimit_GroupOf12ByOneCitizenLimit10_Stores10NewAnd2HeldNothingDropped()
    {
        await using var store = await CreateStoreAsync();
        await using var services = PipelineWithLimitOn(store, limit: 10);
        var messages = Enumerable.Range(0, 12).Select(i => PowerComplaint(i, Citizen)).Append(PowerComplaint(12, "1700000000000000002")).ToArray();

        var run = await services.GetRequiredService<IIntakePipeline>().RunAsync(new WindowSource(messages));

        Assert.Equal((13, 13, 0), (run.Read, run.Created, run.Rejected));
        var complaints = (await store.Complaints.ListAsync(new ComplaintQuery())).OrderBy(c => c.SourceMessageId, StringComparer.Ordinal).ToList();
        Assert.Equal(13, complaints.Count);
        var mine = complaints.Where(c => c.Complainant.PlatformId == Citizen).ToList();
        Assert.Equal([.. Enumerable.Repeat(ComplaintStatus.New, 10), ComplaintStatus.HeldForReview, ComplaintStatus.HeldForReview], mine.Select(c => c.Status));
        Assert.Equal(ComplaintStatus.New, complaints.Single(c => c.Complainant.PlatformId != Citizen).Status);
        Assert.All(mine.Take(10), c => Assert.NotNull(c.DueAt));

        foreach (var held in mine.Skip(10))
        {
            Assert.Null(held.DueAt);
            var trail = await store.Complaints.GetAuditTrailAsync(held.Id);
            Assert.Equal([AuditActions.Created, AuditActions.Held], trail.Select(e => e.Action));
            Assert.Equal((ComplaintStatus.New, ComplaintStatus.HeldForReview), (trail[1].FromStatus, trail[1].ToStatus));
            Assert.Contains("limit is 10", trail[1].Reason, StringComparison.Ordinal);
            var ack = Assert.Single(await store.Outbox.ListForComplaintAsync(held.Id));
            Assert.Equal(OutboundMessageKind.Acknowledgement, ack.Kind);
            Assert.StartsWith($"Complaint {held.Code} registered.", ack.Text, StringComparison.Ordinal);
            Assert.Contains("held for review", ack.Text, StringComparison.Ordinal);
        }

        var heldQuery = await store.Complaints.ListAsync(new ComplaintQuery { Statuses = [ComplaintStatus.HeldForReview] });
        Assert.Equal(mine.Skip(10).Select(c => c.Code.Value).Order(StringComparer.Ordinal), heldQuery.Select(c => c.Code.Value).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task CitizenLimit_AcrossTheMonthBoundaryInIndianTime_CountsOnlyTheCurrentIndianMonth()
    {
        await using var store = await CreateStoreAsync();
        await using var services = PipelineWithLimitOn(store, limit: 3);
        var pipeline = services.GetRequiredService<IIntakePipeline>();

        // 30 Nov 2026 23:00 IST = 17:30 UTC: three complaints reach the limit, the fourth is held.
        Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 30, 0, TimeSpan.Zero));
        for (var i = 0; i < 3; i++)
        {
            await pipeline.ProcessAsync(PowerComplaint(i, Citizen));
        }

        var fourth = await pipeline.ProcessAsync(PowerComplaint(3, Citizen));

        // 1 Dec 2026 00:01 IST is still 30 Nov in UTC: a new Indian month, so the count starts again.
        Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 18, 31, 0, TimeSpan.Zero));
        var fifth = await pipeline.ProcessAsync(PowerComplaint(4, Citizen));

        Assert.Equal(ComplaintStatus.HeldForReview, (await store.Complaints.GetAsync(fourth.ComplaintId!.Value))!.Status);
        Assert.Equal(ComplaintStatus.New, (await store.Complaints.GetAsync(fifth.ComplaintId!.Value))!.Status);
    }

    [SkippableFact]
    public async Task CitizenLimit_ReleaseAndRejectHeld_ReleasedGetsItsTimeLimitFromTheRelease()
    {
        await using var store = await CreateStoreAsync();
        await using var services = PipelineWithLimitOn(store, limit: 1);
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        await pipeline.ProcessAsync(PowerComplaint(0, Citizen));
        var held = (await pipeline.ProcessAsync(PowerComplaint(1, Citizen))).ComplaintId!.Value;
        var spam = (await pipeline.ProcessAsync(PowerComplaint(2, Citizen))).ComplaintId!.Value;
        var service = services.GetRequiredService<IComplaintService>();

        Time.Advance(TimeSpan.FromDays(3));
        var released = await service.ReleaseAsync(held, "SDO-4", "a separate outage");
        var rejected = await service.RejectAsync(spam, "SDO-4", "duplicate");

        var stored = (await store.Complaints.GetAsync(held))!;
        Assert.Equal((ComplaintStatus.New, 1), (stored.Status, stored.Version));
        Assert.Equal(Time.GetUtcNow(), stored.SlaStartedAt);
        Assert.Equal(Time.GetUtcNow().AddDays(21), stored.DueAt);
        Assert.Equal(released.DueAt, stored.DueAt);
        var release = (await store.Complaints.GetAuditTrailAsync(held))[^1];
        Assert.Equal((AuditActions.Released, "SDO-4", ComplaintStatus.HeldForReview, ComplaintStatus.New), (release.Action, release.Actor, release.FromStatus!.Value, release.ToStatus!.Value));
        var notice = (await store.Outbox.ListForComplaintAsync(held))[^1];
        Assert.StartsWith($"Complaint {stored.Code} has been accepted", notice.Text, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Rejected, (await store.Complaints.GetAsync(spam))!.Status);
        Assert.Equal(ComplaintStatus.Rejected, rejected.Status);
    }

    private static InboundMessage PowerComplaint(int i, string citizen) =>
        Some.Message($"@UPPCL_Sample no electricity in Lucknow since last night, lane {i}", "19500000000000" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "UPPCL_Sample")
            with { Author = new Complainant { PlatformId = citizen, Handle = "citizen_" + citizen[^2..] } };

    /// <summary>A real container whose intake and lifecycle run on the store under test, with a per-citizen limit.</summary>
    private ServiceProvider PipelineWithLimitOn(StoreUnderTest store, int limit) => TestServices.Create(
        b =>
        {
            b.Services.Replace(ServiceDescriptor.Singleton(store.Complaints));
            b.Services.Replace(ServiceDescriptor.Singleton(store.Outbox));
            b.Services.Replace(ServiceDescriptor.Singleton(store.Checkpoints));
            b.Services.Replace(ServiceDescriptor.Singleton((IComplaintLifecycleStore)store.Complaints));
            b.UseCodeGenerator<FixedCodes>();
            b.ConfigureCitizenLimits(o => o.MonthlyLimit = limit);
        },
        time: Time);
}
