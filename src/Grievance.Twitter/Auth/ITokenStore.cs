namespace Grievance.Twitter.Auth;

/// <summary>
/// Keeps each desk account's OAuth 2.0 user tokens. X's refresh tokens are single use and rotate on every refresh,
/// so the store must persist the new pair before the new access token is used, and must replace atomically: two
/// workers that refresh at once must not both win. The default keeps tokens in memory, which suits one process
/// that is seeded from configuration on every start; several processes, or a process that must survive a restart
/// after its first refresh, need a persistent store.
/// </summary>
public interface ITokenStore
{
    /// <summary>Gets an account's current tokens.</summary>
    /// <param name="accountId">The desk account's numeric user id.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The tokens, or <see langword="null"/> when none are stored for the account.</returns>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is empty.</exception>
    Task<TwitterUserTokens?> GetAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an account's tokens if, and only if, the stored refresh token is still <paramref name="expectedRefreshToken"/>
    /// (or nothing is stored yet): a compare-and-swap, so a refresh that lost a race does not overwrite the winner.
    /// The replacement is durable when the task completes.
    /// </summary>
    /// <param name="accountId">The desk account's numeric user id.</param>
    /// <param name="expectedRefreshToken">The refresh token the caller read and spent.</param>
    /// <param name="tokens">The new tokens.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns><see langword="true"/> when replaced; <see langword="false"/> when another writer replaced them first.</returns>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is <see langword="null"/>.</exception>
    Task<bool> TryReplaceAsync(string accountId, string? expectedRefreshToken, TwitterUserTokens tokens, CancellationToken cancellationToken = default);
}

/// <summary>An account's OAuth 2.0 user tokens. Secrets: <see cref="ToString"/> never shows them.</summary>
public sealed record TwitterUserTokens
{
    /// <summary>Gets the access token, sent as a bearer token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Gets the refresh token (single use at X), or <see langword="null"/> when the grant had no <c>offline.access</c>.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Gets when the access token expires, or <see langword="null"/> when unknown (it is then used until X answers 401).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"TwitterUserTokens {{ AccessToken = (hidden), RefreshToken = {(RefreshToken is null ? "(none)" : "(hidden)")}, ExpiresAt = {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(unknown)"} }}";
}
