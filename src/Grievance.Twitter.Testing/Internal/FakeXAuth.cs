using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>Who called the fake.</summary>
internal sealed record FakeXCaller(bool IsApp, string? UserId, string? Problem)
{
    public static readonly FakeXCaller Anonymous = new(false, null, null);
    public static readonly FakeXCaller App = new(true, null, null);

    public static FakeXCaller Refused(string problem) => new(false, null, problem);

    public static FakeXCaller User(string userId) => new(false, userId, null);
}

/// <summary>Credentials issued by the fake; guarded by the fake's lock.</summary>
internal sealed class FakeXAuthState
{
    public Dictionary<string, (string Secret, string UserId)> OAuth1Tokens { get; } = new(StringComparer.Ordinal);

    public HashSet<string> UsedNonces { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string UserId, DateTimeOffset ExpiresAt, Guid Family)> AccessTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string UserId, Guid Family, bool Used)> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public int TokenRequests { get; set; }

    public int Refreshes { get; set; }

    private int _serial;

    public FakeXOAuth2Grant Issue(string userId, Guid family, DateTimeOffset expiresAt)
    {
        _serial++;
        var access = $"fake-oauth2-access-{userId}-{_serial}";
        var refresh = $"fake-oauth2-refresh-{userId}-{_serial}";
        AccessTokens[access] = (userId, expiresAt, family);
        RefreshTokens[refresh] = (userId, family, false);
        return new FakeXOAuth2Grant(access, refresh, expiresAt);
    }

    public void RevokeFamily(Guid family)
    {
        foreach (var key in AccessTokens.Where(t => t.Value.Family == family).Select(t => t.Key).ToList())
        {
            AccessTokens.Remove(key);
        }

        foreach (var key in RefreshTokens.Where(t => t.Value.Family == family).Select(t => t.Key).ToList())
        {
            RefreshTokens[key] = RefreshTokens[key] with { Used = true };
        }
    }
}

/// <summary>Checks callers' credentials as X does; an independent OAuth 1.0a verifier, not the client's signer.</summary>
internal static class FakeXAuth
{
    public static FakeXCaller Authenticate(FakeXState state, HttpRequestMessage request, string? body)
    {
        var authorization = request.Headers.Authorization;
        if (authorization is null)
        {
            return FakeXCaller.Anonymous;
        }

        if (authorization.Scheme == "Bearer" && authorization.Parameter is { } token)
        {
            if (token == state.Api.AppBearerToken)
            {
                return FakeXCaller.App;
            }

            if (state.UserTokens.TryGetValue(token, out var staticUser))
            {
                return FakeXCaller.User(staticUser);
            }

            var auth = state.Api.Auth;
            if (auth.AccessTokens.TryGetValue(token, out var access))
            {
                return access.ExpiresAt > state.Api.Time.GetUtcNow() ? FakeXCaller.User(access.UserId) : FakeXCaller.Refused("expired");
            }

            return FakeXCaller.Refused("unknown bearer token");
        }

        return authorization.Scheme == "OAuth" ? VerifyOAuth1(state, request, authorization, body) : FakeXCaller.Refused("unsupported scheme");
    }

    private static FakeXCaller VerifyOAuth1(FakeXState state, HttpRequestMessage request, AuthenticationHeaderValue authorization, string? body)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (authorization.Parameter ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !part.EndsWith('"') || part[equals + 1] != '"')
            {
                return FakeXCaller.Refused("malformed OAuth header");
            }

