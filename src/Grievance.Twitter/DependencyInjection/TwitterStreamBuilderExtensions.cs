using Grievance.Twitter;
using Grievance.Twitter.DependencyInjection;
using Grievance.Twitter.Http.Internal;
using Grievance.Twitter.Streaming;
using Grievance.Twitter.Streaming.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Builder extensions live beside IGrievanceBuilder so they are found with it.
namespace Grievance.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds the filtered-stream source to the X channel.</summary>
public static class TwitterStreamBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ITwitterFilteredStream"/>: the desk accounts' posts pushed by X as they are made (needs an app
    /// with filtered-stream access). It has its own <see cref="HttpClient"/> with no overall timeout; silence is caught
    /// by the stall timeout instead.
    /// </summary>
    /// <param name="builder">The X channel's builder.</param>
    /// <param name="configure">Configures the options; defaults follow X's recommendations.</param>
    /// <returns>The builder of the stream's HTTP client, to add a proxy or a test handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddFilteredStream(this ITwitterBuilder builder, Action<TwitterStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Grievance.Services;
        var options = services.AddOptionsWithValidateOnStart<TwitterStreamOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwitterStreamOptions>, TwitterStreamOptionsValidator>());
        services.TryAddSingleton<ITwitterFilteredStream, TwitterFilteredStreamSource>();
        services.TryAddSingleton<TwitterHttpLogger>();
        return services.AddHttpClient(TwitterFilteredStreamSource.HttpClientName, (sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<TwitterOptions>>().CurrentValue.BaseAddress;
            client.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllLoggers().AddLogger<TwitterHttpLogger>(wrapHandlersPipeline: true);
    }
}
