using Grievance.Intake;

namespace Grievance.Twitter.Http;

/// <summary>The X API v2 calls Grievance makes. Registered as a typed <see cref="HttpClient"/> the host can shape.</summary>
public partial interface ITwitterApiClient
{
    /// <summary>Reads one page of an account's mentions (<c>GET /2/users/:id/mentions</c>), newest first.</summary>
    /// <param name="query">The account, cursor and page.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The page, its posts mapped to inbound messages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error, or with a body that is not X's format.</exception>
    Task<MentionsPage> GetMentionsAsync(MentionsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Posts a reply (<c>POST /2/tweets</c>). Never retried automatically: a failed post may still have been published.</summary>
    /// <param name="text">The reply text, already fitted to 280 weighted characters.</param>
    /// <param name="inReplyToTweetId">The post replied to.</param>
    /// <param name="fromAccount">The desk account (username) to post from; its own token is used when configured.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The id of the new post.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error.</exception>
    Task<string> PostReplyAsync(string text, string inReplyToTweetId, string? fromAccount = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Looks among the desk account's posts newer than <paramref name="inReplyToTweetId"/> (<c>GET /2/users/:id/tweets</c>)
    /// for its reply to that post with exactly <paramref name="text"/>: how a reply that may have been published is reconciled.
    /// </summary>
    /// <param name="inReplyToTweetId">The post replied to.</param>
    /// <param name="text">The reply's text as it was sent.</param>
    /// <param name="fromAccount">The desk account (username) that replied; the only account when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The id of the reply, or <see langword="null"/> when X does not show it.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">The account is not configured, or X answered with another error.</exception>
    Task<string?> FindReplyAsync(string inReplyToTweetId, string text, string? fromAccount = null, CancellationToken cancellationToken = default);
}

/// <summary>What to read from an account's mentions.</summary>
public sealed record MentionsQuery
{
    /// <summary>Gets the desk account's numeric user id.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the id after which to read (exclusive), or <see langword="null"/> for the newest posts.</summary>
    public string? SinceId { get; init; }

    /// <summary>Gets the page token from the previous page's <see cref="MentionsPage.NextToken"/>.</summary>
    public string? PaginationToken { get; init; }

    /// <summary>Gets the page size, 5 to 100.</summary>
    public int MaxResults { get; init; } = 100;
}

/// <summary>One page of mentions.</summary>
public sealed record MentionsPage
{
    /// <summary>Gets the posts of the page, newest first, as inbound messages.</summary>
    public required IReadOnlyList<InboundMessage> Messages { get; init; }

    /// <summary>Gets the number of posts X says the page holds.</summary>
    public int ResultCount { get; init; }

    /// <summary>Gets the newest post id of the page.</summary>
    public string? NewestId { get; init; }

    /// <summary>Gets the oldest post id of the page.</summary>
    public string? OldestId { get; init; }

    /// <summary>Gets the token of the next (older) page, or <see langword="null"/> on the last page.</summary>
    public string? NextToken { get; init; }

    /// <summary>Gets the partial errors X returned with the page (for example a referenced post that was deleted).</summary>
    public IReadOnlyList<TwitterPartialError> Errors { get; init; } = [];
}

/// <summary>A partial error X returns beside data with HTTP 200.</summary>
public sealed record TwitterPartialError
{
    /// <summary>Gets the problem type URI (match on its last segment, for example <c>resource-not-found</c>).</summary>
    public string? Type { get; init; }

    /// <summary>Gets the short title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the explanation.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets the kind of resource concerned (for example <c>tweet</c>).</summary>
    public string? ResourceType { get; init; }

    /// <summary>Gets the id of the resource concerned.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Gets the request parameter concerned.</summary>
    public string? Parameter { get; init; }
}
