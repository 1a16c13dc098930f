using System.Globalization;
using Grievance.Notifications;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;

namespace Grievance.Twitter.Notifications.Internal;

internal sealed partial class TwitterCitizenNotifier
{
    /// <summary>The <see cref="CitizenNotificationException"/> message when X does not let the desk hide the reply.</summary>
    internal const string ReplyNotHideable =
        "X lets a desk account hide replies only in conversations it started (or the reply is gone); the reply stays visible. Nothing else is affected.";

    /// <summary>
    /// Hides the citizen's reply that exposes personal data (<c>PUT /2/tweets/:id/hidden</c>) as the addressed desk account.
    /// Hiding is idempotent, so a timeout or server error is simply retried. X refuses (403) replies in conversations the
    /// desk did not start, which is the usual case for a citizen's own complaint thread: a permanent, expected failure.
    /// </summary>
    private async Task<string> HideAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.InReplyToExternalId))
        {
            throw new CitizenNotificationException("A hide action needs the id of the reply to hide.") { IsPermanent = true };
        }

        var tweetId = message.InReplyToExternalId;
        try
        {
            await _client.HideReplyAsync(tweetId, hidden: true, message.FromAccount, cancellationToken).ConfigureAwait(false);
            Log.ReplyHidden(_logger, message.Id, tweetId);
            return tweetId;
        }
        catch (TwitterRateLimitExceededException ex)
        {
            throw new CitizenNotificationException(ex is TwitterSpendCapExceededException ? "Daily X spend cap reached." : "X rate limit for hiding replies reached.", ex) { RetryAfter = ex.RetryAfter };
        }
        catch (TwitterUsageCappedException ex)
        {
            throw new CitizenNotificationException("X usage cap reached; hiding waits until it is raised or renewed.", ex) { RetryAfter = UsageCappedPause };
        }
        catch (TwitterConfigurationException ex)
        {
            throw new CitizenNotificationException($"X refused to hide the reply because of the app's configuration ({ex.ProblemType ?? ((int?)ex.StatusCode)?.ToString(CultureInfo.InvariantCulture)}).", ex) { RetryAfter = ConfigurationPause };
        }
        catch (TwitterApiException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            Log.ReplyNotHideable(_logger, message.Id, tweetId, (int)ex.StatusCode!.Value);
            throw new CitizenNotificationException(ReplyNotHideable, ex) { IsPermanent = true };
        }
        catch (TwitterApiException ex) when (ex.StatusCode is { } status && (int)status is >= 400 and < 500)
        {
            throw new CitizenNotificationException($"X refused to hide the reply with {(int)status} ({ex.ProblemType ?? "no problem type"}).", ex) { IsPermanent = true };
        }
        catch (Exception ex) when (ex is TwitterApiException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CitizenNotificationException("Could not hide the reply on X; hiding is safe to repeat and will be retried.", ex);
        }
    }
}
