namespace Grievance.Twitter.Http;

public partial interface ITwitterApiClient
{
    /// <summary>Reads the filtered stream's rules (<c>GET /2/tweets/search/stream/rules</c>, app token).</summary>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error.</exception>
    Task<IReadOnlyList<StreamRule>> GetStreamRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds filtered-stream rules (<c>POST /2/tweets/search/stream/rules</c>, app token).</summary>
    /// <param name="rules">The rules to add (their ids are ignored).</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The rules X created, with their ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error, or refused a rule.</exception>
    Task<IReadOnlyList<StreamRule>> AddStreamRulesAsync(IEnumerable<StreamRule> rules, CancellationToken cancellationToken = default);

    /// <summary>Deletes filtered-stream rules by id (<c>POST /2/tweets/search/stream/rules</c>, app token).</summary>
    /// <param name="ids">The rule ids.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>A task that completes when X confirmed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error.</exception>
    Task DeleteStreamRulesAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default);
}

/// <summary>A filtered-stream rule.</summary>
/// <param name="Value">The rule, in X's filter language (for example <c>@SevaDeskUP -is:retweet</c>).</param>
/// <param name="Tag">A label X returns with every matching post.</param>
/// <param name="Id">The id X gave the rule; <see langword="null"/> before it is added.</param>
public sealed record StreamRule(string Value, string? Tag = null, string? Id = null);
