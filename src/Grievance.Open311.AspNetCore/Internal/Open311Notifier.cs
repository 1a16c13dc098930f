using Grievance.Notifications;

namespace Grievance.Open311.Internal;

/// <summary>
/// The channel's notifier. Open311 has no way to write to a citizen: the answer to the POST carries the service request id
/// (the complaint code) and clients read the status with GET. Messages queued for the channel (the acknowledgement, status
/// replies, notices) are therefore settled as delivered by that answer and that feed, not left failing in the outbox.
/// </summary>
internal sealed class Open311Notifier : ICitizenNotifier
{
    public string Channel => Open311Options.Channel;

    public Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult("open311:" + message.Id.ToString("N"));
    }
}
