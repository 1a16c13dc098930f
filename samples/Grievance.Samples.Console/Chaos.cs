using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.Twitter.Http;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Console;

/// <summary>
/// <c>--chaos</c>: the demo feed served through faults on a fake clock (429s with reset headers, 5xx, timeouts, a
/// duplicate-content refusal, a duplicate delivery, an edited post, a retweet). The host loop below waits out every
/// reset by moving the fake clock, as a worker would sleep, so the run takes seconds and ends with the same complaints.
/// </summary>
public static class Chaos
{
    /// <summary>Scripts the faults and adds an edit of one complaint (same complaint, a new post id).</summary>
    /// <param name="fake">The fake X, already seeded with the demo feed.</param>
    /// <param name="clock">The fake clock the fake and the services run on.</param>
    /// <param name="edited">The post a citizen edits.</param>
    public static void Arrange(FakeXApi fake, FakeTimeProvider clock, FakeXPost edited)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(edited);
        fake.Faults.AdvanceClockWhileHanging = clock.Advance;
        foreach (var kind in new[] { FakeXFaultKind.RateLimited, FakeXFaultKind.ServiceUnavailable, FakeXFaultKind.Timeout, FakeXFaultKind.ServerError })
        {
            fake.Faults.Script(kind, FakeXFaultTarget.Reads);
        }

        foreach (var kind in new[] { FakeXFaultKind.TimeoutAfterPosting, FakeXFaultKind.DuplicateContent, FakeXFaultKind.RateLimited, FakeXFaultKind.Timeout, FakeXFaultKind.ServiceUnavailable })
        {
            fake.Faults.Script(kind, FakeXFaultTarget.Posts);
        }

        // A citizen edits their complaint: X delivers it again under a new id whose edit history starts with the original.
        fake.EditPost(edited.Id, edited.Text + " (edited: still waiting)");
    }

    /// <summary>Runs intake and dispatch until both are through the faults, moving the fake clock over every wait.</summary>
    /// <param name="services">The services.</param>
    /// <param name="clock">The fake clock.</param>
    /// <param name="cancellationToken">The token to cancel the run.</param>
    /// <returns>The intake runs and the last dispatch round.</returns>
    public static async Task<(IReadOnlyList<IntakeRunResult> Runs, OutboxDispatchResult? Dispatch)> RunAsync(IServiceProvider services, FakeTimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var runs = new List<IntakeRunResult>();
        foreach (var source in services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    runs.Add(await pipeline.RunAsync(source, cancellationToken));
                    break;
                }
                catch (TwitterRateLimitExceededException ex) when (attempt < 20)
                {
                    clock.Advance(ex.RetryAfter + TimeSpan.FromSeconds(1));
                }
                catch (Exception ex) when (attempt < 20 && ex is TwitterApiException or HttpRequestException or TaskCanceledException)
                {
                    clock.Advance(TimeSpan.FromMinutes(1));
                }
            }
        }

        OutboxDispatchResult? dispatch = null;
        var outbox = services.GetRequiredService<IOutboxStore>();
        for (var round = 0; round < 50 && (await outbox.GetPendingAsync(1, cancellationToken)).Count > 0; round++)
        {
            dispatch = await services.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000, cancellationToken);
            clock.Advance((dispatch.RetryAfter ?? TimeSpan.Zero) + TimeSpan.FromMinutes(2));
        }

        return (runs, dispatch);
    }
}
