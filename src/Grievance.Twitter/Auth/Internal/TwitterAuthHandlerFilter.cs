using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Grievance.Twitter.Auth.Internal;

/// <summary>
/// Puts <see cref="TwitterAuthHandler"/> innermost in the X clients' pipelines (the typed client and the filtered stream's), right on top of the primary handler and
/// below every handler the host adds and below the factory's request logger. So the logger never sees an
/// <c>Authorization</c> header (its structured state carries header values unredacted), and a retry handler the host
/// adds re-enters authentication, giving each attempt a fresh OAuth 1.0a nonce and timestamp or a refreshed token.
/// </summary>
internal sealed class TwitterAuthHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    /// <summary>The typed client's name, as <c>AddHttpClient&lt;ITwitterApiClient, …&gt;</c> gives it.</summary>
    public const string ClientName = nameof(Http.ITwitterApiClient);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (builder.Name is ClientName or Streaming.Internal.TwitterFilteredStreamSource.HttpClientName)
            {
                var auth = builder.Services.GetRequiredService<TwitterAuthHandler>();
                auth.InnerHandler = builder.PrimaryHandler;
                builder.PrimaryHandler = auth;
            }
        };
    }
}
