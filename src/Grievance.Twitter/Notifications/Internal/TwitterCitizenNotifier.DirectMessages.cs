using Grievance.Notifications;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;

namespace Grievance.Twitter.Notifications.Internal;

internal sealed partial class TwitterCitizenNotifier
{
    /// <summary>The <see cref="CitizenNotificationException"/> message when the citizen does not accept direct messages.</summary>
    internal const string DirectMessagesClosed =
        "The citizen does not accept direct messages from the desk account (X answered 403); ask them publicly to open their messages or follow the desk.";

    /// <summary>
    /// Sends a <see cref="OutboundMessageKind.DirectMessage"/> privately from the addressed desk account
    /// (<c>POST /2/dm_conversations/with/:participant_id/messages</c>); it is never posted publicly, whatever it replies to.
    /// A send that may have been delivered (a timeout, a server error) is not repeated: it fails for an operator.
    /// </summary>
    private async Task<string> SendDirectMessageAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await _client.SendDirectMessageAsync(message.RecipientId, message.Text, message.FromAccount, cancellationToken).ConfigureAwait(false);
            Log.DirectMessageSent(_logger, message.Id, sent.EventId);
            return sent.EventId;
        }
        catch (TwitterRateLimitExceededException ex)
        {
            throw new CitizenNotificationException(ex is TwitterSpendCapExceededException ? "Daily X spend cap reached." : "X rate limit for direct messages reached.", ex) { RetryAfter = ex.RetryAfter };
        }
        catch (TwitterUsageCappedException ex)
        {
            throw new CitizenNotificationException("X usage cap reached; direct messages wait until it is raised or renewed.", ex) { RetryAfter = UsageCappedPause };
        }
        catch (TwitterConfigurationException ex)
        {
            throw new CitizenNotificationException($"X refused the direct message because of the app's configuration ({ex.ProblemType ?? ((int?)ex.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture)}).", ex) { RetryAfter = ConfigurationPause };
        }
        catch (TwitterApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            Log.DirectMessageRefused(_logger, message.Id);
            throw new CitizenNotificationException(DirectMessagesClosed, ex) { IsPermanent = true };
        }
        catch (TwitterApiException ex) when (ex.StatusCode is { } status && (int)status is >= 400 and < 500)
        {
            throw new CitizenNotificationException($"X refused the direct message with {(int)status} ({ex.ProblemType ?? "no problem type"}).", ex) { IsPermanent = true };
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new CitizenNotificationException("Could not connect to X; the direct message was not sent and will be retried.", ex);
        }
        catch (Exception ex) when (ex is TwitterApiException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CitizenNotificationException("The direct message may have been delivered (timeout or server error); left for an operator, not sent again.", ex) { IsPermanent = true };
        }
    }
}
