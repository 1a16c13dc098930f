namespace Grievance.Twitter.Diagnostics;

/// <summary>Names of the X channel's meter and instruments, for hosts that wire up OpenTelemetry.</summary>
public static class TwitterTelemetry
{
    /// <summary>The name of the X channel's meter.</summary>
    public const string MeterName = "Grievance.Twitter";

    /// <summary>Gauge of requests left in the 15-minute window, tagged with <c>grievance.x.endpoint</c> and <c>grievance.x.auth</c> (<c>app</c> or <c>user:</c> and the desk account's id).</summary>
    public const string RateLimitRemaining = "grievance.x.rate_limit.remaining";

    /// <summary>Gauge of requests (posts) left in the 24-hour window, tagged like <see cref="RateLimitRemaining"/>.</summary>
    public const string DailyLimitRemaining = "grievance.x.daily_limit.remaining";

    /// <summary>Gauge of the US dollars left under the daily spend cap in the current UTC day (reported only when a cap is set).</summary>
    public const string SpendRemaining = "grievance.x.spend.remaining";

    /// <summary>Counter of requests held back by the governor, tagged with <c>grievance.x.endpoint</c> and <c>grievance.x.reason</c> (<c>waited</c>, <c>refused</c>, <c>spend-cap</c>, <c>429</c>).</summary>
    public const string Throttled = "grievance.x.throttled";

    /// <summary>Counter of replies that may have been published and were reconciled, tagged with <c>grievance.x.outcome</c> (<c>found</c>, <c>resent</c>, <c>failed</c>).</summary>
    public const string ReplyReconciliations = "grievance.x.replies.reconciled";
}
