using Grievance.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Worker;

/// <summary>
/// Sends queued replies: claims up to <see cref="WorkerOptions.DispatchBatchSize"/> at a time and goes on at once while
/// it sends; when the outbox is empty it waits <see cref="WorkerOptions.DispatchInterval"/> or until the poller queues
/// replies. Claims are leases in the store, so a reply claimed when the worker stops is sent after the next start (the
/// X client reconciles a reply X accepted but the store did not record, so it is not posted twice).
/// </summary>
internal sealed class OutboxDispatcherService(
    IOutboxDispatcher dispatcher,
    WorkerStatus status,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var passesBefore = status.PollPasses;
            TimeSpan wait;
            var idle = false;
            try
            {
                var result = await dispatcher.DispatchAsync(options.Value.DispatchBatchSize, stoppingToken);
                failures = 0;
                idle = result.Sent == 0 && result.Retrying == 0 && result.Failed == 0;
                if (!idle)
                {
                    Log.Dispatched(logger, result.Sent, result.Retrying, result.Failed);
                }

                if (result.Sent > 0)
                {
                    status.RecordDispatch(result.Sent, idle: false, passesBefore, waiting: false);
                    continue;
                }

                wait = result.RetryAfter is { } retry && retry < options.Value.DispatchInterval ? retry : options.Value.DispatchInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures++;
                wait = MentionsPollerService.NextDelay(
                    new WorkerOptions { PollInterval = options.Value.DispatchInterval, MaxBackoff = options.Value.MaxBackoff }, failures, TimeSpan.Zero);
                Log.DispatchFailed(logger, ex.GetType().Name, wait);
            }

            if (!await WaitAsync(wait, () => status.RecordDispatch(0, idle, passesBefore, waiting: true), stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>Waits for the interval or a wake-up from the poller; <paramref name="waiting"/> runs once the timer is set.</summary>
    /// <returns><see langword="false"/> when the worker is stopping.</returns>
    private async Task<bool> WaitAsync(TimeSpan wait, Action waiting, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            var delay = Task.Delay(wait, time, stop.Token);
            var wake = status.WaitForWakeAsync(stop.Token);
            waiting();
            await Task.WhenAny(delay, wake);
        }
        finally
        {
            await stop.CancelAsync();
        }

        return !stoppingToken.IsCancellationRequested;
    }
}
