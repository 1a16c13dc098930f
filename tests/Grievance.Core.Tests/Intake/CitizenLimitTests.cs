using System.Runtime.CompilerServices;
using Grievance.Complaints;
using Grievance.Core.Tests.Lifecycle;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Intake.Internal;
using Grievance.Lifecycle;
using Grievance.Queries;
using Microsoft.Extensions.Configuration;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.Storage.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grievance.Core.Tests.Intake;

/// <summary>Issue 9: per-citizen limits are configuration; beyond them a complaint is held for review, not dropped.</summary>
public class CitizenLimitTests
{
    private const string Citizen = "1700000000000000001";

    private static InboundMessage Power(int i, string citizen = Citizen, string? language = null) =>
        Some.Message($"@UPPCL_Sample no electricity in Lucknow since last night, lane {i}", "19600000000000" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "UPPCL_Sample")
            with { Author = new Complainant { PlatformId = citizen, Handle = "citizen_x" }, Language = language ?? "en" };

    private static InboundMessage WomenSafety(int i, string citizen = Citizen) =>
        Some.Message("@noidapolice_Sample Some men harass girls every evening outside the metro station in Gautam Buddh Nagar sector 18. Please send a patrol.",
            "19600000000000" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "Uppolice")
            with { Author = new Complainant { PlatformId = citizen, Handle = "citizen_x" } };

    private static LifecycleTestDesk Desk(Action<CitizenLimitOptions>? configure = null, Action<IGrievanceBuilder>? extra = null) => new(b =>
    {
        b.ConfigureCitizenLimits(o =>
        {
            o.MonthlyLimit = 10;
            configure?.Invoke(o);
        });
        extra?.Invoke(b);
    });

    [Fact]
    public async Task RunAsync_GroupOf12ByOneCitizenLimit10_10NewAnd2HeldWithCodesAndAcknowledgements()
    {
        await using var desk = Desk();

        var run = await desk.Intake.RunAsync(new WindowSource([.. Enumerable.Range(0, 12).Select(i => Power(i))]));

        Assert.Equal((12, 12, 0, 0), (run.Read, run.Created, run.Rejected, run.Duplicates));
        var complaints = (await desk.Store.ListAsync(new ComplaintQuery())).OrderBy(c => c.SourceMessageId, StringComparer.Ordinal).ToList();
        Assert.Equal([.. Enumerable.Repeat(ComplaintStatus.New, 10), ComplaintStatus.HeldForReview, ComplaintStatus.HeldForReview], complaints.Select(c => c.Status));
        Assert.Equal(12, complaints.Select(c => c.Code).Distinct().Count());
        foreach (var held in complaints.Skip(10))
        {
            Assert.Null(held.DueAt);
            var ack = Assert.Single(await desk.RepliesAsync(held));
            Assert.Equal(OutboundMessageKind.Acknowledgement, ack.Kind);
            Assert.Equal($"Complaint {held.Code} registered. You have sent 10 or more complaints this month, so it is held for review by UPPCL, Lucknow before work starts.", ack.Text);
        }

        Assert.All(complaints.Take(10), c => Assert.Equal(Some.Now.AddDays(21), c.DueAt));
    }

    [Fact]
    public async Task RunAsync_LimitOff_NothingIsHeld()
    {
        await using var desk = new LifecycleTestDesk();

        await desk.Intake.RunAsync(new WindowSource([.. Enumerable.Range(0, 12).Select(i => Power(i))]));

        Assert.All(await desk.Store.ListAsync(new ComplaintQuery()), c => Assert.Equal(ComplaintStatus.New, c.Status));
        Assert.Equal(0, desk.Services.GetRequiredService<IOptions<CitizenLimitOptions>>().Value.MonthlyLimit);
    }

