namespace Grievance.Twitter.Tests.OpenApi;

/// <summary>The checker itself must catch what it is there to catch, or a green run proves nothing.</summary>
public class OpenApiContractTests
{
    private static IReadOnlyList<string> Check(string method, string uri, string? body = null) =>
        OpenApiContract.X.CheckRequest(new HttpMethod(method), new Uri(new Uri("https://api.x.com/"), uri), body is null ? null : "application/json", body);

    [Theory]
    [InlineData("GET", "2/users/1500000000000000001/mentions?max_results=100&since_id=1930000000000000101&tweet.fields=author_id,entities&expansions=author_id")]
    [InlineData("GET", "2/tweets/search/recent?query=%40SevaDeskUP%20-is%3Aretweet&max_results=100")]
    [InlineData("GET", "2/users/by/username/SevaDeskUP?user.fields=created_at")]
    [InlineData("GET", "2/users/me")]
    [InlineData("GET", "2/dm_events?max_results=100&event_types=MessageCreate")]
    [InlineData("GET", "2/tweets/search/stream?tweet.fields=author_id")]
    [InlineData("GET", "2/tweets/search/stream/rules")]
    public void CheckRequest_ConformingRequests_HaveNoViolations(string method, string uri) =>
        Assert.Empty(Check(method, uri));

    [Theory]
    [InlineData("2/users/1500000000000000001/mentions?max_results=101", "above the maximum 100")]
    [InlineData("2/users/1500000000000000001/mentions?max_results=4", "below the minimum 5")]
    [InlineData("2/users/1500000000000000001/mentions?since_id=12a", "does not match")]
    [InlineData("2/users/1500000000000000001/mentions?sinceid=1", "'sinceid' is not declared")]
    [InlineData("2/users/1500000000000000001/mentions?tweet.fields=author_id,author_id", "repeated items")]
    [InlineData("2/users/1500000000000000001/mentions?tweet.fields=nonsense", "not one of the allowed values")]
    [InlineData("2/users/abc/mentions", "does not match")]
    [InlineData("2/tweets/search/recent?max_results=10", "required query parameter 'query' is missing")]
    [InlineData("2/tweets/search/recent?query=x&max_results=5", "below the minimum 10")]
    [InlineData("2/tweets/search/recent?query=x&start_time=yesterday", "not an RFC 3339 date-time")]
    [InlineData("2/users/by/username/this_name_is_far_too_long", "does not match")]
    [InlineData("2/dm_events?max_results=0", "below the minimum 1")]
    [InlineData("2/users/1/followers", "no such operation")]
    public void CheckRequest_ViolatingQueries_AreReported(string uri, string expected) =>
        Assert.Contains(Check("GET", uri), v => v.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("""{"text":"hi","reply":{"in_reply_to_tweet_id":"1930000000000000101"}}""", null)]
    [InlineData("""{"text":"hi","reply":{"in_reply_to_tweet_id":"1930000000000000101","x":1}}""", "'x' is not allowed")]
    [InlineData("""{"text":"hi","reply":{}}""", "'in_reply_to_tweet_id' is missing")]
    [InlineData("""{"text":"hi","reply":{"in_reply_to_tweet_id":"tweet-1"}}""", "does not match")]
    [InlineData("""{"text":1}""", "expected string")]
    public void CheckRequest_TweetBodies_AreCheckedAgainstTheSchema(string body, string? expected)
    {
        var violations = Check("POST", "2/tweets", body);
        if (expected is null)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CheckRequest_HideWithoutItsBody_IsReported()
    {
        Assert.Empty(Check("PUT", "2/tweets/1930000000000000101/hidden", """{"hidden":true}"""));
        Assert.Contains(Check("PUT", "2/tweets/1930000000000000101/hidden", """{"hidden":"yes"}"""), v => v.Contains("expected boolean", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckResponse_MentionsPage_IsCheckedAgainstTheSchema()
    {
        var operation = OpenApiContract.X.Find("GET", "/2/users/1/mentions")!;

        Assert.Empty(operation.CheckResponse(200, "application/json", """{"data":[{"id":"1","text":"hi","edit_history_tweet_ids":["1"]}],"meta":{"result_count":1,"newest_id":"1","oldest_id":"1"}}"""));
        Assert.Contains(operation.CheckResponse(200, "application/json", """{"data":[],"meta":{"result_count":0}}"""), v => v.Contains("fewer than minItems 1", StringComparison.Ordinal));
        Assert.Contains(operation.CheckResponse(200, "application/json", """{"data":[{"id":1,"text":"hi"}]}"""), v => v.Contains("expected string", StringComparison.Ordinal));
        Assert.Contains(operation.CheckResponse(200, "text/plain", "hi"), v => v.Contains("content type", StringComparison.Ordinal));
        Assert.Empty(operation.CheckResponse(429, "application/problem+json", """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"""));
        Assert.Contains(operation.CheckResponse(400, "application/problem+json", """{"detail":"no title or type"}"""), v => v.Contains("'title' is missing", StringComparison.Ordinal));
    }
}
