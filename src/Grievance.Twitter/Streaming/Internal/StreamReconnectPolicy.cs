namespace Grievance.Twitter.Streaming.Internal;

/// <summary>Why the filtered stream has to be opened again.</summary>
internal enum StreamFailure
{
    /// <summary>An established connection ended (closed, broken, or silent for the stall timeout) after data or a heartbeat arrived.</summary>
    Dropped,

    /// <summary>A TCP/IP-level failure: the connection could not be made, or broke before anything arrived.</summary>
    Network,

    /// <summary>X answered the connection with an HTTP error other than 429.</summary>
    Http,

    /// <summary>X answered 429.</summary>
    RateLimited,
}

/// <summary>
/// X's documented reconnection schedule for the filtered stream: reconnect at once after an established connection drops;
/// if that fails, back off by cause: network errors linearly by 250 ms up to 16 s; HTTP errors exponentially from 5 s,
/// doubling, up to 320 s; 429 exponentially from 60 s, doubling. X states no ceiling for 429; this policy stops doubling
/// at 960 s, past one 15-minute rate-limit window. A successful connection resets every schedule. Not thread-safe.
/// </summary>
internal sealed class StreamReconnectPolicy
{
    internal static readonly TimeSpan NetworkStep = TimeSpan.FromMilliseconds(250);
    internal static readonly TimeSpan NetworkMax = TimeSpan.FromSeconds(16);
    internal static readonly TimeSpan HttpFirst = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan HttpMax = TimeSpan.FromSeconds(320);
    internal static readonly TimeSpan RateLimitFirst = TimeSpan.FromSeconds(60);
    internal static readonly TimeSpan RateLimitMax = TimeSpan.FromSeconds(960);

    private int _network;
    private int _http;
    private int _rateLimited;

    /// <summary>The connection is established: every schedule starts over.</summary>
    public void Connected()
    {
        _network = 0;
        _http = 0;
        _rateLimited = 0;
    }

    /// <summary>How long to wait before the next attempt after <paramref name="failure"/>.</summary>
    public TimeSpan NextDelay(StreamFailure failure)
    {
        switch (failure)
        {
            case StreamFailure.Dropped:
                return TimeSpan.Zero;
            case StreamFailure.Network:
                _network++;
                return Min(NetworkStep * _network, NetworkMax);
            case StreamFailure.Http:
                return Min(HttpFirst * Math.Pow(2, Math.Min(_http++, 16)), HttpMax);
            case StreamFailure.RateLimited:
                return Min(RateLimitFirst * Math.Pow(2, Math.Min(_rateLimited++, 16)), RateLimitMax);
            default:
                throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure.");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
