using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Lifecycle;
using Grievance.Storage;
using Grievance.Storage.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Grievance.Core.Tests.Lifecycle;

/// <summary>Issue 9, point 5: a citizen's rejected messages are personal data too, erased on request and after the retention period.</summary>
public class RejectionErasureTests
{
    private const string Thanks = "Thank you @UPPCL_Sample, the transformer was replaced within 2 hours. Great work!";

    private static InboundMessage ThanksFrom(string citizen, string name) =>
        Some.Message(Thanks, addressed: "UPPCL_Sample") with { Author = new Complainant { PlatformId = citizen, Handle = "citizen_" + citizen, DisplayName = name } };

    private static async Task<Rejection> RejectionOfAsync(LifecycleTestDesk desk, string externalId) =>
        (await desk.Store.ListRejectionsAsync()).Single(r => r.ExternalId == externalId);

    [Fact]
    public async Task EraseCitizen_ComplaintAndRejectedMessages_ErasesBothOthersKeepTheirsAndLogsOnlyIdsAndCounts()
    {
        var logs = new FakeLogCollector();
        await using var desk = new LifecycleTestDesk(b => b.Services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        var complaint = await desk.NewComplaintAsync();
        var mine = ThanksFrom("9001", "Asha Singh");
        var others = ThanksFrom("7777", "Meena Gupta");
        Assert.Equal(IntakeOutcome.Rejected, (await desk.Intake.ProcessAsync(mine)).Outcome);
        Assert.Equal(IntakeOutcome.Rejected, (await desk.Intake.ProcessAsync(others)).Outcome);

        var count = await desk.Service.EraseCitizenAsync(Channels.X, "9001", "DPO-1", "request DPDP-17");

        Assert.Equal(1, count);
        Assert.NotNull((await desk.GetAsync(complaint)).ErasedAt);
        var erased = await RejectionOfAsync(desk, mine.ExternalId);
        Assert.Null(erased.Message);
        Assert.Equal((RejectionKind.NotAGrievance, Channels.X), (erased.Kind, erased.Channel));
        Assert.NotEmpty(erased.Reasons);
        Assert.Equal("Meena Gupta", (await RejectionOfAsync(desk, others.ExternalId)).Message?.Author.DisplayName);

        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1301 && r.Message.Contains(complaint.Code.Value, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Id.Id == 1307 && r.Message == "Personal data of 1 rejected messages on channel x erased on request.");
        foreach (var personal in new[] { "citizen_9001", "Asha Singh", "transformer", "electricity", "request DPDP-17" })
        {
            Assert.DoesNotContain(records, r => r.Message.Contains(personal, StringComparison.Ordinal)
                || (r.StructuredState ?? []).Any(kv => (kv.Value ?? string.Empty).Contains(personal, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task SlaMonitor_RetentionPeriod_ErasesRejectedMessagesOnlyOnceOlderThanIt()
    {
        await using var desk = new LifecycleTestDesk(b => b.ConfigureLifecycle(o => o.RetentionAfterClosure = TimeSpan.FromDays(30)));
        var old = ThanksFrom("9001", "Asha Singh");
        await desk.Intake.ProcessAsync(old);
        desk.Time.Advance(TimeSpan.FromDays(10));
        var recent = ThanksFrom("7777", "Meena Gupta");
        await desk.Intake.ProcessAsync(recent);

        desk.Time.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).RejectionsErased);
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await desk.Monitor.RunOnceAsync()).RejectionsErased);
        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).RejectionsErased);

        Assert.Null((await RejectionOfAsync(desk, old.ExternalId)).Message);
        Assert.Equal(Thanks, (await RejectionOfAsync(desk, recent.ExternalId)).Message?.Text);
    }

    [Fact]
    public async Task SlaMonitor_RetentionZero_KeepsRejectedMessages()
    {
        await using var desk = new LifecycleTestDesk(b => b.ConfigureLifecycle(o => o.RetentionAfterClosure = TimeSpan.Zero));
        var message = ThanksFrom("9001", "Asha Singh");
        await desk.Intake.ProcessAsync(message);
        desk.Time.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(0, (await desk.Monitor.RunOnceAsync()).RejectionsErased);
        Assert.Equal(Thanks, (await RejectionOfAsync(desk, message.ExternalId)).Message?.Text);
    }

    /// <summary>
    /// A department's own store written before rejected messages could be erased still compiles; a request to erase a
    /// citizen erases the complaints and then says clearly that the rejected messages were not, and the monitor warns
    /// and carries on.
    /// </summary>
    [Fact]
    public async Task CustomStoreWithoutRejectionErasure_RequestFailsClearlyAfterErasingComplaints_MonitorWarnsAndCarriesOn()
    {
        var logs = new FakeLogCollector();
        await using var desk = new LifecycleTestDesk(b =>
        {
            b.Services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs)));
            b.Services.Replace(ServiceDescriptor.Singleton<IComplaintLifecycleStore>(sp => new OriginalMembersOnlyStore(sp.GetRequiredService<InMemoryComplaintStore>())));
            b.ConfigureLifecycle(o => o.RetentionAfterClosure = TimeSpan.FromDays(30));
        });
        var complaint = await desk.NewComplaintAsync();
        await desk.Intake.ProcessAsync(ThanksFrom("9001", "Asha Singh"));

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => desk.Service.EraseCitizenAsync(Channels.X, "9001", "DPO-1", "request DPDP-17"));

        Assert.Contains("OriginalMembersOnlyStore", refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IComplaintLifecycleStore.EraseRejectionsAsync), refused.Message, StringComparison.Ordinal);
        Assert.NotNull((await desk.GetAsync(complaint)).ErasedAt);

        desk.Time.Advance(TimeSpan.FromDays(31));
        var run = await desk.Monitor.RunOnceAsync();
        Assert.Equal(0, run.RejectionsErased);
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1309);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("OriginalMembersOnlyStore", warning.Message, StringComparison.Ordinal);
    }

    /// <summary>A lifecycle store that implements only the members the interface had before rejections could be erased.</summary>
    private sealed class OriginalMembersOnlyStore(InMemoryComplaintStore inner) : IComplaintLifecycleStore
    {
        public Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default) => inner.CommitLifecycleAsync(commit, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => inner.ListSlaDueAsync(now, max, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default) => inner.ListByComplainantAsync(channel, platformId, cancellationToken);

        public Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default) => inner.ListForRetentionAsync(closedBefore, max, cancellationToken);

        public Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default) => inner.EraseAsync(erased, expectedVersion, audit, cancellationToken);
    }
}
