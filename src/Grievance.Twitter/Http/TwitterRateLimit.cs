namespace Grievance.Twitter.Http;

/// <summary>The state of one X rate-limit window, from the <c>x-rate-limit-*</c> response headers.</summary>
/// <param name="Limit">Requests allowed in the window.</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="Reset">When the window resets.</param>
public sealed record TwitterRateLimit(int Limit, int Remaining, DateTimeOffset Reset);

/// <summary>The latest rate-limit state X reported, per endpoint.</summary>
public interface ITwitterRateLimitProvider
{
    /// <summary>Gets the latest state reported for an endpoint.</summary>
    /// <param name="endpoint">The endpoint, one of <see cref="TwitterEndpoints"/>.</param>
    /// <returns>The state, or <see langword="null"/> when no response reported one yet.</returns>
    TwitterRateLimit? GetLatest(string endpoint);
}

/// <summary>Names of the endpoints whose rate limits are tracked.</summary>
public static partial class TwitterEndpoints
{
    /// <summary><c>GET /2/users/:id/mentions</c>.</summary>
    public const string Mentions = "mentions";

    /// <summary><c>POST /2/tweets</c>.</summary>
    public const string CreateTweet = "tweets.create";

    /// <summary><c>GET /2/users/:id/tweets</c> (the desk account's own posts, read to reconcile replies).</summary>
    public const string UserPosts = "users.tweets";
}
