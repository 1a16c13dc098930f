using Grievance.Complaints;
using Grievance.Core.Tests.Lifecycle;
using Grievance.DependencyInjection;
using Grievance.Notifications;
using Grievance.Queries;
using Grievance.Sla;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grievance.Core.Tests.Sla;

public class SlaMonitorTests
{
    [Fact]
    public async Task RunOnce_OverAMonth_RemindsOfficersSendsTheInterimReplyAndEscalatesDistrictDivisionState()
    {
        await using var desk = new LifecycleTestDesk();
        var complaint = await desk.NewComplaintAsync();

        // Day 0: nothing due yet; the monitor only schedules its next look.
        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).Reminders);
        Assert.Equal(Some.Now.AddDays(1), (await desk.GetAsync(complaint)).NextSlaCheckAt);

        // Day 1: nobody took it up → officers reminded, not the citizen.
        desk.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Reminders);
        Assert.Equal(OfficerNoticeKind.AcknowledgementOverdue, Assert.Single(desk.Officers.Notices).Kind);
        Assert.Single(await desk.RepliesAsync(complaint));

        // Day 7: the mandatory interim reply goes to the citizen, in their thread, with the due date.
        desk.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).InterimReplies);
        var interim = (await desk.RepliesAsync(complaint))[^1];
        Assert.Equal(OutboundMessageKind.InterimReply, interim.Kind);
        Assert.Equal(complaint.SourceMessageId, interim.InReplyToExternalId);
        Assert.Equal($"Complaint {complaint.Code} is being worked on by UPPCL, Lucknow. Expected by 19 Dec 2026.", interim.Text);
        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).InterimReplies);

        // Day 19: due in two days → officers reminded.
        desk.Time.Advance(TimeSpan.FromDays(12));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Reminders);
        Assert.Equal(OfficerNoticeKind.ResolutionDueSoon, desk.Officers.Notices[^1].Kind);

        // Day 21: overdue → division, which gets three days.
        desk.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Escalations);
        var atDivision = await desk.GetAsync(complaint);
        Assert.Equal((1, ComplaintStatus.New), (atDivision.EscalationLevel, atDivision.Status));
        Assert.Equal(desk.Time.GetUtcNow().AddDays(3), atDivision.DueAt);
        var notice = desk.Officers.Notices[^1];
        Assert.Equal((OfficerNoticeKind.Escalated, "division", "Lucknow", complaint.Code.Value), (notice.Kind, notice.Level, notice.Division, notice.Code));

        // Day 24: still overdue → state cell; day 30: nowhere higher to go.
        desk.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Escalations);
        Assert.Equal("state", desk.Officers.Notices[^1].Level);
        desk.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).Escalations);

        var trail = await desk.Store.GetAuditTrailAsync(complaint.Id);
        Assert.Equal(
            [AuditActions.Created, AuditActions.Reminder, AuditActions.InterimReply, AuditActions.Reminder, AuditActions.Escalated, AuditActions.Escalated],
            trail.Select(e => e.Action));
        Assert.All(trail.Skip(1), e => Assert.Equal(AuditActors.System, e.Actor));
        Assert.EndsWith("district → division", trail[4].Reason, StringComparison.Ordinal);
        Assert.EndsWith("division → state", trail[5].Reason, StringComparison.Ordinal);
        Assert.Equal(2, (await desk.RepliesAsync(complaint)).Count);
    }

    [Fact]
    public async Task RunOnce_WomenSafety_HasHoursNotDays()
    {
        await using var desk = new LifecycleTestDesk();
        var result = await desk.Intake.ProcessAsync(Some.Message("@Uppolice men harass girls every evening outside the Hazratganj metro station in Lucknow, eve teasing daily", addressed: "Uppolice"));
        var complaint = (await desk.Store.GetAsync(result.ComplaintId!.Value))!;
        Assert.Equal("women-safety", complaint.Category.Value);

        Assert.Equal(Some.Now.AddHours(24), complaint.DueAt);
        desk.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Reminders);
        desk.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).InterimReplies);
        desk.Time.Advance(TimeSpan.FromHours(12));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Reminders);
        desk.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Escalations);
    }

    [Fact]
    public async Task Policies_WorkingTimeAndMostSpecificPolicyWin()
    {
        await using var desk = new LifecycleTestDesk(b => b.ConfigureSla(o =>
        {
            o.Policies.Add(new SlaPolicy { Department = "power", ResolutionTime = TimeSpan.FromDays(10), WorkingTime = true });
            o.Policies.Add(new SlaPolicy { Department = "power", Category = "power-outage", ResolutionTime = TimeSpan.FromDays(2) });
            o.Holidays.Add(new DateOnly(2026, 11, 30));
        }));

        // Saturday 28 Nov 15:30 IST: +2 working days on Mon-Sat with Monday a holiday → Wednesday 2 Dec 15:30 IST.
        var outage = await desk.NewComplaintAsync();
        Assert.Equal("power-outage", outage.Category.Value);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 30, 0, TimeSpan.FromHours(5.5)), outage.DueAt);
    }

    [Fact]
    public async Task RunOnce_ResolvedWithoutAnswer_ClosesAfterTheFeedbackWindowAndErasesAfterRetention()
    {
        await using var desk = new LifecycleTestDesk(b => b.ConfigureLifecycle(o => o.RetentionAfterClosure = TimeSpan.FromDays(30)));
        var complaint = await desk.NewComplaintAsync();
        await desk.Service.StartAsync(complaint.Id, "JE-12");
        await desk.Service.ResolveAsync(complaint.Id, "JE-12", "Supply restored.");

        desk.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).Closed);
        desk.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Closed);
        Assert.Equal(ComplaintStatus.Closed, (await desk.GetAsync(complaint)).Status);

        desk.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).Erased);
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).Erased);
        Assert.NotNull((await desk.GetAsync(complaint)).ErasedAt);
    }

    [Fact]
    public async Task GetDefaulters_ListsOverdueComplaintsPerDistrictAndOfficerInTheScopeOnly()
    {
        await using var desk = new LifecycleTestDesk();
        var a = await desk.NewComplaintAsync();
        var b = await desk.NewComplaintAsync(text: "@UPPCL_Sample no electricity in Lucknow Aliganj");
        var c = await desk.NewComplaintAsync(text: "@UPPCL_Sample no electricity in Gorakhpur");
        var onTime = await desk.NewComplaintAsync(text: "@UPPCL_Sample power cut in Lucknow Gomti Nagar");
        await desk.Service.AssignAsync(a.Id, "SDO-4", null, "JE-12");
        await desk.Service.AssignAsync(b.Id, "SDO-4", null, "JE-12");
        desk.Time.Advance(TimeSpan.FromDays(10));
        await desk.Service.TransferAsync(onTime.Id, "SDO-4", new DepartmentId("power"), new DistrictId("GKP"), "Gorakhpur feeder");
        desk.Time.Advance(TimeSpan.FromDays(12));

        var defaulters = await desk.Monitor.GetDefaultersAsync(ComplaintScope.ForDepartment(new DepartmentId("power")));
        var police = await desk.Monitor.GetDefaultersAsync(ComplaintScope.ForDepartment(new DepartmentId("police")));

        Assert.Empty(police);
        Assert.Equal(2, defaulters.Count);
        Assert.Equal(("LKO", "JE-12", 2), (defaulters[0].District!.Value.Value, defaulters[0].Officer, defaulters[0].Overdue));
        Assert.Equal([a.Code.Value, b.Code.Value], defaulters[0].Codes);
        Assert.Equal(("GKP", (string?)null, 1), (defaulters[1].District!.Value.Value, defaulters[1].Officer, defaulters[1].Overdue));
        Assert.Equal([c.Code.Value], defaulters[1].Codes);
    }

    [Fact]
    public async Task HostedMonitor_RunsAPassWhenTheHostStarts()
    {
        await using var desk = new LifecycleTestDesk(b => b.AddSlaMonitor());
        var complaint = await desk.NewComplaintAsync();
        desk.Time.Advance(TimeSpan.FromDays(1));
        var hosted = Assert.Single(desk.Services.GetServices<IHostedService>());

        await hosted.StartAsync(CancellationToken.None);
        try
        {
            // The guard only bounds a broken run; the pass itself needs no time to pass.
            var notice = await desk.Officers.First.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal((complaint.Id, OfficerNoticeKind.AcknowledgementOverdue), (notice.ComplaintId, notice.Kind));
        }
        finally
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Options_Invalid_FailAtStartup()
    {
        using var services = TestServices.Create(b => b
            .ConfigureSla(o =>
            {
                o.WorkingDayEnd = new TimeSpan(9, 0, 0);
                o.Policies.Add(new SlaPolicy { ResolutionTime = TimeSpan.FromDays(1) });
            })
            .ConfigureLifecycle(o =>
            {
                o.ResolutionTemplate = "Resolved: {note}";
                o.RejectionReasons.Add("not our department");
            }));

        var sla = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlaOptions>>().Value);
        var lifecycle = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Grievance.Lifecycle.LifecycleOptions>>().Value);

        Assert.Contains(sla.Failures, f => f.Contains("WorkingDayEnd", StringComparison.Ordinal));
        Assert.Contains(sla.Failures, f => f.Contains("Policies[0]", StringComparison.Ordinal));
        Assert.Contains(lifecycle.Failures, f => f.Contains("ResolutionTemplate", StringComparison.Ordinal));
        Assert.Contains(lifecycle.Failures, f => f.Contains("transferred, not rejected", StringComparison.Ordinal));
    }
}
