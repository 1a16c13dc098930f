namespace Grievance.Twitter.Testing;

/// <summary>A fault the fake X can serve instead of a normal answer.</summary>
public enum FakeXFaultKind
{
    /// <summary>429 with <c>x-rate-limit-*</c> headers whose remaining is 0 and whose reset lies <see cref="FakeXFaultPlan.RateLimitResetAfter"/> ahead.</summary>
    RateLimited = 0,

    /// <summary>429 with the 24-hour headers (<c>x-user-limit-24hour-*</c> on posts, <c>x-app-limit-24hour-*</c> on reads) at 0.</summary>
    DailyCapReached = 1,

    /// <summary>429 with X's <c>usage-capped</c> problem body; it does not clear at the reset.</summary>
    UsageCapped = 2,

    /// <summary>500 Internal Server Error.</summary>
    ServerError = 3,

    /// <summary>503 Service Unavailable.</summary>
    ServiceUnavailable = 4,

    /// <summary>The request is not handled and the response never completes until the client cancels (its timeout).</summary>
    Timeout = 5,

    /// <summary>On <c>POST /2/tweets</c>: the post is published but the response never completes until the client cancels. On reads, as <see cref="Timeout"/>.</summary>
    TimeoutAfterPosting = 6,

    /// <summary>
    /// On <c>POST /2/tweets</c>: the post is published (as by an earlier attempt whose answer was lost) and this request is
    /// refused with X's duplicate-content 403, body exactly as X sends it. On reads, no fault.
    /// </summary>
    DuplicateContent = 7,
}

/// <summary>Which requests a fault applies to.</summary>
public enum FakeXFaultTarget
{
    /// <summary>Every request.</summary>
    Any = 0,

    /// <summary>Reads (<c>GET</c>).</summary>
    Reads = 1,

    /// <summary><c>POST /2/tweets</c>.</summary>
    Posts = 2,
}

/// <summary>
/// Faults the fake X serves, scripted (the next matching requests) or at random from a seed, so a run can be repeated
/// exactly. Used in process and through <see cref="FakeXServer"/> alike. Thread-safe.
/// </summary>
public sealed class FakeXFaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<(FakeXFaultKind Kind, FakeXFaultTarget Target)> _scripted = [];
    private readonly Dictionary<FakeXFaultKind, int> _injected = [];
    private Random? _random;
    private double _probability;
    private FakeXFaultKind[] _randomKinds = [];
    private FakeXFaultTarget _randomTarget;

    internal FakeXFaultPlan()
    {
    }

    /// <summary>Gets the seed of the random faults, when <see cref="UseRandom"/> was called; log it so a failing run can be repeated.</summary>
    public int? Seed { get; private set; }

    /// <summary>Gets or sets how far ahead the reset of an injected 429 lies.</summary>
    /// <value>The default value is 15 minutes, X's window.</value>
    public TimeSpan RateLimitResetAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Gets or sets a callback run when a request hangs (a timeout fault), with <see cref="HangClockAdvance"/>: give it a fake
    /// clock's <c>Advance</c> so the client's timeout on that clock fires without real waiting.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the request hangs until the client cancels it.</value>
    public Action<TimeSpan>? AdvanceClockWhileHanging { get; set; }

    /// <summary>Gets or sets how far <see cref="AdvanceClockWhileHanging"/> moves the clock; more than the client's request timeout.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan HangClockAdvance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets how many faults of each kind were served.</summary>
    public IReadOnlyDictionary<FakeXFaultKind, int> Injected
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<FakeXFaultKind, int>(_injected);
            }
        }
    }

    /// <summary>Gets how many faults were served in all.</summary>
    public int TotalInjected
    {
        get
        {
            lock (_gate)
            {
                return _injected.Values.Sum();
            }
        }
    }

    /// <summary>Serves <paramref name="kind"/> to the next request matching <paramref name="target"/> (faults queue up in order).</summary>
    /// <param name="kind">The fault.</param>
    /// <param name="target">Which requests it applies to.</param>
    /// <param name="count">How many matching requests in a row get it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public void Script(FakeXFaultKind kind, FakeXFaultTarget target = FakeXFaultTarget.Any, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scripted.Add((kind, target));
            }
        }
    }

    /// <summary>Serves a fault to each matching request with probability <paramref name="probability"/>, picked from <paramref name="kinds"/>, from a seeded generator.</summary>
    /// <param name="seed">The seed; the same seed and the same requests give the same faults.</param>
    /// <param name="probability">The chance of a fault per matching request, 0 to 1.</param>
    /// <param name="target">Which requests may get a fault.</param>
    /// <param name="kinds">The kinds to pick from, uniformly.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside 0 to 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="kinds"/> is empty.</exception>
    public void UseRandom(int seed, double probability, FakeXFaultTarget target, params FakeXFaultKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        if (kinds.Length == 0)
        {
            throw new ArgumentException("Name at least one fault kind.", nameof(kinds));
        }

        lock (_gate)
        {
            Seed = seed;
            _random = new Random(seed);
            _probability = probability;
            _randomKinds = [.. kinds];
            _randomTarget = target;
        }
    }

    /// <summary>Stops random faults and drops scripted ones not yet served; the counts stay.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _random = null;
            _scripted.Clear();
        }
    }

    /// <summary>Picks the fault for a request, if any, and counts it.</summary>
    internal FakeXFaultKind? Next(bool isPost)
    {
        lock (_gate)
        {
            var index = _scripted.FindIndex(s => Matches(s.Target, isPost));
            FakeXFaultKind? kind = null;
            if (index >= 0)
            {
                kind = _scripted[index].Kind;
                _scripted.RemoveAt(index);
            }
            else if (_random is not null && Matches(_randomTarget, isPost))
            {
                // Both draws are taken on every matching request, so the sequence depends only on the seed and the requests.
                var roll = _random.NextDouble();
                var pick = _random.Next(_randomKinds.Length);
                if (roll < _probability)
                {
                    kind = _randomKinds[pick];
                }
            }

            if (kind is { } k && (isPost || k is not FakeXFaultKind.DuplicateContent))
            {
                _injected[k] = _injected.GetValueOrDefault(k) + 1;
                return k;
            }

            return null;
        }
    }

    private static bool Matches(FakeXFaultTarget target, bool isPost) => target switch
    {
        FakeXFaultTarget.Reads => !isPost,
        FakeXFaultTarget.Posts => isPost,
        _ => true,
    };
}
