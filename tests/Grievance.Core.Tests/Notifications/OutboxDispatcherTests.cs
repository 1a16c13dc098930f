using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Notifications.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Core.Tests.Notifications;

public class OutboxDispatcherTests
{
    private readonly ScriptedNotifier _notifier = new();
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly ServiceProvider _services;

    public OutboxDispatcherTests()
    {
        _services = TestServices.Create(b =>
        {
            b.Services.AddSingleton(_notifier);
            b.AddNotifier<ScriptedNotifierAdapter>();
        }, o => o.MaxDeliveryAttempts = 3, _time);
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

        // Regression (issue 9): retries back off exponentially (30 s, then 60 s, each with up to half as jitter).
        var first = await Dispatcher.DispatchAsync();
        _time.Advance(TimeSpan.FromSeconds(14));
        var tooEarly = await Dispatcher.DispatchAsync();
        _time.Advance(TimeSpan.FromSeconds(16));
        var second = await Dispatcher.DispatchAsync();
        _time.Advance(TimeSpan.FromSeconds(29));
        var tooEarlyAgain = await Dispatcher.DispatchAsync();
        _time.Advance(TimeSpan.FromSeconds(31));
        var third = await Dispatcher.DispatchAsync();

        Assert.Equal((1, 0), (first.Retrying, first.Failed));
        Assert.Equal((0, 0, 0), (tooEarly.Sent, tooEarly.Retrying, tooEarly.Failed));
        Assert.Equal((1, 0), (second.Retrying, second.Failed));
        Assert.Equal((0, 0, 0), (tooEarlyAgain.Sent, tooEarlyAgain.Retrying, tooEarlyAgain.Failed));
        Assert.Equal((0, 1), (third.Retrying, third.Failed));
        Assert.Equal(1, await Outbox.CountFailedAsync());
        Assert.Empty(await Outbox.GetPendingAsync(10));
        var complaint = Assert.Single(await _services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
        var failed = Assert.Single(await Outbox.ListForComplaintAsync(complaint.Id));
        Assert.Equal(OutboundMessageStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(nameof(HttpRequestException), failed.LastError);
    }

    [Theory]
    [InlineData(1, 15, 30)]
    [InlineData(2, 30, 60)]
    [InlineData(3, 60, 120)]
    [InlineData(8, 1800, 3600)]
    [InlineData(9, 1800, 3600)]
    [InlineData(1000, 1800, 3600)]
    public void Backoff_DoublesPerAttemptUpToTheCapWithEqualJitter(int attempt, int minSeconds, int maxSeconds)
    {
        var options = new GrievanceOptions();
        var waits = Enumerable.Range(0, 200).Select(_ => OutboxDispatcher.Backoff(attempt, options)).ToList();

        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds)));
        Assert.True(waits.Distinct().Count() > 1, "jitter spreads the retries");
    }

    [Fact]
    public async Task DispatchAsync_Deferred_ReleasesTheRestSoTheNextRoundTakesTheHighestPriorityFirst()
    {
        // Regression (issue 7): under a spend cap, women-safety acknowledgements go before the others, even queued later.
        await QueueAsync(2);
        var pipeline = _services.GetRequiredService<IIntakePipeline>();
        await pipeline.ProcessAsync(Some.Message("@Uppolice eve teasing and harassment of girls outside the college in Lucknow"));
        await pipeline.ProcessAsync(Some.Message("@Uppolice eve teasing and harassment of women at the bus stand in Lucknow"));
        _notifier.Script.Enqueue(null);
        _notifier.Script.Enqueue(new CitizenNotificationException("spend cap reached") { RetryAfter = TimeSpan.FromHours(1) });

        var capped = await Dispatcher.DispatchAsync();
        _time.Advance(TimeSpan.FromSeconds(1)); // well inside the lease: only released claims can be taken
        var next = await Dispatcher.DispatchAsync(2);

        Assert.Equal(1, capped.Sent);
        Assert.Equal(TimeSpan.FromHours(1), capped.RetryAfter);
        var complaints = await _services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery());
        var womenSafety = complaints.Where(c => c.Category.Value == "women-safety").Select(c => c.Id).ToHashSet();
        Assert.Equal(2, womenSafety.Count);
        Assert.Equal(2, next.Sent);
        Assert.Equal(3, _notifier.Sent.Count);
        Assert.All(_notifier.Sent.Take(2), m => Assert.Contains(m.ComplaintId, womenSafety));
        Assert.All(_notifier.Sent.Take(2), m => Assert.Equal((OutboundMessageKind.Acknowledgement, OutboundMessagePriority.Urgent), (m.Kind, m.Priority)));
        Assert.Equal(OutboundMessagePriority.Acknowledgement, _notifier.Sent[2].Priority);
        var left = Assert.Single(await Outbox.GetPendingAsync(10));
        Assert.Equal(OutboundMessagePriority.Acknowledgement, left.Priority);
        Assert.Equal(0, left.Attempts);
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
