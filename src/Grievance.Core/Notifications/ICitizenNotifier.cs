namespace Grievance.Notifications;

/// <summary>Sends outbox messages to citizens on one channel.</summary>
public interface ICitizenNotifier
{
    /// <summary>Gets the channel this notifier sends on.</summary>
    string Channel { get; }

    /// <summary>Sends one message.</summary>
    /// <param name="message">The message to send.</param>
    /// <param name="cancellationToken">The token to cancel the send.</param>
    /// <returns>The channel's id of the sent message.</returns>
    Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
