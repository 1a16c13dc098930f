using Grievance.Twitter.Testing.Internal;

namespace Grievance.Twitter.Testing;

/// <summary>The fake's credentials: OAuth 1.0a consumer and access tokens, OAuth 2.0 user tokens with X's single-use refresh rotation.</summary>
public sealed partial class FakeXApi
{
    private FakeXAuthState? _auth;

    /// <summary>Gets or sets the app's consumer key, for OAuth 1.0a.</summary>
    /// <value>The default value is <c>fake-consumer-key</c>.</value>
    public string ConsumerKey { get; set; } = "fake-consumer-key";

    /// <summary>Gets or sets the app's consumer secret: it verifies OAuth 1.0a signatures and signs webhook deliveries.</summary>
    /// <value>The default value is <c>fake-consumer-secret</c>.</value>
    public string ConsumerSecret { get; set; } = "fake-consumer-secret";

    /// <summary>Gets or sets the OAuth 2.0 client id the token endpoint accepts.</summary>
    /// <value>The default value is <c>fake-oauth2-client</c>.</value>
    public string OAuth2ClientId { get; set; } = "fake-oauth2-client";

    /// <summary>Gets or sets the OAuth 2.0 client secret; when set, the token endpoint requires HTTP Basic client authentication.</summary>
    /// <value>The default value is <see langword="null"/>: a public client, which sends <c>client_id</c> in the form.</value>
    public string? OAuth2ClientSecret { get; set; }

    /// <summary>Gets or sets how long an OAuth 2.0 user access token lives.</summary>
    /// <value>The default value is 2 hours, as at X.</value>
    public TimeSpan OAuth2AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Gets or sets how far an OAuth 1.0a timestamp may be from the fake's clock.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan OAuth1TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets how many requests reached <c>POST /2/oauth2/token</c>.</summary>
    public int TokenRequestCount => WithLock(_ => Auth.TokenRequests);

    /// <summary>Gets how many refreshes succeeded.</summary>
    public int TokenRefreshCount => WithLock(_ => Auth.Refreshes);

    internal FakeXAuthState Auth => _auth ??= new FakeXAuthState();

    /// <summary>Gets the OAuth 1.0a access token and secret of an account (issued on first use; they never expire, as at X).</summary>
    /// <param name="userId">The account's user id.</param>
    /// <returns>The token and its secret.</returns>
    /// <exception cref="ArgumentException">The account is unknown.</exception>
    public FakeXOAuth1Token OAuth1TokenFor(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return WithLock(state =>
        {
            if (!state.UsersById.ContainsKey(userId))
            {
                throw new ArgumentException($"Unknown account {userId}.", nameof(userId));
            }

            var token = new FakeXOAuth1Token(userId + "-fake1a" + userId.Length, "fake-token-secret-" + userId);
            Auth.OAuth1Tokens[token.Token] = (token.TokenSecret, userId);
            return token;
        });
    }

    /// <summary>Issues an OAuth 2.0 user token pair for an account, as the authorization-code exchange would (scope includes <c>offline.access</c>).</summary>
    /// <param name="userId">The account's user id.</param>
    /// <returns>The access token, the refresh token and the access token's expiry.</returns>
    /// <exception cref="ArgumentException">The account is unknown.</exception>
    public FakeXOAuth2Grant IssueOAuth2Tokens(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return WithLock(state => state.UsersById.ContainsKey(userId)
            ? Auth.Issue(userId, Guid.NewGuid(), Time.GetUtcNow() + OAuth2AccessTokenLifetime)
            : throw new ArgumentException($"Unknown account {userId}.", nameof(userId)));
    }

    /// <summary>Revokes every OAuth 2.0 access token of an account (refresh tokens stay valid), so the next call answers 401.</summary>
    /// <param name="userId">The account's user id.</param>
    public void RevokeOAuth2AccessTokens(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        WithLock(_ =>
        {
            foreach (var token in Auth.AccessTokens.Where(t => t.Value.UserId == userId).Select(t => t.Key).ToList())
            {
                Auth.AccessTokens.Remove(token);
            }

            return 0;
        });
    }
}

/// <summary>An account's OAuth 1.0a access token and secret.</summary>
/// <param name="Token">The access token (<c>oauth_token</c>).</param>
/// <param name="TokenSecret">The access token secret.</param>
public sealed record FakeXOAuth1Token(string Token, string TokenSecret);

/// <summary>OAuth 2.0 user tokens issued by the fake.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="RefreshToken">The single-use refresh token.</param>
/// <param name="ExpiresAt">When the access token expires on the fake's clock.</param>
public sealed record FakeXOAuth2Grant(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
