using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http.Internal.Dto;
using Grievance.Twitter.Intake.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Http.Internal;

/// <summary>The typed X API v2 client over the host-shaped <see cref="HttpClient"/>.</summary>
internal sealed partial class TwitterApiClient : ITwitterApiClient
{
    internal const string TweetFields = "author_id,conversation_id,created_at,edit_history_tweet_ids,entities,in_reply_to_user_id,lang,note_tweet,referenced_tweets,attachments,geo";
    internal const string Expansions = "author_id";
    internal const string UserFields = "username,name";
    internal const int MaxReconcilePages = 5;

    private readonly HttpClient _http;
    private readonly IOptionsMonitor<TwitterOptions> _options;
    private readonly RateLimitTracker _rateLimits;
    private readonly TimeProvider _time;
    private readonly ILogger<TwitterApiClient> _logger;

    public TwitterApiClient(HttpClient http, IOptionsMonitor<TwitterOptions> options, RateLimitTracker rateLimits, TimeProvider time, ILogger<TwitterApiClient> logger)
    {
        _http = http;
        _options = options;
        _rateLimits = rateLimits;
        _time = time;
        _logger = logger;
    }

    public async Task<MentionsPage> GetMentionsAsync(MentionsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.UserId, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxResults, 5, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MaxResults, 100, nameof(query));

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"2/users/{Uri.EscapeDataString(query.UserId)}/mentions?max_results={query.MaxResults}&tweet.fields={TweetFields}&expansions={Expansions}&user.fields={UserFields}");
        if (query.SinceId is not null)
        {
            uri += "&since_id=" + Uri.EscapeDataString(query.SinceId);
        }

        if (query.PaginationToken is not null)
        {
            uri += "&pagination_token=" + Uri.EscapeDataString(query.PaginationToken);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.WithAuth(TwitterAuthContext.App);
        using var response = await SendAsync(request, TwitterEndpoints.Mentions, cancellationToken).ConfigureAwait(false);

        return await ReadPostsPageAsync(response, TwitterEndpoints.Mentions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> PostReplyAsync(string text, string inReplyToTweetId, string? fromAccount = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(inReplyToTweetId);

        // The reply goes out in the addressed account's user context; TwitterAuthHandler picks its scheme.
        var account = TwitterUserAuth.FindByUsername(_options.CurrentValue, fromAccount);
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/tweets")
        {
            Content = JsonContent.Create(
                new CreateTweetRequestDto { Text = text, Reply = new ReplyDto { InReplyToTweetId = inReplyToTweetId } },
                TwitterJsonContext.Default.CreateTweetRequestDto),
        };
        request.WithAuth(account is null ? TwitterAuthContext.DefaultUser : TwitterAuthContext.User(account.UserId));
        using var response = await SendAsync(request, TwitterEndpoints.CreateTweet, cancellationToken).ConfigureAwait(false);

        CreateTweetResponseDto? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(TwitterJsonContext.Default.CreateTweetResponseDto, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new TwitterApiException("The post was accepted but the response is not valid X API JSON; it may have been published.", ex) { StatusCode = response.StatusCode };
        }

        return body?.Data?.Id is { Length: > 0 } id
            ? id
            : throw new TwitterApiException("The post was accepted but the response has no id; it may have been published.") { StatusCode = response.StatusCode };
    }

    public async Task<string?> FindReplyAsync(string inReplyToTweetId, string text, string? fromAccount = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inReplyToTweetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var options = _options.CurrentValue;
        var account = (fromAccount is null && options.Accounts.Count == 1 ? options.Accounts[0] : null)
            ?? options.Accounts.FirstOrDefault(a => fromAccount is not null && string.Equals(a.Username.TrimStart('@'), fromAccount.TrimStart('@'), StringComparison.OrdinalIgnoreCase))
            ?? throw new TwitterApiException($"Cannot look for the reply: the desk account '{fromAccount}' is not configured.");
        var wanted = text.Trim().Normalize();

        string? token = null;
        for (var page = 0; page < MaxReconcilePages; page++)
        {
            // Our reply is newer than the post it answers, so the posts after that id hold it.
            var uri = string.Create(CultureInfo.InvariantCulture,
                $"2/users/{Uri.EscapeDataString(account.UserId)}/tweets?max_results=100&since_id={Uri.EscapeDataString(inReplyToTweetId)}&tweet.fields=author_id,conversation_id,created_at,referenced_tweets,edit_history_tweet_ids");
            if (token is not null)
            {
                uri += "&pagination_token=" + Uri.EscapeDataString(token);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.WithAuth(TwitterAuthContext.App);
            using var response = await SendAsync(request, TwitterEndpoints.UserPosts, cancellationToken).ConfigureAwait(false);
            MentionsResponseDto? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync(TwitterJsonContext.Default.MentionsResponseDto, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new TwitterApiException("The posts response is not valid X API JSON.", ex) { StatusCode = response.StatusCode };
            }

            foreach (var tweet in body?.Data ?? [])
            {
                if (tweet.Id is { Length: > 0 } id
                    && tweet.ReferencedTweets?.Any(r => r.Type == "replied_to" && r.Id == inReplyToTweetId) == true
                    && string.Equals(TweetMapper.Decode(tweet.Text ?? string.Empty).Trim().Normalize(), wanted, StringComparison.Ordinal))
                {
                    return id;
                }
            }

            token = body?.Meta?.NextToken;
            if (token is null)
            {
                break;
            }
        }

        return null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string endpoint, CancellationToken cancellationToken)
    {
        // The governor below budgets per endpoint and per auth context (TwitterRequestInfo.KeyOf).
        request.Options.Set(TwitterRequestInfo.Endpoint, endpoint);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var limit = RateLimitHeaderParser.Parse(response.Headers);
        _rateLimits.Update(endpoint, limit);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
            var problemType = problem?.Type is { } type ? type[(type.LastIndexOf('/') + 1)..] : null;
            Log.ApiError(_logger, endpoint, (int)response.StatusCode, problemType);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && problemType != "usage-capped")
            {
                var retryAfter = limit is not null ? RateLimitHeaderParser.RetryAfter(limit.Reset, _time) : TimeSpan.FromMinutes(15);
                if (RateLimitHeaderParser.ParseDaily(response.Headers) is { Remaining: <= 0 } daily && RateLimitHeaderParser.RetryAfter(daily.Reset, _time) > retryAfter)
                {
                    // The 24-hour window is spent: the 15-minute reset does not help.
                    retryAfter = RateLimitHeaderParser.RetryAfter(daily.Reset, _time);
                }

                throw new TwitterRateLimitExceededException($"X rate limit of '{endpoint}' exceeded; retry after {retryAfter}.")
                {
                    StatusCode = response.StatusCode,
                    ProblemType = problemType,
                    Detail = problem?.Detail,
                    RetryAfter = retryAfter,
                    RateLimit = limit,
                };
            }

            var detail = problem?.Detail ?? problem?.Errors?.FirstOrDefault()?.Message;
            if (problemType == "usage-capped")
            {
                throw new TwitterUsageCappedException($"X usage cap reached on '{endpoint}' ({problem?.Period} {problem?.Scope}); it does not clear at the rate-limit reset.")
                {
                    StatusCode = response.StatusCode,
                    ProblemType = problemType,
                    Detail = detail,
                    Period = problem?.Period,
                    Scope = problem?.Scope,
                };
            }

            if (IsConfigurationError(response.StatusCode, problemType, problem))
            {
                throw new TwitterConfigurationException($"X refused '{endpoint}' with {(int)response.StatusCode} ({problemType ?? problem?.Title ?? response.ReasonPhrase}): check the app's tokens, permissions and Project. {detail}")
                {
                    StatusCode = response.StatusCode,
                    ProblemType = problemType,
                    Detail = detail,
                };
            }

            throw new TwitterApiException($"X answered {(int)response.StatusCode} ({problem?.Title ?? response.ReasonPhrase}) on '{endpoint}': {detail}")
            {
                StatusCode = response.StatusCode,
                ProblemType = problemType,
                Detail = detail,
                IsDuplicateContent = response.StatusCode == HttpStatusCode.Forbidden
                    && detail is not null && detail.Contains("duplicate content", StringComparison.OrdinalIgnoreCase),
            };
        }
    }

    /// <summary>Errors retrying cannot fix: bad or missing credentials, an auth type the endpoint refuses, an app outside a Project, missing permissions, v1.1 code 453.</summary>
    private static bool IsConfigurationError(HttpStatusCode status, string? problemType, ProblemDto? problem) =>
        status == HttpStatusCode.Unauthorized
        || problemType is "client-forbidden" or "unsupported-authentication" or "oauth1-permissions"
        || (status == HttpStatusCode.Forbidden && problem?.Errors?.Any(e => e.Code == 453) == true);

    private static async Task<ProblemDto?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(TwitterJsonContext.Default.ProblemDto, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