            if (!header.TryAdd(Uri.UnescapeDataString(part[..equals]), Uri.UnescapeDataString(part[(equals + 2)..^1])))
            {
                return FakeXCaller.Refused("duplicate OAuth parameter");
            }
        }

        var required = new[] { "oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_version" };
        if (required.Any(k => !header.ContainsKey(k)) || header.Count != required.Length)
        {
            return FakeXCaller.Refused("OAuth header needs exactly the seven oauth_* pairs");
        }

        var api = state.Api;
        if (header["oauth_consumer_key"] != api.ConsumerKey || header["oauth_signature_method"] != "HMAC-SHA1" || header["oauth_version"] != "1.0")
        {
            return FakeXCaller.Refused("wrong consumer key, method or version");
        }

        if (!api.Auth.OAuth1Tokens.TryGetValue(header["oauth_token"], out var token))
        {
            return FakeXCaller.Refused("unknown oauth_token");
        }

        if (!long.TryParse(header["oauth_timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (DateTimeOffset.FromUnixTimeSeconds(seconds) - api.Time.GetUtcNow()).Duration() > api.OAuth1TimestampTolerance)
        {
            return FakeXCaller.Refused("timestamp out of bounds");
        }

        var parameters = new List<(string Key, string Value)>();
        parameters.AddRange(Form(request.RequestUri!.Query.TrimStart('?')));
        if (request.Content?.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded" && body is not null)
        {
            parameters.AddRange(Form(body));
        }

        parameters.AddRange(header.Where(p => p.Key != "oauth_signature").Select(p => (p.Key, p.Value)));
        var normalized = string.Join("&", parameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        var uri = request.RequestUri;
        var baseUrl = uri.GetLeftPart(UriPartial.Path);
        var baseString = request.Method.Method.ToUpperInvariant() + "&" + Encode(baseUrl) + "&" + Encode(normalized);
        var key = Encoding.ASCII.GetBytes(Encode(api.ConsumerSecret) + "&" + Encode(token.Secret));
#pragma warning disable CA5350 // OAuth 1.0a is defined over HMAC-SHA1.
        var expected = HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(baseString));
#pragma warning restore CA5350
        byte[] given;
        try
        {
            given = Convert.FromBase64String(header["oauth_signature"]);
        }
        catch (FormatException)
        {
            return FakeXCaller.Refused("signature is not base64");
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return FakeXCaller.Refused("signature mismatch");
        }

        return api.Auth.UsedNonces.Add(header["oauth_nonce"] + ":" + header["oauth_timestamp"]) ? FakeXCaller.User(token.UserId) : FakeXCaller.Refused("nonce reused");
    }

    /// <summary><c>POST /2/oauth2/token</c> with <c>grant_type=refresh_token</c>: rotates the pair; a spent refresh token revokes its whole family, as X does.</summary>
    public static HttpResponseMessage Token(FakeXState state, HttpRequestMessage request, string? body)
    {
        var api = state.Api;
        var auth = api.Auth;
        auth.TokenRequests++;
        if (request.Content?.Headers.ContentType?.MediaType != "application/x-www-form-urlencoded")
        {
            return OAuthError(HttpStatusCode.BadRequest, "invalid_request", "Missing required parameter [grant_type].");
        }

        var form = Form(body ?? string.Empty).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        if (api.OAuth2ClientSecret is { } secret)
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(api.OAuth2ClientId + ":" + secret));
            if (request.Headers.Authorization?.ToString() != expected)
            {
                return OAuthError(HttpStatusCode.Unauthorized, "unauthorized_client", "Missing valid authorization header");
            }
        }
        else if (form.GetValueOrDefault("client_id") != api.OAuth2ClientId)
        {
            return OAuthError(HttpStatusCode.BadRequest, "invalid_request", "Missing required parameter [client_id].");
        }

        if (form.GetValueOrDefault("grant_type") != "refresh_token" || form.GetValueOrDefault("refresh_token") is not { Length: > 0 } refresh)
        {
            return OAuthError(HttpStatusCode.BadRequest, "invalid_request", "Missing required parameter [refresh_token].");
        }

        if (!auth.RefreshTokens.TryGetValue(refresh, out var grant))
        {
            return OAuthError(HttpStatusCode.BadRequest, "invalid_request", "Value passed for the token was invalid.");
        }

        if (grant.Used)
        {
            auth.RevokeFamily(grant.Family);
            return OAuthError(HttpStatusCode.BadRequest, "invalid_request", "Value passed for the token was invalid.");
        }

        auth.RefreshTokens[refresh] = grant with { Used = true };
        var issued = auth.Issue(grant.UserId, grant.Family, api.Time.GetUtcNow() + api.OAuth2AccessTokenLifetime);
        auth.Refreshes++;
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token_type"] = "bearer",
            ["expires_in"] = (long)api.OAuth2AccessTokenLifetime.TotalSeconds,
            ["access_token"] = issued.AccessToken,
            ["scope"] = "tweet.read tweet.write users.read dm.read dm.write offline.access",
            ["refresh_token"] = issued.RefreshToken,
        });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    private static HttpResponseMessage OAuthError(HttpStatusCode status, string error, string description) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }), Encoding.UTF8, "application/json"),
    };

    private static IEnumerable<(string Key, string Value)> Form(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            return (Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        });

    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
