using Grievance.Intake;
using Grievance.Storage;
using Grievance.Twitter.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Worker;

/// <summary>
/// Polls every desk account's mentions through the intake pipeline, one pass every <see cref="WorkerOptions.PollInterval"/>,
/// backing off exponentially (up to <see cref="WorkerOptions.MaxBackoff"/>, or X's reset time) after failed passes. Each
/// account is polled only while holding its source lease, so across instances sharing PostgreSQL one instance polls it.
/// Stopping cancels the pass in flight: the pipeline commits complaint, audit and reply together and moves the account's
/// cursor only after that commit, so the next start reads again what was not committed and stores nothing twice.
/// </summary>
internal sealed class MentionsPollerService(
    IIntakePipeline pipeline,
    IEnumerable<IComplaintSourceProvider> providers,
    ISourceLeaseProvider leases,
    WorkerStatus status,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<MentionsPollerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sources = providers.SelectMany(p => p.GetSources()).ToList();
        Log.Started(logger, sources.Count, options.Value.X, options.Value.Store);
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            var retryAfter = TimeSpan.Zero;
            foreach (var source in sources)
            {
                try
                {
                    await PollAsync(source, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (TwitterRateLimitExceededException ex)
                {
                    failed = true;
                    retryAfter = ex.RetryAfter > retryAfter ? ex.RetryAfter : retryAfter;
                    Log.PollFailed(logger, source.Name, ex.GetType().Name, ex.RetryAfter);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The exception's message is not logged: X's error texts can quote posts or handles.
                    failed = true;
                    Log.PollFailed(logger, source.Name, ex.GetType().Name, options.Value.PollInterval);
                }
            }

            status.RecordPass(failed);
            var delay = NextDelay(options.Value, status.FailedPollPasses, retryAfter);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The wait before the next pass: the interval, doubled per failed pass in a row up to the cap, and never shorter than X's reset.</summary>
    internal static TimeSpan NextDelay(WorkerOptions options, int failedPasses, TimeSpan retryAfter)
    {
        var delay = options.PollInterval;
        for (var i = 0; i < failedPasses && delay < options.MaxBackoff; i++)
        {
            delay *= 2;
        }

        delay = delay > options.MaxBackoff ? options.MaxBackoff : delay;
        return retryAfter > delay ? retryAfter : delay;
    }

    private async Task PollAsync(IComplaintSource source, CancellationToken stoppingToken)
    {
        await using var lease = await leases.TryAcquireAsync(source.Name, stoppingToken);
        if (lease is null)
        {
            // Another instance polls this account; that is a healthy state for this one.
            Log.HeldElsewhere(logger, source.Name);
            status.RecordPoll(source.Name, time.GetUtcNow());
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
        IntakeRunResult result;
        try
        {
            result = await pipeline.RunAsync(source, linked.Token);
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Log.LeaseLost(logger, source.Name);
            return;
        }

        status.RecordPoll(source.Name, time.GetUtcNow());
        if (result.Read == 0)
        {
            Log.PolledNothing(logger, source.Name);
        }
        else
        {
            Log.Polled(logger, source.Name, result.Read, result.Created, result.FollowUps, result.Duplicates, result.Rejected);
        }

        if (result.Created + result.FollowUps + result.StatusQueries > 0)
        {
            status.WakeDispatcher();
        }
    }
}
