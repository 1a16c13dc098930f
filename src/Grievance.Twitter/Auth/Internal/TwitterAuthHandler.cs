using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Grievance.Twitter.Http;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Auth.Internal;

/// <summary>
/// Authenticates requests to X by the <see cref="TwitterAuthContext"/> they carry: the app-only bearer token for reads;
/// for user-context calls the addressed desk account's OAuth 1.0a signature, refreshing OAuth 2.0 user token, or static
/// user token. Requests without a context pass untouched. Secrets go only into the <c>Authorization</c> header.
/// </summary>
internal sealed class TwitterAuthHandler : DelegatingHandler
{
    private readonly IOptionsMonitor<TwitterOptions> _options;
    private readonly OAuth2TokenManager _tokens;
    private readonly TimeProvider _time;

    public TwitterAuthHandler(IOptionsMonitor<TwitterOptions> options, OAuth2TokenManager tokens, TimeProvider time)
    {
        _options = options;
        _tokens = tokens;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(TwitterAuthContext.Key, out var context))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var options = _options.CurrentValue;
        if (!context.IsUser)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var account = context.AccountUserId is null ? null : options.Accounts.FirstOrDefault(a => a is not null && a.UserId == context.AccountUserId);
        switch (TwitterUserAuth.Resolve(account))
        {
            case TwitterUserAuthMode.OAuth1:
                await SignAsync(request, options, account!, cancellationToken).ConfigureAwait(false);
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            case TwitterUserAuthMode.OAuth2:
                return await SendWithUserTokenAsync(request, account!, cancellationToken).ConfigureAwait(false);

            default:
                var token = account?.UserAccessToken ?? options.UserAccessToken;
                if (string.IsNullOrEmpty(token))
                {
                    throw new TwitterApiException("This call needs a user context: configure OAuth 1.0a, OAuth 2.0 or a UserAccessToken for the desk account (or TwitterOptions.UserAccessToken).");
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SignAsync(HttpRequestMessage request, TwitterOptions options, TwitterAccountOptions account, CancellationToken cancellationToken)
    {
        var url = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        IEnumerable<KeyValuePair<string, string>> form = [];
        if (request.Content?.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded")
        {
            // Form parameters are signed; JSON bodies (posts, DMs) are not.
            form = OAuth1Signer.ParseForm(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).ToList();
        }

        var credentials = new OAuth1Credentials(options.ConsumerKey!, options.ConsumerSecret!, account.AccessToken!, account.AccessTokenSecret!);
        var parameter = OAuth1Signer.AuthorizationParameter(request.Method.Method, url, form, credentials, NewNonce(), _time.GetUtcNow().ToUnixTimeSeconds());
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", parameter);
    }

    private async Task<HttpResponseMessage> SendWithUserTokenAsync(HttpRequestMessage request, TwitterAccountOptions account, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAccessTokenAsync(account, base.SendAsync, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Revoked or expired early: refresh (once for all concurrent callers) and send once more with the new token.
        response.Dispose();
        token = await _tokens.RefreshAsync(account, token, base.SendAsync, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string NewNonce()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
