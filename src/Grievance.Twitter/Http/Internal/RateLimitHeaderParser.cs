using System.Globalization;
using System.Net.Http.Headers;

namespace Grievance.Twitter.Http.Internal;

/// <summary>Reads X's <c>x-rate-limit-limit</c>, <c>-remaining</c> and <c>-reset</c> (Unix seconds) headers. The one place they are parsed.</summary>
internal static class RateLimitHeaderParser
{
    public static TwitterRateLimit? Parse(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (TryGetLong(headers, "x-rate-limit-limit", out var limit)
            && TryGetLong(headers, "x-rate-limit-remaining", out var remaining)
            && TryGetLong(headers, "x-rate-limit-reset", out var reset)
            && reset is >= 0 and <= 253402300799)
        {
            return new TwitterRateLimit((int)Math.Clamp(limit, 0, int.MaxValue), (int)Math.Clamp(remaining, 0, int.MaxValue), DateTimeOffset.FromUnixTimeSeconds(reset));
        }

        return null;
    }

    /// <summary>Reads the 24-hour window: <c>x-user-limit-24hour-*</c> (user context, posts) or else <c>x-app-limit-24hour-*</c>.</summary>
    public static TwitterRateLimit? ParseDaily(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return ParseWith(headers, "x-user-limit-24hour-") ?? ParseWith(headers, "x-app-limit-24hour-");
    }

    /// <summary>How long until <paramref name="reset"/>, never negative.</summary>
    public static TimeSpan RetryAfter(DateTimeOffset reset, TimeProvider time)
    {
        var wait = reset - time.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static TwitterRateLimit? ParseWith(HttpResponseHeaders headers, string prefix)
    {
        if (TryGetLong(headers, prefix + "limit", out var limit)
            && TryGetLong(headers, prefix + "remaining", out var remaining)
            && TryGetLong(headers, prefix + "reset", out var reset)
            && reset is >= 0 and <= 253402300799)
        {
            return new TwitterRateLimit((int)Math.Clamp(limit, 0, int.MaxValue), (int)Math.Clamp(remaining, 0, int.MaxValue), DateTimeOffset.FromUnixTimeSeconds(reset));
        }

        return null;
    }

    private static bool TryGetLong(HttpResponseHeaders headers, string name, out long value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>Keeps the latest rate-limit state per endpoint, and the governor's budgets per endpoint and auth context.</summary>
internal sealed partial class RateLimitTracker : ITwitterRateLimitProvider
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TwitterRateLimit> _latest = new(StringComparer.Ordinal);

    public TwitterRateLimit? GetLatest(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _latest.GetValueOrDefault(endpoint);
    }

    public void Update(string endpoint, TwitterRateLimit? limit)
    {
        if (limit is not null)
        {
            _latest[endpoint] = limit;
        }
    }
}
