namespace Grievance.Notifications;

/// <summary>Sends the outbox's pending messages through the channels' notifiers, each exactly once.</summary>
public interface IOutboxDispatcher
{
    /// <summary>Sends up to <paramref name="maxMessages"/> pending messages, highest priority first, then oldest; messages still in their retry backoff wait.</summary>
    /// <param name="maxMessages">The most messages to send in this round.</param>
    /// <param name="cancellationToken">The token to cancel the round.</param>
    /// <returns>What the round did.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> is not positive.</exception>
    Task<OutboxDispatchResult> DispatchAsync(int maxMessages = 100, CancellationToken cancellationToken = default);
}

/// <summary>What one round of <see cref="IOutboxDispatcher.DispatchAsync"/> did.</summary>
public sealed record OutboxDispatchResult
{
    /// <summary>Gets how many messages were sent.</summary>
    public int Sent { get; init; }

    /// <summary>Gets how many attempts failed and will be retried.</summary>
    public int Retrying { get; init; }

    /// <summary>Gets how many messages failed for good (visible in the outbox, not dropped).</summary>
    public int Failed { get; init; }

    /// <summary>Gets how long the channel asked us to wait before sending more, when a rate limit stopped the round.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
