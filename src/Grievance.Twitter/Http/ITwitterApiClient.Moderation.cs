namespace Grievance.Twitter.Http;

public partial interface ITwitterApiClient
{
    /// <summary>
    /// Hides (or shows again) a reply in a conversation a desk account started (<c>PUT /2/tweets/:id/hidden</c>), for
    /// example a citizen's reply that exposes a phone number. X refuses (403) replies in conversations the account does not own.
    /// </summary>
    /// <param name="tweetId">The reply to hide.</param>
    /// <param name="hidden"><see langword="true"/> to hide, <see langword="false"/> to show again.</param>
    /// <param name="fromAccount">The desk account (username) that owns the conversation; its own token is used when configured.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>Whether the reply is hidden now, as X reports it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tweetId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="tweetId"/> is not a numeric post id.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error.</exception>
    Task<bool> HideReplyAsync(string tweetId, bool hidden = true, string? fromAccount = null, CancellationToken cancellationToken = default);
}
