using Grievance.Intake;
using Grievance.Notifications;

namespace Grievance.Samples.Portal;

/// <summary>
/// The citizen web form's reply channel. The citizen gets the code on the page they submitted and follows the complaint
/// on the public status page; a department's portal would send these replies by e-mail or SMS here. The sample records
/// them as delivered, so officers see every reply on the complaint page.
/// </summary>
internal sealed class WebReplyNotifier : ICitizenNotifier
{
    public string Channel => Channels.Web;

    public Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult($"web-{message.Id:N}");
    }
}
