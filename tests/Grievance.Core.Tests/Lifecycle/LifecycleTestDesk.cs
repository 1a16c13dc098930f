using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Lifecycle;
using Grievance.Notifications;
using Grievance.Sla;
using Grievance.Storage;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Core.Tests.Lifecycle;

/// <summary>A desk on a fake clock: intake, the service, the monitor and a recording officer notifier.</summary>
internal sealed class LifecycleTestDesk : IAsyncDisposable
{
    public LifecycleTestDesk(Action<IGrievanceBuilder>? extra = null)
    {
        Services = TestServices.Create(
            b =>
            {
                b.Services.Replace(ServiceDescriptor.Singleton<IOfficerNotifier>(Officers));
                extra?.Invoke(b);
            },
            time: Time);
    }

    public FakeTimeProvider Time { get; } = new(Some.Now);

    public RecordingOfficerNotifier Officers { get; } = new();

    public ServiceProvider Services { get; }

    public IComplaintService Service => Services.GetRequiredService<IComplaintService>();

    public ISlaMonitor Monitor => Services.GetRequiredService<ISlaMonitor>();

    public IComplaintStore Store => Services.GetRequiredService<IComplaintStore>();

    public IOutboxStore Outbox => Services.GetRequiredService<IOutboxStore>();

    public IIntakePipeline Intake => Services.GetRequiredService<IIntakePipeline>();

    /// <summary>A new power complaint from Lucknow (English) or a Hindi one, by citizen 9001.</summary>
    public async Task<Complaint> NewComplaintAsync(bool hindi = false, string? text = null, string author = "9001")
    {
        var message = Some.Message(text ?? (hindi ? "@UPPCL_Sample लखनऊ में कल रात से बिजली नहीं है" : "@UPPCL_Sample no electricity in Lucknow since last night"), addressed: "UPPCL_Sample")
            with { Language = hindi ? "hi" : "en", Author = new Complainant { PlatformId = author, Handle = "citizen_" + author } };
        var result = await Intake.ProcessAsync(message);
        Assert.Equal(IntakeOutcome.Created, result.Outcome);
        return (await Store.GetAsync(result.ComplaintId!.Value))!;
    }

    public async Task<Complaint> GetAsync(Complaint complaint) => (await Store.GetAsync(complaint.Id))!;

    public async Task<IReadOnlyList<OutboundMessage>> RepliesAsync(Complaint complaint) => await Outbox.ListForComplaintAsync(complaint.Id);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

internal sealed class RecordingOfficerNotifier : IOfficerNotifier
{
    private readonly TaskCompletionSource<OfficerNotice> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<OfficerNotice> Notices { get; } = [];

    public Task<OfficerNotice> First => _first.Task;

    public Task NotifyAsync(OfficerNotice notice, CancellationToken cancellationToken = default)
    {
        lock (Notices)
        {
            Notices.Add(notice);
        }

        _first.TrySetResult(notice);

        return Task.CompletedTask;
    }
}
