using System.ComponentModel.DataAnnotations;

namespace Grievance.Twitter.Http;

/// <summary>
/// How the X client spends its budgets: waits for rate-limit resets instead of hammering, stops posting at a daily spend
/// cap, retries transient read failures, and reconciles replies that may have been published.
/// </summary>
public sealed class TwitterGovernorOptions
{
    /// <summary>
    /// Gets or sets the longest the client waits in process for a rate-limit window to reset. A longer wait is not
    /// waited out: the call fails at once with <see cref="TwitterRateLimitExceededException.RetryAfter"/> and nothing is sent.
    /// </summary>
    /// <value>The default value is 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the most to spend on posts per UTC day (X bills per UTC day), in US dollars; no cap when <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal? DailySpendCap { get; set; }

    /// <summary>Gets or sets what one reply costs, in US dollars (pay-per-use "summoned reply" rate of 2026).</summary>
    /// <value>The default value is 0.010.</value>
    [Range(typeof(decimal), "0", "100")]
    public decimal ReplyCost { get; set; } = 0.010m;

    /// <summary>Gets or sets how many times a failed read (<c>GET</c>: 5xx, 408, timeout, broken connection) is retried, with exponential backoff and jitter. Posts are never retried.</summary>
    /// <value>The default value is 3.</value>
    [Range(0, 10)]
    public int ReadRetries { get; set; } = 3;

    /// <summary>Gets or sets the first backoff delay of read retries; later ones double, all with jitter.</summary>
    /// <value>The default value is 2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how long to give X to index a reply that may have been published (a timeout or a duplicate-content
    /// refusal) before looking for it in the desk account's posts; when it is not found then, it is sent once more.
    /// </summary>
    /// <value>The default value is 15 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReplyReconcileDelay { get; set; } = TimeSpan.FromSeconds(15);
}
