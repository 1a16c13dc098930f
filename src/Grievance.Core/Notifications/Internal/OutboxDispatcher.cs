using Grievance.Diagnostics.Internal;
using Grievance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Notifications.Internal;

/// <summary>
/// Sends pending outbox messages, highest priority first; a rate limit or spend cap ends the round and releases the rest
/// of the claim (no attempt counted), other failures are retried with exponential backoff and jitter up to a limit and
/// then kept as failed.
/// </summary>
internal sealed class OutboxDispatcher : IOutboxDispatcher
{
    private readonly IOutboxStore _outbox;
    private readonly Dictionary<string, ICitizenNotifier> _notifiers;
    private readonly IOptionsMonitor<GrievanceOptions> _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly TimeProvider _time;

    public OutboxDispatcher(IOutboxStore outbox, IEnumerable<ICitizenNotifier> notifiers, IOptionsMonitor<GrievanceOptions> options, ILogger<OutboxDispatcher> logger, TimeProvider time)
    {
        _time = time;
        _outbox = outbox;
        _notifiers = notifiers.ToDictionary(n => n.Channel, StringComparer.OrdinalIgnoreCase);
        _options = options;
        _logger = logger;
    }

    public async Task<OutboxDispatchResult> DispatchAsync(int maxMessages = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessages);
        var maxAttempts = _options.CurrentValue.MaxDeliveryAttempts;
        int sent = 0, retrying = 0, failed = 0;

        var claimed = await _outbox.ClaimPendingAsync(maxMessages, _options.CurrentValue.OutboxLease, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (!_notifiers.TryGetValue(message.Channel, out var notifier))
            {
                await _outbox.MarkFailedAsync(message.Id, $"No notifier is registered for channel '{message.Channel}'.", permanent: true, cancellationToken).ConfigureAwait(false);
                Log.DeliveryFailed(_logger, message.Id, message.ComplaintId.Value, message.Channel, message.Attempts + 1, permanent: true);
                failed++;
                continue;
            }

            try
            {
                var externalId = await notifier.SendAsync(message, cancellationToken).ConfigureAwait(false);
                await _outbox.MarkSentAsync(message.Id, externalId, cancellationToken).ConfigureAwait(false);
                Log.MessageSent(_logger, message.Id, message.ComplaintId.Value, message.Channel, message.Kind);
                sent++;
            }
            catch (CitizenNotificationException ex) when (ex.RetryAfter is { } wait && !ex.IsPermanent)
            {
                // The channel is rate limited or out of budget: this message and the rest stay pending, no attempt is
                // counted, and their claims are released so the next round takes the highest priorities first again.
                Log.DeliveryDeferred(_logger, message.Channel, wait);
                await _outbox.ReleaseAsync([.. claimed.Skip(i).Select(m => m.Id)], CancellationToken.None).ConfigureAwait(false);
                return new OutboxDispatchResult { Sent = sent, Retrying = retrying, Failed = failed, RetryAfter = wait };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var permanent = ex is CitizenNotificationException { IsPermanent: true } || message.Attempts + 1 >= maxAttempts;
                var error = ex is CitizenNotificationException ? ex.Message : ex.GetType().Name;
                if (permanent)
                {
                    await _outbox.MarkFailedAsync(message.Id, error, permanent: true, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _outbox.RetryLaterAsync(message.Id, error, _time.GetUtcNow() + Backoff(message.Attempts + 1, _options.CurrentValue), cancellationToken).ConfigureAwait(false);
                }

                Log.DeliveryFailed(_logger, message.Id, message.ComplaintId.Value, message.Channel, message.Attempts + 1, permanent);
                if (permanent)
                {
                    failed++;
                }
                else
                {
                    retrying++;
                }
            }
        }

        return new OutboxDispatchResult { Sent = sent, Retrying = retrying, Failed = failed };
    }

    /// <summary>
    /// The wait after the <paramref name="attempt"/>-th failed attempt: the retry delay doubled per earlier failure, capped,
    /// then "equal jitter" (half fixed, half random) so dispatchers that failed together do not retry together.
    /// </summary>
    internal static TimeSpan Backoff(int attempt, GrievanceOptions options)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ticks = Math.Min(options.OutboxRetryDelay.Ticks * (double)(1L << exponent), options.OutboxMaxRetryDelay.Ticks);
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        return TimeSpan.FromTicks((long)((ticks / 2) + (Random.Shared.NextDouble() * ticks / 2)));
#pragma warning restore CA5394
    }
}
