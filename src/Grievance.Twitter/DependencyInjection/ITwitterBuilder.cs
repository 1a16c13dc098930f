using Grievance.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Twitter.DependencyInjection;

/// <summary>Returned by <c>AddTwitter</c>: shapes the X channel's HTTP client.</summary>
public interface ITwitterBuilder
{
    /// <summary>Gets the Grievance builder the channel was added to.</summary>
    IGrievanceBuilder Grievance { get; }

    /// <summary>Gets the builder of the typed X API client, to add resilience handlers, proxies or a test handler.</summary>
    IHttpClientBuilder HttpClient { get; }
}
