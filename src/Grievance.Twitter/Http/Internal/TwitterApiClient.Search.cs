using System.Globalization;

namespace Grievance.Twitter.Http.Internal;

internal sealed partial class TwitterApiClient
{
    public async Task<MentionsPage> SearchRecentAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Query, nameof(query));
        if (query.Query.Length > SearchQuery.MaxQueryLength)
        {
            throw new ArgumentException($"A search query is at most {SearchQuery.MaxQueryLength} characters.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxResults, 10, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MaxResults, 100, nameof(query));
        if (query.SinceId is not null)
        {
            ThrowIfNotId(query.SinceId, nameof(query));
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"2/tweets/search/recent?query={Uri.EscapeDataString(query.Query)}&max_results={query.MaxResults}&tweet.fields={TweetFields}&expansions={Expansions}&user.fields={UserFields}");
        if (query.SinceId is not null)
        {
            uri += "&since_id=" + query.SinceId;
        }

        if (query.StartTime is { } start)
        {
            uri += "&start_time=" + Uri.EscapeDataString(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (query.NextToken is not null)
        {
            uri += "&next_token=" + Uri.EscapeDataString(query.NextToken);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        UseAppToken(request);
        using var response = await SendAsync(request, TwitterEndpoints.SearchRecent, cancellationToken).ConfigureAwait(false);
        return await ReadPostsPageAsync(response, TwitterEndpoints.SearchRecent, cancellationToken).ConfigureAwait(false);
    }
}
