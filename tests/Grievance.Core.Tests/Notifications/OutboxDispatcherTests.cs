using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Core.Tests.Notifications;

public class OutboxDispatcherTests
{
    private readonly ScriptedNotifier _notifier = new();
    private readonly ServiceProvider _services;

    public OutboxDispatcherTests()
    {
        _services = TestServices.Create(b =>
        {
            b.Services.AddSingleton(_notifier);
            b.AddNotifier<ScriptedNotifierAdapter>();
        }, o => o.MaxDeliveryAttempts = 3);
    }

    private IOutboxDispatcher Dispatcher => _services.GetRequiredService<IOutboxDispatcher>();

    private IOutboxStore Outbox => _services.GetRequiredService<IOutboxStore>();

    private async Task QueueAsync(int count)
    {
        var pipeline = _services.GetRequiredService<IIntakePipeline>();
        for (var i = 0; i < count; i++)
        {
            await pipeline.ProcessAsync(Some.Message());
        }
    }

    [Fact]
    public async Task DispatchAsync_SendsEveryPendingMessageOnceAndRecordsTheChannelId()
    {
        await QueueAsync(3);

        var result = await Dispatcher.DispatchAsync();
        var again = await Dispatcher.DispatchAsync();

        Assert.Equal(3, result.Sent);
        Assert.Equal(0, again.Sent);
        Assert.Equal(3, _notifier.Sent.Count);
        Assert.Empty(await Outbox.GetPendingAsync(10));
    }

    [Fact]
    public async Task DispatchAsync_RateLimited_StopsTheRoundWithoutCountingAnAttempt()
    {
        await QueueAsync(3);
        _notifier.Script.Enqueue(null);
        _notifier.Script.Enqueue(new CitizenNotificationException("limited") { RetryAfter = TimeSpan.FromMinutes(4) });

        var result = await Dispatcher.DispatchAsync();

        Assert.Equal(1, result.Sent);
        Assert.Equal(TimeSpan.FromMinutes(4), result.RetryAfter);
        var pending = await Outbox.GetPendingAsync(10);
        Assert.Equal(2, pending.Count);
        Assert.All(pending, m => Assert.Equal(0, m.Attempts));
    }

    [Fact]
    public async Task DispatchAsync_TransientFailures_RetryUntilMaxAttemptsThenFailVisibly()
    {
        await QueueAsync(1);
        for (var i = 0; i < 3; i++)
        {
            _notifier.Script.Enqueue(new HttpRequestException("boom"));
        }

        var first = await Dispatcher.DispatchAsync();
        var second = await Dispatcher.DispatchAsync();
        var third = await Dispatcher.DispatchAsync();

        Assert.Equal((1, 0), (first.Retrying, first.Failed));
        Assert.Equal((1, 0), (second.Retrying, second.Failed));
        Assert.Equal((0, 1), (third.Retrying, third.Failed));
        Assert.Empty(await Outbox.GetPendingAsync(10));
        var complaint = Assert.Single(await _services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
        var failed = Assert.Single(await Outbox.ListForComplaintAsync(complaint.Id));
        Assert.Equal(OutboundMessageStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(nameof(HttpRequestException), failed.LastError);
    }

    [Fact]
    public async Task DispatchAsync_PermanentFailure_FailsAtOnceAndKeepsTheReason()
    {
        await QueueAsync(1);
        _notifier.Script.Enqueue(new CitizenNotificationException("possibly sent; reconcile") { IsPermanent = true });

        var result = await Dispatcher.DispatchAsync();

        Assert.Equal(1, result.Failed);
        var complaint = Assert.Single(await _services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
        Assert.Equal("possibly sent; reconcile", Assert.Single(await Outbox.ListForComplaintAsync(complaint.Id)).LastError);
    }

    [Fact]
    public async Task DispatchAsync_ChannelWithoutNotifier_FailsVisibly()
    {
        await _services.GetRequiredService<IIntakePipeline>().ProcessAsync(Some.Message() with { Channel = Channels.Web });

        var result = await Dispatcher.DispatchAsync();

        Assert.Equal(1, result.Failed);
        Assert.Empty(_notifier.Sent);
    }

    [Fact]
    public async Task DispatchAsync_NonPositiveMax_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Dispatcher.DispatchAsync(0));
    }

    public sealed class ScriptedNotifier
    {
        public Queue<Exception?> Script { get; } = new();

        public List<OutboundMessage> Sent { get; } = [];
    }

    private sealed class ScriptedNotifierAdapter(ScriptedNotifier script) : ICitizenNotifier
    {
        public string Channel => Channels.X;

        public Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            if (script.Script.TryDequeue(out var error) && error is not null)
            {
                throw error;
            }

            script.Sent.Add(message);
            return Task.FromResult("sent-" + script.Sent.Count);
        }
    }
}
