using Grievance.Twitter.Diagnostics.Internal;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Grievance.Twitter.Http.Internal;

/// <summary>
/// Logs each X request by its endpoint key (<see cref="TwitterEndpoints"/>, such as <c>dm.send</c>), never by its URL: the default HTTP client logger writes the full path, which for direct messages and user lookups carries a
/// citizen's user id or handle. It replaces the HTTP client factory's loggers on the X clients.
/// </summary>
internal sealed class TwitterHttpLogger(ILoggerFactory loggers) : IHttpClientLogger
{
    /// <summary>The category the X requests are logged under.</summary>
    public const string Category = "Grievance.Twitter.Http";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var endpoint = TwitterRequestInfo.KeyOf(request).Endpoint;
            Log.HttpRequestCompleted(logger, endpoint, (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        // The exception's type only: a message may quote the request's URL.
        var endpoint = TwitterRequestInfo.KeyOf(request).Endpoint;
        Log.HttpRequestFailed(logger, endpoint, response is null ? null : (int)response.StatusCode, exception.GetType().Name, elapsed.TotalMilliseconds);
    }
}
