using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Auth.Internal;

/// <summary>
/// Hands out OAuth 2.0 user access tokens and refreshes them single-flight: however many requests find a token expired
/// or get a 401 at once, one refresh call is made per account; the others wait and use its result. The rotated pair is
/// stored (compare-and-swap) before the new access token is returned, because the old refresh token is already spent.
/// </summary>
internal sealed class OAuth2TokenManager
{
    internal const string TokenPath = "2/oauth2/token";

    private readonly ITokenStore _store;
    private readonly IOptionsMonitor<TwitterOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OAuth2TokenManager> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public OAuth2TokenManager(ITokenStore store, IOptionsMonitor<TwitterOptions> options, TimeProvider time, ILogger<OAuth2TokenManager> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public delegate Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Gets a usable access token, refreshing first when the stored one is expired or about to expire.</summary>
    public async Task<string> GetAccessTokenAsync(TwitterAccountOptions account, Send send, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(account, cancellationToken).ConfigureAwait(false);
        return current is { AccessToken.Length: > 0 } && !IsExpiring(current)
            ? current.AccessToken
            : await RefreshAsync(account, current?.AccessToken, send, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refreshes the account's tokens unless another caller already replaced <paramref name="failedAccessToken"/>
    /// with a token that is still valid, and returns the access token to use.
    /// </summary>
    public async Task<string> RefreshAsync(TwitterAccountOptions account, string? failedAccessToken, Send send, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(account.UserId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await CurrentAsync(account, cancellationToken).ConfigureAwait(false);
            if (current is { AccessToken.Length: > 0 } && !string.Equals(current.AccessToken, failedAccessToken, StringComparison.Ordinal) && !IsExpiring(current))
            {
                return current.AccessToken;
            }

            var refreshToken = current?.RefreshToken;
            if (string.IsNullOrEmpty(refreshToken))
            {
                throw new TwitterApiException($"The OAuth 2.0 user token of account {account.UserId} is expired or refused and there is no refresh token; authorize the account again.");
            }

            var fresh = await RequestAsync(account, refreshToken, send, cancellationToken).ConfigureAwait(false);
            if (fresh is null)
            {
                // Refused: another process may have spent the same refresh token and stored the rotated pair first.
                var stored = await _store.GetAsync(account.UserId, cancellationToken).ConfigureAwait(false);
                if (stored is { AccessToken.Length: > 0 } && !string.Equals(stored.RefreshToken, refreshToken, StringComparison.Ordinal))
                {
                    return stored.AccessToken;
                }

                throw new TwitterApiException($"X refused to refresh the OAuth 2.0 user token of account {account.UserId}; authorize the account again.") { StatusCode = HttpStatusCode.BadRequest };
            }

            if (!await _store.TryReplaceAsync(account.UserId, refreshToken, fresh, cancellationToken).ConfigureAwait(false))
            {
                // Cannot happen when X enforces single use; keep whatever the store holds rather than overwrite it.
                Log.TokenRotationLostRace(_logger, account.UserId);
                var stored = await _store.GetAsync(account.UserId, cancellationToken).ConfigureAwait(false);
                return stored?.AccessToken ?? fresh.AccessToken;
            }

            Log.TokenRefreshed(_logger, account.UserId, fresh.ExpiresAt);
            return fresh.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TwitterUserTokens?> CurrentAsync(TwitterAccountOptions account, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(account.UserId, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return stored;
        }

        // Nothing stored yet: the configured pair seeds the store on its first rotation. Its expiry is unknown.
        return string.IsNullOrEmpty(account.UserAccessToken) && string.IsNullOrEmpty(account.RefreshToken)
            ? null
            : new TwitterUserTokens { AccessToken = account.UserAccessToken ?? string.Empty, RefreshToken = account.RefreshToken };
    }

    private bool IsExpiring(TwitterUserTokens tokens) =>
        tokens.ExpiresAt is { } expires && expires - _options.CurrentValue.TokenRefreshSkew <= _time.GetUtcNow();

    private async Task<TwitterUserTokens?> RequestAsync(TwitterAccountOptions account, string refreshToken, Send send, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseAddress, TokenPath));
        if (!string.IsNullOrEmpty(options.OAuth2ClientSecret))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.OAuth2ClientId + ":" + options.OAuth2ClientSecret));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
        else
        {
            form.Add(new("client_id", options.OAuth2ClientId ?? string.Empty));
        }

        request.Content = new FormUrlEncodedContent(form);
        var requestedAt = _time.GetUtcNow();
        using var response = await send(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            Log.TokenRefreshRefused(_logger, account.UserId, (int)response.StatusCode);
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new TwitterApiException($"X answered {(int)response.StatusCode} when refreshing the OAuth 2.0 user token of account {account.UserId}.") { StatusCode = response.StatusCode };
        }

        TokenResponseDto? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(TokenJsonContext.Default.TokenResponseDto, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            // The old refresh token may be spent now; the new one is unreadable. Nothing better than to say so.
            throw new TwitterApiException($"The token response for account {account.UserId} is not valid JSON; the account may need authorizing again.", ex) { StatusCode = response.StatusCode };
        }

        if (body?.AccessToken is not { Length: > 0 } accessToken)
        {
            throw new TwitterApiException($"The token response for account {account.UserId} has no access token.") { StatusCode = response.StatusCode };
        }

        return new TwitterUserTokens
        {
            AccessToken = accessToken,
            RefreshToken = body.RefreshToken,
            ExpiresAt = body.ExpiresIn is > 0 and var seconds ? requestedAt.AddSeconds(seconds) : null,
        };
    }
}

#pragma warning disable CA1812 // created by the JSON serializer
internal sealed class TokenResponseDto
{
    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }
}
#pragma warning restore CA1812

[JsonSerializable(typeof(TokenResponseDto))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
