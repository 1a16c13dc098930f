namespace Grievance.Twitter.Http;

public partial interface ITwitterApiClient
{
    /// <summary>
    /// Reads one page of recent search (<c>GET /2/tweets/search/recent</c>): posts of the last 7 days matching a query,
    /// newest first. Grievance uses it to reconcile: <c>@desk</c> posts the mentions timeline missed.
    /// </summary>
    /// <param name="query">The query, cursor and page.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The page, its posts mapped to inbound messages.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The query text is empty or longer than 512 characters, or the page size is outside 10 to 100.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error, or with a body that is not X's format.</exception>
    Task<MentionsPage> SearchRecentAsync(SearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>What to read from recent search.</summary>
public sealed record SearchQuery
{
    /// <summary>The longest query a self-serve app may send.</summary>
    public const int MaxQueryLength = 512;

    /// <summary>Gets the search query, for example <c>@SevaDeskUP -from:SevaDeskUP -is:retweet</c>.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the id after which to read (exclusive), or <see langword="null"/>.</summary>
    public string? SinceId { get; init; }

    /// <summary>Gets the oldest creation time to read (inclusive; X allows at most 7 days back), or <see langword="null"/>.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Gets the page token from the previous page's <see cref="MentionsPage.NextToken"/>.</summary>
    public string? NextToken { get; init; }

    /// <summary>Gets the page size, 10 to 100.</summary>
    public int MaxResults { get; init; } = 100;
}