    [Fact]
    public async Task ProcessAsync_WomenSafetyBeyondTheLimit_IsNeverHeldEvenWhenNotListedAsExempt()
    {
        await using var desk = Desk(o => o.MonthlyLimit = 1);
        await desk.Intake.ProcessAsync(Power(0));
        await desk.Intake.ProcessAsync(Power(1));

        var result = await desk.Intake.ProcessAsync(WomenSafety(2));

        var complaint = (await desk.Store.GetAsync(result.ComplaintId!.Value))!;
        Assert.Equal(("women-safety", ComplaintStatus.New), (complaint.Category.Value, complaint.Status));
        Assert.Equal(Some.Now.AddHours(24), complaint.DueAt);
    }

    [Fact]
    public async Task ProcessAsync_ExemptCategoryAndAccount_AreNotHeld()
    {
        await using var desk = Desk(o =>
        {
            o.MonthlyLimit = 1;
            o.ExemptAccounts.Add("1700000000000000009");
            o.ExemptCategories.Add("power-outage");
        });

        await desk.Intake.ProcessAsync(Power(0));
        await desk.Intake.ProcessAsync(Power(1));
        await desk.Intake.ProcessAsync(Power(2, "1700000000000000009"));
        await desk.Intake.ProcessAsync(Power(3, "1700000000000000009"));

        Assert.All(await desk.Store.ListAsync(new ComplaintQuery()), c => Assert.Equal(ComplaintStatus.New, c.Status));
    }

