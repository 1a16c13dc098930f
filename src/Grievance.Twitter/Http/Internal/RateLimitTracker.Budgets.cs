namespace Grievance.Twitter.Http.Internal;

/// <summary>One budget: an endpoint as seen from one auth context (<c>app</c>, or <c>user:</c> and the account's id).</summary>
internal readonly record struct BudgetKey(string Endpoint, string Auth);

/// <summary>The governor's state: the windows X reported per endpoint and auth context, and today's spend.</summary>
internal sealed partial class RateLimitTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<BudgetKey, (TwitterRateLimit? Window, TwitterRateLimit? Daily)> _budgets = [];
    private DateOnly _spendDay;
    private decimal _spent;

    /// <summary>Records the windows a response reported; a missing header leaves the earlier state.</summary>
    public void Record(BudgetKey key, TwitterRateLimit? window, TwitterRateLimit? daily)
    {
        Update(key.Endpoint, window);
        lock (_gate)
        {
            var current = _budgets.GetValueOrDefault(key);
            _budgets[key] = (window ?? current.Window, daily ?? current.Daily);
        }
    }

    /// <summary>Marks the 15-minute window spent until <paramref name="reset"/> (a 429 without headers).</summary>
    public void MarkExhausted(BudgetKey key, DateTimeOffset reset)
    {
        lock (_gate)
        {
            var current = _budgets.GetValueOrDefault(key);
            _budgets[key] = (new TwitterRateLimit(current.Window?.Limit ?? 0, 0, reset), current.Daily);
        }
    }

    /// <summary>How long to wait before the budget allows a request: until the latest reset of a spent window, or zero.</summary>
    public TimeSpan WaitBefore(BudgetKey key, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_budgets.TryGetValue(key, out var state))
            {
                return TimeSpan.Zero;
            }

            var wait = TimeSpan.Zero;
            foreach (var window in (ReadOnlySpan<TwitterRateLimit?>)[state.Window, state.Daily])
            {
                if (window is { Remaining: <= 0 } spent && spent.Reset > now && spent.Reset - now > wait)
                {
                    wait = spent.Reset - now;
                }
            }

            return wait;
        }
    }

    /// <summary>The budgets known, for metrics.</summary>
    public IReadOnlyList<(BudgetKey Key, TwitterRateLimit? Window, TwitterRateLimit? Daily)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _budgets.Select(b => (b.Key, b.Value.Window, b.Value.Daily))];
        }
    }

    /// <summary>Reserves <paramref name="cost"/> of today's (UTC) spend; refuses when it would pass <paramref name="cap"/>.</summary>
    public bool TrySpend(decimal cost, decimal? cap, DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            if (cap is { } limit && _spent + cost > limit)
            {
                return false;
            }

            _spent += cost;
            return true;
        }
    }

    /// <summary>Gives back a reservation whose request certainly was not billed.</summary>
    public void Refund(decimal cost, DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            _spent = Math.Max(0, _spent - cost);
        }
    }

    /// <summary>Gets what was spent today (UTC).</summary>
    public decimal SpentToday(DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            return _spent;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day != _spendDay)
        {
            _spendDay = day;
            _spent = 0;
        }
    }
}
