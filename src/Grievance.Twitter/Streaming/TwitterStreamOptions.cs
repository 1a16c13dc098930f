using System.ComponentModel.DataAnnotations;

namespace Grievance.Twitter.Streaming;

/// <summary>Options of the filtered-stream source (<c>GET /2/tweets/search/stream</c>).</summary>
public sealed class TwitterStreamOptions
{
    /// <summary>Gets or sets how long the stream may stay silent (no post, no <c>\r\n</c> heartbeat) before it is treated as stalled and reopened.</summary>
    /// <value>The default value is 20 seconds, as X recommends (X sends a heartbeat at least every 20 seconds).</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Gets or sets a value indicating whether the source keeps one rule per desk account
    /// (<c>@desk -from:desk -is:retweet</c>, tagged <see cref="RuleTagPrefix"/> plus the account's user id), adding missing
    /// ones and deleting stale ones it tagged, before it connects.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ManageRules { get; set; } = true;

    /// <summary>Gets or sets the tag prefix that marks the rules this source manages.</summary>
    /// <value>The default value is <c>grievance:</c>.</value>
    [Required]
    [MinLength(1)]
    public string RuleTagPrefix { get; set; } = "grievance:";

    /// <summary>
    /// Gets or sets how many posts may wait between the connection reader and the intake. X disconnects a client that
    /// reads too slowly, so the connection is read into this queue and the intake works from it.
    /// </summary>
    /// <value>The default value is 10,000.</value>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