    [Fact]
    public async Task ProcessAsync_HeldHindiComplaint_AcknowledgesInHindiWithTheCode()
    {
        await using var desk = Desk(o => o.MonthlyLimit = 1);
        await desk.Intake.ProcessAsync(Power(0));

        var result = await desk.Intake.ProcessAsync(Power(1, language: "hi"));

        var ack = Assert.Single(await desk.Outbox.ListForComplaintAsync(result.ComplaintId!.Value));
        Assert.StartsWith($"शिकायत {result.Code} दर्ज की गई।", ack.Text, StringComparison.Ordinal);
        Assert.Contains("1 या अधिक", ack.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldComplaint_NoTimeLimitUntilReleased_ThenDueFromTheRelease()
    {
        await using var desk = Desk(o => o.MonthlyLimit = 1);
        await desk.Intake.ProcessAsync(Power(0));
        var held = (await desk.Store.GetAsync((await desk.Intake.ProcessAsync(Power(1))).ComplaintId!.Value))!;

        desk.Time.Advance(TimeSpan.FromDays(30));
        await desk.Monitor.RunOnceAsync();
        var untouched = await desk.GetAsync(held);
        Assert.Equal((ComplaintStatus.HeldForReview, 0, (DateTimeOffset?)null), (untouched.Status, untouched.Version, untouched.DueAt));
        Assert.DoesNotContain(desk.Officers.Notices, n => n.ComplaintId == held.Id);
        Assert.DoesNotContain(await desk.Monitor.GetDefaultersAsync(ComplaintScope.StateOversight("SP-1", "audit")), d => d.Codes.Contains(held.Code.Value));

        var released = await desk.Service.ReleaseAsync(held.Id, "SDO-4");

        Assert.Equal((ComplaintStatus.New, desk.Time.GetUtcNow(), desk.Time.GetUtcNow().AddDays(21)), (released.Status, released.SlaStartedAt!.Value, released.DueAt!.Value));
        var trail = await desk.Store.GetAuditTrailAsync(held.Id);
        Assert.Equal([AuditActions.Created, AuditActions.Held, AuditActions.Released], trail.Select(e => e.Action));
        Assert.Equal((ComplaintStatus.HeldForReview, ComplaintStatus.New, "SDO-4", desk.Time.GetUtcNow()), (trail[2].FromStatus!.Value, trail[2].ToStatus!.Value, trail[2].Actor, trail[2].At));
        var notice = (await desk.RepliesAsync(held))[^1];
        Assert.Equal($"Complaint {held.Code} has been accepted and sent to UPPCL, Lucknow. Expected by 18 Jan 2027.", notice.Text);

        desk.Time.Advance(TimeSpan.FromDays(22));
        await desk.Monitor.RunOnceAsync();
        Assert.True((await desk.GetAsync(held)).EscalationLevel > 0);
    }

    [Fact]
    public async Task Release_NotHeld_ThrowsNamingTheStates()
    {
        await using var desk = Desk();
        var complaint = await desk.NewComplaintAsync();

        var ex = await Assert.ThrowsAsync<ComplaintTransitionException>(() => desk.Service.ReleaseAsync(complaint.Id, "SDO-4"));

        Assert.Equal(ComplaintStatus.New, ex.From);
        Assert.Contains("HeldForReview", ex.Message, StringComparison.Ordinal);
        var argument = await Assert.ThrowsAsync<ArgumentException>(() => desk.Service.ReleaseAsync(complaint.Id, " "));
        Assert.Equal("actor", argument.ParamName);
    }

    [Fact]
    public async Task StatusQuery_Held_SaysHeldForReview()
    {
        await using var desk = Desk(o => o.MonthlyLimit = 1);
        await desk.Intake.ProcessAsync(Power(0));
        var held = await desk.Intake.ProcessAsync(Power(1));

        var query = await desk.Intake.ProcessAsync(Some.Message($"@UPPCL_Sample status {held.Code}", "1960000000000099999", "UPPCL_Sample"));

        var reply = (await desk.Outbox.ListForComplaintAsync(held.ComplaintId!.Value))[^1];
        Assert.Equal(IntakeOutcome.StatusQuery, query.Outcome);
        Assert.StartsWith($"Complaint {held.Code}: held for review", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthOf_IndianTime_StartsAtMidnightIstNotUtc()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        var (start, end) = CitizenLimiter.MonthOf(new DateTimeOffset(2026, 11, 30, 18, 31, 0, TimeSpan.Zero), zone);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 30, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 18, 30, 0, TimeSpan.Zero), end);
        Assert.Equal(start, CitizenLimiter.MonthOf(start, zone).Start);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 18, 30, 0, TimeSpan.Zero), CitizenLimiter.MonthOf(start.AddTicks(-1), zone).Start);
    }

    [Fact]
    public async Task ProcessAsync_AcrossTheIndianMonthBoundary_CountStartsAgain()
    {
        await using var desk = Desk(o => o.MonthlyLimit = 2);
        desk.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 18, 29, 0, TimeSpan.Zero));
        await desk.Intake.ProcessAsync(Power(0));
        await desk.Intake.ProcessAsync(Power(1));
        var third = await desk.Intake.ProcessAsync(Power(2));
        desk.Time.Advance(TimeSpan.FromMinutes(1));

        var fourth = await desk.Intake.ProcessAsync(Power(3));

        Assert.Equal(ComplaintStatus.HeldForReview, (await desk.Store.GetAsync(third.ComplaintId!.Value))!.Status);
        Assert.Equal(ComplaintStatus.New, (await desk.Store.GetAsync(fourth.ComplaintId!.Value))!.Status);
    }

    [Fact]
    public async Task ProcessAsync_OtherCitizen_CountsSeparately()
    {
        await using var desk = Desk(o => o.MonthlyLimit = 1);
        await desk.Intake.ProcessAsync(Power(0));

        var otherCitizen = await desk.Intake.ProcessAsync(Power(1, "1700000000000000002"));

        Assert.Equal(ComplaintStatus.New, (await desk.Store.GetAsync(otherCitizen.ComplaintId!.Value))!.Status);
    }

    /// <summary>
    /// Two workers storing the same citizen's complaints at once: each counts what is committed when its group looks the
    /// citizen up, so together they may let through more than the limit (advisory, documented); nothing is dropped, and
    /// the next complaint after both commits is held.
    /// </summary>
    [Fact]
    public async Task RunAsync_TwoWorkersAtOnce_CountIsAdvisoryNothingIsLostAndTheNextIsHeld()
    {
        var barrier = new LookupBarrier(2);
        await using var desk = Desk(extra: b => b.Services.Replace(ServiceDescriptor.Singleton<IComplaintLifecycleStore>(sp =>
            new BarrierLifecycleStore(sp.GetRequiredService<InMemoryComplaintStore>(), barrier))));
        var first = ActivatorUtilities.CreateInstance<IntakePipeline>(desk.Services);
        var second = ActivatorUtilities.CreateInstance<IntakePipeline>(desk.Services);

        var runs = await Task.WhenAll(
            first.RunAsync(new WindowSource([.. Enumerable.Range(0, 6).Select(i => Power(i))])),
            second.RunAsync(new WindowSource([.. Enumerable.Range(6, 6).Select(i => Power(i))])));
        barrier.Open();
        var next = await desk.Intake.ProcessAsync(Power(12));

        Assert.Equal([6, 6], runs.Select(r => r.Created));
        var complaints = await desk.Store.ListAsync(new ComplaintQuery());
        Assert.Equal(13, complaints.Count);
        Assert.Equal(12, complaints.Count(c => c.Status == ComplaintStatus.New));
        Assert.Equal(ComplaintStatus.HeldForReview, complaints.Single(c => c.Id == next.ComplaintId).Status);
    }

    [Fact]
    public void Options_Invalid_FailAtStartup()
    {
        using var provider = TestServices.Create(b => b.ConfigureCitizenLimits(o =>
        {
            o.MonthlyLimit = -1;
            o.HeldAcknowledgementTemplateHindi = "समीक्षाधीन";
            o.ExemptAccounts.Add("@rwa_sector18");
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MonthlyLimit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HeldAcknowledgementTemplateHindi", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'@rwa_sector18' looks like a handle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureCitizenLimits_Section_BindsAndRejectsUnknownKeys()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["L:MonthlyLimit"] = "10",
            ["L:ExemptAccounts:0"] = "1700000000000000009",
        }).Build();
        using var provider = TestServices.Create(b => b.ConfigureCitizenLimits(config.GetSection("L")));
        var options = provider.GetRequiredService<IOptions<CitizenLimitOptions>>().Value;
        Assert.Equal((10, "1700000000000000009"), (options.MonthlyLimit, options.ExemptAccounts.Single()));

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["L:MonthlyLimt"] = "10" }).Build();
        using var badProvider = TestServices.Create(b => b.ConfigureCitizenLimits(bad.GetSection("L")));
        Assert.Throws<InvalidOperationException>(() => badProvider.GetRequiredService<IOptions<CitizenLimitOptions>>().Value);

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => CitizenLimitGrievanceBuilderExtensions.ConfigureCitizenLimits(null!, o => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGrievance().ConfigureCitizenLimits((Action<CitizenLimitOptions>)null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGrievance().ConfigureCitizenLimits((IConfigurationSection)null!)).ParamName);
    }

    private sealed class WindowSource(params InboundMessage[] messages) : IComplaintSource
    {
        public string Name => "test:window:" + messages[0].ExternalId;

        public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (checkpoint is null)
            {
                yield return new InboundBatch { Messages = messages, Checkpoint = "end" };
            }
        }
    }

    /// <summary>Holds each per-citizen lookup, after it read the store, until the expected number of lookups arrived (or it is opened).</summary>
    private sealed class LookupBarrier(int parties)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) >= parties)
            {
                _all.TrySetResult();
            }

            return _all.Task;
        }

        public void Open() => _all.TrySetResult();
    }

    private sealed class BarrierLifecycleStore(InMemoryComplaintStore inner, LookupBarrier barrier) : IComplaintLifecycleStore
    {
        public async Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default)
        {
            var list = await inner.ListByComplainantAsync(channel, platformId, cancellationToken);
            await barrier.ArriveAsync();
            return list;
        }

        public Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default) => inner.CommitLifecycleAsync(commit, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => inner.ListSlaDueAsync(now, max, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default) => inner.ListForRetentionAsync(closedBefore, max, cancellationToken);

        public Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default) => inner.EraseAsync(erased, expectedVersion, audit, cancellationToken);
    }
}
