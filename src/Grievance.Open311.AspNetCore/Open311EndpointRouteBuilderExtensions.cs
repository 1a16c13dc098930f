using Grievance.Open311.Internal;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable IDE0130 // Endpoint mapping extensions live where ASP.NET Core hosts look for them.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the Open311 GeoReport v2 endpoints.</summary>
public static class Open311EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GeoReport v2 under <paramref name="prefix"/>, each in JSON and XML (<c>.json</c>, <c>.xml</c>):
    /// <c>GET services</c>, <c>GET requests</c> (<c>service_request_id</c>, <c>service_code</c>, <c>status</c>,
    /// <c>start_date</c>/<c>end_date</c>), <c>GET requests/{service_request_id}</c> and <c>POST requests</c> (form-encoded,
    /// <c>api_key</c> required, into the intake pipeline). Requests show public fields only. Errors come in the spec's shape.
    /// Needs <c>AddGrievance(...).AddOpen311(...)</c>. The endpoints are public and take no authorization of their own (posting
    /// checks the API key); in an app with a fallback authorization policy, call <c>AllowAnonymous()</c> on the returned group.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The route prefix.</param>
    /// <returns>The group of the endpoints, to add conventions to (rate limiting, CORS, host filters).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">Open311 was not added (<c>AddOpen311(...)</c>).</exception>
    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder endpoints, string prefix = "/open311/v2")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        // Asks whether the services are registered without building them: invalid options then fail at start-up, with the reasons.
        if (endpoints.ServiceProvider.GetService(typeof(IServiceProviderIsService)) is IServiceProviderIsService services && !services.IsService(typeof(Open311Catalog)))
        {
            throw new InvalidOperationException("MapOpen311 needs the Open311 services: call AddGrievance(...).AddOpen311(...) when registering services.");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapGet("services.{format}", Open311Endpoints.ServicesAsync).WithName("Open311Services");
        group.MapGet("requests.{format}", Open311Endpoints.RequestsAsync).WithName("Open311Requests");
        group.MapGet("requests/{id}.{format}", Open311Endpoints.RequestAsync).WithName("Open311Request");

        // Clients authenticate with api_key, not cookies: a host's antiforgery has nothing to protect here.
        group.MapPost("requests.{format}", Open311Endpoints.PostAsync).WithName("Open311PostRequest").DisableAntiforgery();
        return group;
    }
}
