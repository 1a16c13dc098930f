using System.Net;
using Grievance.Twitter.Testing.Internal;

namespace Grievance.Twitter.Testing;

/// <summary>The filtered stream: matching posts pushed as they are created, <c>\r\n</c> heartbeats on the fake's clock, disconnects on demand.</summary>
public sealed partial class FakeXApi
{
    private readonly List<FakeStreamConnection> _streams = [];
    private readonly List<FakeXStreamAttempt> _streamAttempts = [];
    private readonly Queue<HttpStatusCode> _streamFailures = new();
    private volatile bool _heartbeatsPaused;

    /// <summary>Gets or sets how many search requests a 15-minute window allows per token.</summary>
    /// <value>The default value is 450, X's app limit.</value>
    public int SearchRequestsPerWindow { get; set; } = 450;

    /// <summary>Gets or sets how many direct messages a 15-minute window allows per sender.</summary>
    /// <value>The default value is 200.</value>
    public int DirectMessagesPerWindow { get; set; } = 200;

    /// <summary>Gets or sets the interval of the stream's <c>\r\n</c> keep-alives (X sends one at least every 20 seconds).</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan StreamHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets a value indicating whether open streams stop sending heartbeats (and posts), to make the client detect a stall.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool StreamHeartbeatsPaused
    {
        get => _heartbeatsPaused;
        set => _heartbeatsPaused = value;
    }

    /// <summary>Gets every attempt to open the stream, with the fake's time and the status answered.</summary>
    public IReadOnlyList<FakeXStreamAttempt> StreamAttempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _streamAttempts];
            }
        }
    }

    /// <summary>Gets the number of open stream connections.</summary>
    public int OpenStreams
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>Makes the next stream connections fail with a status (for example 503 or 429), one per attempt.</summary>
    /// <param name="status">The status to answer.</param>
    /// <param name="count">How many attempts fail.</param>
    public void FailNextStreamConnections(HttpStatusCode status, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _streamFailures.Enqueue(status);
            }
        }
    }

    /// <summary>Ends every open stream, as X does on an operational disconnect.</summary>
    /// <param name="abruptly"><see langword="true"/> to break the connection (the client's read fails); <see langword="false"/> to end it cleanly.</param>
    public void DisconnectStreams(bool abruptly = false)
    {
        List<FakeStreamConnection> open;
        lock (_gate)
        {
            open = [.. _streams];
            _streams.Clear();
        }

        foreach (var stream in open)
        {
            stream.End(abruptly ? new IOException("The fake X broke the stream connection.") : null);
        }
    }

    internal Queue<HttpStatusCode> StreamFailuresLocked => _streamFailures;

    internal List<FakeXStreamAttempt> StreamAttemptsLocked => _streamAttempts;

    internal FakeStreamConnection OpenStreamLocked(HashSet<string> fields, HashSet<string> expansions)
    {
        var connection = new FakeStreamConnection(this, fields, expansions);
        _streams.Add(connection);
        return connection;
    }

    internal bool HasOpenStreamLocked => _streams.Count > 0;

    internal void CloseStream(FakeStreamConnection connection)
    {
        lock (_gate)
        {
            _streams.Remove(connection);
        }
    }

    /// <summary>Pushes a new post to every open stream whose rules it matches. Call under the lock.</summary>
    internal void PublishLocked(FakeXPost post)
    {
        if (_streams.Count == 0 || _rules.Count == 0)
        {
            return;
        }

        var state = new FakeXState(_usersById, _usersByName, _userTokens, _posts, _created, _requests, _partialErrors, this);
        var matching = _rules.Where(r => FakeQuery.TryParse(r.Value, out _)?.Matches(post, state) == true).ToList();
        if (matching.Count == 0)
        {
            return;
        }

        foreach (var stream in _streams)
        {
            stream.Write(FakeXHandler.StreamLine(state, post, stream.Fields, stream.Expansions, matching));
        }
    }
}

/// <summary>An attempt to open the filtered stream.</summary>
/// <param name="At">When, on the fake's clock.</param>
/// <param name="StatusCode">The status answered.</param>
public sealed record FakeXStreamAttempt(DateTimeOffset At, int StatusCode);
