using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http.Internal.Dto;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Http.Internal;

/// <summary>The typed X API v2 client over the host-shaped <see cref="HttpClient"/>.</summary>
internal sealed partial class TwitterApiClient : ITwitterApiClient
{
    internal const string TweetFields = "author_id,conversation_id,created_at,edit_history_tweet_ids,entities,in_reply_to_user_id,lang,note_tweet,referenced_tweets,attachments,geo";
    internal const string Expansions = "author_id";
    internal const string UserFields = "username,name";

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

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string endpoint, CancellationToken cancellationToken)
    {
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
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = limit is not null ? RateLimitHeaderParser.RetryAfter(limit.Reset, _time) : TimeSpan.FromMinutes(15);
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
