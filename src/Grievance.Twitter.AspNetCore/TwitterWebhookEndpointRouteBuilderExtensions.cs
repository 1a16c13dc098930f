using Grievance.Twitter.AspNetCore.Internal;
using Grievance.Twitter.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

#pragma warning disable IDE0130 // Endpoint mapping extensions live where ASP.NET Core hosts look for them.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the X Account Activity webhook.</summary>
public static class TwitterWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps X's webhook at <paramref name="pattern"/>: <c>GET ?crc_token=…</c> answers the CRC challenge;
    /// <c>POST</c> verifies <c>x-twitter-webhooks-signature</c> over the raw body and processes the delivery through the
    /// intake pipeline before answering 200. A missing signature is 401, a wrong one 403, a body that is not a delivery
    /// 400 and one over <see cref="Grievance.Twitter.Webhooks.TwitterWebhookOptions.MaxBodyBytes"/> 413; nothing is
    /// processed then. A failure while storing propagates (5xx), so no delivery is acknowledged that was not stored.
    /// Needs <c>AddTwitter(...).AddWebhooks()</c>. The endpoints take no authorization of their own: the signature is the check.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, for example <c>/webhooks/x</c>; X requires HTTPS and no port in the registered URL.</param>
    /// <returns>A builder to add conventions (host filters, rate limiting) to both endpoints.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">Webhooks were not added (<c>AddWebhooks()</c>).</exception>
    public static IEndpointConventionBuilder MapTwitterWebhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (endpoints.ServiceProvider.GetService(typeof(ITwitterWebhookHandler)) is null)
        {
            throw new InvalidOperationException("MapTwitterWebhook needs the webhook handler: call AddTwitter(...).AddWebhooks() when registering services.");
        }

        var group = endpoints.MapGroup(pattern);
        group.MapGet(string.Empty, TwitterWebhookEndpoints.CrcAsync).WithName("TwitterWebhookCrc").ExcludeFromDescription();
        group.MapPost(string.Empty, TwitterWebhookEndpoints.DeliveryAsync).WithName("TwitterWebhookDelivery").ExcludeFromDescription();
        return group;
    }
}
