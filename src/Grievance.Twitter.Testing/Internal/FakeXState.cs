namespace Grievance.Twitter.Testing.Internal;

internal sealed record FakeXState(
    Dictionary<string, FakeXUser> UsersById,
    Dictionary<string, FakeXUser> UsersByName,
    Dictionary<string, string> UserTokens,
    List<FakeXPost> Posts,
    List<FakeXCreatedPost> Created,
    List<FakeXRequest> Requests,
    Queue<FakeXPartialError> PartialErrors,
    FakeXApi Api);

internal sealed record FakeXPartialError(string ResourceId);

/// <summary>Request windows (15 minutes unless told) per endpoint and account, on the fake's clock.</summary>
internal sealed class FakeXRateLimits(TimeProvider time)
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(15);
    private readonly Dictionary<string, (DateTimeOffset Reset, int Used)> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts a request; returns the window state after it and whether it was allowed. Call under the fake's lock.</summary>
    public (bool Allowed, int Limit, int Remaining, DateTimeOffset Reset) Take(string key, int limit, TimeSpan? length = null)
    {
        var now = time.GetUtcNow();
        if (!_windows.TryGetValue(key, out var window) || now >= window.Reset)
        {
            window = (now + (length ?? s_window), 0);
        }

        if (window.Used >= limit)
        {
            _windows[key] = window;
            return (false, limit, 0, window.Reset);
        }

        window.Used++;
        _windows[key] = window;
        return (true, limit, limit - window.Used, window.Reset);
    }
}
