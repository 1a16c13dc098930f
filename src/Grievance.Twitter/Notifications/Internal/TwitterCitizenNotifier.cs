using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Notifications.Internal;

/// <summary>
/// Sends outbox messages as replies in the citizen's thread. A post is never blindly re-sent: a timeout, a dropped
/// connection after the request went out, or X's duplicate-content refusal mean "possibly published", so after X's
/// indexing delay the desk account's posts are searched for the reply; found, it counts as sent with that id; not found,
/// it is sent once more. A message whose earlier attempt failed is looked for before it is sent again. Direct messages
/// and hide actions take their own paths and are never posted publicly.
/// </summary>
internal sealed partial class TwitterCitizenNotifier : ICitizenNotifier
{
    private static readonly TimeSpan UsageCappedPause = TimeSpan.FromHours(1);
    private static readonly TimeSpan ConfigurationPause = TimeSpan.FromMinutes(15);

    private readonly ITwitterApiClient _client;
    private readonly IOptionsMonitor<TwitterOptions> _options;
    private readonly TimeProvider _time;
    private readonly TwitterMetrics _metrics;
    private readonly ILogger<TwitterCitizenNotifier> _logger;

    public TwitterCitizenNotifier(ITwitterApiClient client, IOptionsMonitor<TwitterOptions> options, TimeProvider time, TwitterMetrics metrics, ILogger<TwitterCitizenNotifier> logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    public string Channel => Channels.X;

    public async Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == OutboundMessageKind.DirectMessage)
        {
            return await SendDirectMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }

        if (message.Kind == OutboundMessageKind.HideReply)
        {
            return await HideAsync(message, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(message.InReplyToExternalId))
        {
            throw new CitizenNotificationException("Only replies in the citizen's thread can be sent on X: the message has no post to reply to.") { IsPermanent = true };
        }

        // An earlier attempt failed, perhaps after X published the reply: look before posting again.
        if (message.Attempts > 0 && await FindAsync(message, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return Reconciled(message, "found", earlier);
        }

        try
        {
            return await PostAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (PossiblySentException first)
        {
            Log.ReplyPossiblySent(_logger, message.Id);
            if (await FindAfterIndexingAsync(message, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return Reconciled(message, "found", found);
            }

            if (first.DuplicateContent)
            {
                // X holds a post with this text but does not show it as our reply here: sending again would be refused again.
                _metrics.Reconciled("failed");
                throw new CitizenNotificationException("X refused the reply as duplicate content and no such reply is visible in the thread; left for an operator.", first.InnerException) { IsPermanent = true };
            }

            try
            {
                return Reconciled(message, "resent", await PostAsync(message, cancellationToken).ConfigureAwait(false));
            }
            catch (PossiblySentException second)
            {
                if (await FindAfterIndexingAsync(message, cancellationToken).ConfigureAwait(false) is { } late)
                {
                    return Reconciled(message, "found", late);
                }

                _metrics.Reconciled("failed");
                throw new CitizenNotificationException("The reply may have been published twice over and is still not visible; left for an operator, not sent again.", second.InnerException) { IsPermanent = true };
            }
        }
    }

    private string Reconciled(OutboundMessage message, string outcome, string tweetId)
    {
        _metrics.Reconciled(outcome);
        Log.ReplyReconciled(_logger, message.Id, outcome, tweetId);
        Log.ReplyPosted(_logger, message.Id, tweetId);
        return tweetId;
    }

    private async Task<string?> FindAfterIndexingAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var delay = _options.CurrentValue.Governor.ReplyReconcileDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }

        return await FindAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> FindAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.FindReplyAsync(message.InReplyToExternalId!, message.Text, message.FromAccount, cancellationToken).ConfigureAwait(false);
        }
        catch (TwitterRateLimitExceededException ex)
        {
            throw new CitizenNotificationException("X rate limit reached while looking for a possibly published reply; it is looked for again before any resend.", ex) { RetryAfter = ex.RetryAfter };
        }
        catch (Exception ex) when (ex is TwitterApiException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Not permanent: the failed attempt is counted, so the next attempt looks again before posting.
            throw new CitizenNotificationException("Could not look for a possibly published reply; it is looked for again before any resend.", ex);
        }
    }

    private async Task<string> PostAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var id = await _client.PostReplyAsync(message.Text, message.InReplyToExternalId!, message.FromAccount, cancellationToken).ConfigureAwait(false);
            Log.ReplyPosted(_logger, message.Id, id);
            return id;
        }
        catch (TwitterRateLimitExceededException ex)
        {
            throw new CitizenNotificationException(ex is TwitterSpendCapExceededException ? "Daily X spend cap reached." : "X rate limit for posts reached.", ex) { RetryAfter = ex.RetryAfter };
        }
        catch (TwitterUsageCappedException ex)
        {
            throw new CitizenNotificationException("X usage cap reached; replies wait until it is raised or renewed.", ex) { RetryAfter = UsageCappedPause };
        }
        catch (TwitterConfigurationException ex)
        {
            // Every reply would fail the same way: stop the round and keep the messages rather than burn their attempts.
            throw new CitizenNotificationException($"X refused the reply because of the app's configuration ({ex.ProblemType ?? ((int?)ex.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture)}).", ex) { RetryAfter = ConfigurationPause };
        }
        catch (TwitterApiException ex) when (ex.IsDuplicateContent)
        {
            throw new PossiblySentException(ex, duplicateContent: true);
        }
        catch (TwitterApiException ex) when (ex.StatusCode is { } status && (int)status is >= 400 and < 500)
        {
            throw new CitizenNotificationException($"X refused the reply with {(int)status} ({ex.ProblemType ?? "no problem type"}).", ex) { IsPermanent = true };
        }
        catch (TwitterApiException ex) when (ex.StatusCode is { } status && (int)status >= 500)
        {
            throw new CitizenNotificationException($"X failed with {(int)status}; will look for the reply and retry.", ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new CitizenNotificationException("Could not connect to X; the reply was not sent and will be retried.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new PossiblySentException(ex, duplicateContent: false);
        }
    }

    /// <summary>The post may have been published: a timeout, a broken connection after sending, or a duplicate-content refusal.</summary>
    private sealed class PossiblySentException(Exception inner, bool duplicateContent) : Exception("The reply may have been published.", inner)
    {
        public bool DuplicateContent { get; } = duplicateContent;
    }
}
