using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;
using Microsoft.Extensions.Logging;

namespace Grievance.Twitter.Notifications.Internal;

/// <summary>
/// Sends outbox messages as replies in the citizen's thread. A post is never blindly re-sent: a timeout, a dropped
/// connection after the request went out, or X's duplicate-content refusal mean "possibly published", so the message
/// is marked failed (visible) rather than retried.
/// </summary>
internal sealed class TwitterCitizenNotifier : ICitizenNotifier
{
    private readonly ITwitterApiClient _client;
    private readonly ILogger<TwitterCitizenNotifier> _logger;

    public TwitterCitizenNotifier(ITwitterApiClient client, ILogger<TwitterCitizenNotifier> logger)
    {
        _client = client;
        _logger = logger;
    }

    public string Channel => Channels.X;

    public async Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.InReplyToExternalId))
        {
            throw new CitizenNotificationException("Only replies in the citizen's thread can be sent on X: the message has no post to reply to.") { IsPermanent = true };
        }

        try
        {
            var id = await _client.PostReplyAsync(message.Text, message.InReplyToExternalId, message.FromAccount, cancellationToken).ConfigureAwait(false);
            Log.ReplyPosted(_logger, message.Id, id);
            return id;
        }
        catch (TwitterRateLimitExceededException ex)
        {
            throw new CitizenNotificationException("X rate limit for posts reached.", ex) { RetryAfter = ex.RetryAfter };
        }
        catch (TwitterApiException ex) when (ex.IsDuplicateContent)
        {
            throw new CitizenNotificationException("X refused the reply as duplicate content: possibly sent already; reconcile before resending.", ex) { IsPermanent = true };
        }
        catch (TwitterApiException ex) when (ex.StatusCode is { } status && (int)status is >= 400 and < 500)
        {
            throw new CitizenNotificationException($"X refused the reply with {(int)status} ({ex.ProblemType ?? "no problem type"}).", ex) { IsPermanent = true };
        }
        catch (TwitterApiException ex) when (ex.StatusCode is { } status && (int)status >= 500)
        {
            throw new CitizenNotificationException($"X failed with {(int)status}; will retry.", ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new CitizenNotificationException("Could not connect to X; the reply was not sent and will be retried.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CitizenNotificationException("The reply request failed after it was sent (timeout or broken connection): possibly published; reconcile before resending.", ex) { IsPermanent = true };
        }
    }
}
