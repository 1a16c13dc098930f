using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Grievance.Twitter.Http.Internal;

/// <summary>
/// Retries of transient read failures through Microsoft.Extensions.Http.Resilience: <c>GET</c> only (a post that
/// failed may have been published, so posts are never retried), on 5xx, 408, timeouts and broken connections, with
/// exponential backoff and jitter on the host's <see cref="TimeProvider"/>. 429 is the governor's business.
/// </summary>
internal static class TwitterReadRetries
{
    public static void AddTwitterReadRetries(this IHttpClientBuilder http) =>
        http.AddResilienceHandler("grievance-x-reads", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<TwitterOptions>>().CurrentValue.Governor;
            if (options.ReadRetries == 0)
            {
                return;
            }

            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                Delay = options.ReadRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
            };
            retry.DisableForUnsafeHttpMethods();
            pipeline.AddRetry(retry);
        });

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome.Exception switch
    {
        HttpRequestException => true,
        OperationCanceledException { InnerException: TimeoutException } => !cancellationToken.IsCancellationRequested,
        null => outcome.Result is { } response && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout),
        _ => false,
    };
}
