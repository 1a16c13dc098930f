using Grievance.Diagnostics.Internal;
using Grievance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Notifications.Internal;

/// <summary>Sends pending outbox messages; a rate limit ends the round, other failures are retried up to a limit and then kept as failed.</summary>
internal sealed class OutboxDispatcher : IOutboxDispatcher
{
    private readonly IOutboxStore _outbox;
    private readonly Dictionary<string, ICitizenNotifier> _notifiers;
    private readonly IOptionsMonitor<GrievanceOptions> _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(IOutboxStore outbox, IEnumerable<ICitizenNotifier> notifiers, IOptionsMonitor<GrievanceOptions> options, ILogger<OutboxDispatcher> logger)
    {
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

        foreach (var message in await _outbox.ClaimPendingAsync(maxMessages, _options.CurrentValue.OutboxLease, cancellationToken).ConfigureAwait(false))
        {
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
                // The channel is rate limited: this message and the rest stay pending (their claims lapse), no attempt is counted.
                Log.DeliveryDeferred(_logger, message.Channel, wait);
                return new OutboxDispatchResult { Sent = sent, Retrying = retrying, Failed = failed, RetryAfter = wait };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var permanent = ex is CitizenNotificationException { IsPermanent: true } || message.Attempts + 1 >= maxAttempts;
                var error = ex is CitizenNotificationException ? ex.Message : ex.GetType().Name;
                await _outbox.MarkFailedAsync(message.Id, error, permanent, cancellationToken).ConfigureAwait(false);
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
}
