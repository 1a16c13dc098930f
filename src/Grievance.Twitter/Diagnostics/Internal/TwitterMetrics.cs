using System.Diagnostics.Metrics;
using Grievance.Twitter.Http.Internal;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Diagnostics.Internal;

/// <summary>The X channel's instruments: remaining budgets as gauges, throttling and reconciliation as counters. Tags are endpoint names, auth contexts of desk accounts and outcomes only.</summary>
internal sealed class TwitterMetrics
{
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _reconciled;

    public TwitterMetrics(RateLimitTracker budgets, IOptionsMonitor<TwitterOptions> options, TimeProvider time, IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(TwitterTelemetry.MeterName) ?? new Meter(TwitterTelemetry.MeterName);
        _throttled = meter.CreateCounter<long>(TwitterTelemetry.Throttled, "{request}", "Requests held back by the X governor.");
        _reconciled = meter.CreateCounter<long>(TwitterTelemetry.ReplyReconciliations, "{reply}", "Possibly published replies reconciled.");
        meter.CreateObservableGauge(TwitterTelemetry.RateLimitRemaining, () => Observe(budgets, daily: false, time), "{request}", "Requests left in X's 15-minute window.");
        meter.CreateObservableGauge(TwitterTelemetry.DailyLimitRemaining, () => Observe(budgets, daily: true, time), "{request}", "Requests left in X's 24-hour window.");
        meter.CreateObservableGauge(TwitterTelemetry.SpendRemaining, () => ObserveSpend(budgets, options, time), "USD", "Spend left under the daily cap, this UTC day.");
    }

    public void Throttled(string endpoint, string reason)
    {
        if (_throttled.Enabled)
        {
            _throttled.Add(1, new KeyValuePair<string, object?>("grievance.x.endpoint", endpoint), new KeyValuePair<string, object?>("grievance.x.reason", reason));
        }
    }

    public void Reconciled(string outcome)
    {
        if (_reconciled.Enabled)
        {
            _reconciled.Add(1, new KeyValuePair<string, object?>("grievance.x.outcome", outcome));
        }
    }

    private static IEnumerable<Measurement<long>> Observe(RateLimitTracker budgets, bool daily, TimeProvider time)
    {
        var now = time.GetUtcNow();
        foreach (var (key, window, day) in budgets.Snapshot())
        {
            if ((daily ? day : window) is { } limit)
            {
                // After the reset the whole window is available again.
                var remaining = limit.Reset <= now ? limit.Limit : limit.Remaining;
                yield return new Measurement<long>(remaining, new KeyValuePair<string, object?>("grievance.x.endpoint", key.Endpoint), new KeyValuePair<string, object?>("grievance.x.auth", key.Auth));
            }
        }
    }

    private static IEnumerable<Measurement<double>> ObserveSpend(RateLimitTracker budgets, IOptionsMonitor<TwitterOptions> options, TimeProvider time)
    {
        if (options.CurrentValue.Governor.DailySpendCap is { } cap)
        {
            yield return new Measurement<double>((double)Math.Max(0, cap - budgets.SpentToday(time.GetUtcNow())));
        }
    }
}
