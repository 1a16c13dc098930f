using System.Net;
using System.Text.Json;
using Grievance.Intake;
using Grievance.TestUtilities;
using Grievance.Twitter.Http;
using Grievance.Twitter.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Http;

public class TwitterApiClientTests
{
    private readonly StubHttpMessageHandler _stub = new();
    private readonly FakeTimeProvider _time = new(Some.Now);

    private ITwitterApiClient Client(Action<TwitterOptions>? configure = null) =>
        TwitterTestHost.Create(_stub, _time, configure).GetRequiredService<ITwitterApiClient>();

    private static MentionsQuery Query(string? since = null, string? token = null) =>
        new() { UserId = TwitterTestHost.DeskId, SinceId = since, PaginationToken = token };

    [Fact]
    public async Task GetMentionsAsync_SendsDocumentedParametersWithBearerAuth()
    {
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.EmptyPage);

        await Client().GetMentionsAsync(Query(since: "1929000000000000000", token: "abc def"));

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("Bearer app-token", request.Authorization);
        Assert.Equal("/2/users/1500000000000000001/mentions", request.Uri.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(request.Uri.Query);
        Assert.Equal("100", query["max_results"]);
        Assert.Equal("1929000000000000000", query["since_id"]);
        Assert.Equal("abc def", query["pagination_token"]);
        Assert.Equal("author_id", query["expansions"]);
        var fields = query["tweet.fields"]!.Split(',');
        foreach (var field in new[] { "note_tweet", "entities", "conversation_id", "referenced_tweets", "edit_history_tweet_ids", "created_at", "author_id" })
        {
            Assert.Contains(field, fields);
        }
    }

    [Fact]
    public async Task GetMentionsAsync_FixturePage_MapsPostsAuthorsEntitiesAndMeta()
    {
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.MentionsPage);

        var page = await Client().GetMentionsAsync(Query());

        Assert.Equal(2, page.ResultCount);
        Assert.Equal("1930000000000000101", page.NewestId);
        Assert.Equal("1930000000000000077", page.OldestId);
        Assert.Equal("7140dibdnow9c7btw4b1x3k5kq6bd1ylmz0f1g0q2v8c", page.NextToken);
        Assert.Empty(page.Errors);

        var hindi = page.Messages[0];
        Assert.Equal(Channels.X, hindi.Channel);
        Assert.Equal("1930000000000000101", hindi.ExternalId);
        Assert.Equal("1930000000000000101", hindi.ConversationId);
        Assert.Equal("1600000000000000042", hindi.Author.PlatformId);
        Assert.Equal("ravi_lko", hindi.Author.Handle);
        Assert.Equal("Ravi Kumar", hindi.Author.DisplayName);
        Assert.Equal("hi", hindi.Language);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 18, 41, 7, TimeSpan.Zero), hindi.CreatedAt);
        Assert.Equal(["SevaDeskUP"], hindi.AddressedAccounts);
        Assert.Equal(3, hindi.Entities.Count);
        foreach (var entity in hindi.Entities)
        {
            var span = hindi.Text[entity.Start..entity.End];
            switch (entity.Kind)
            {
                case MessageEntityKind.Mention: Assert.Equal("@SevaDeskUP", span); Assert.Equal("1500000000000000001", entity.ReferencedId); break;
                case MessageEntityKind.Hashtag: Assert.Equal("#ध्वनि_प्रदूषण", span); break;
                case MessageEntityKind.Url:
                    Assert.Equal("https://t.co/Qm4xR7LpZa", span);
                    Assert.Equal("https://x.com/ravi_lko/status/1930000000000000101/photo/1", entity.Value);
                    break;
            }
        }

        var reply = page.Messages[1];
        Assert.Equal("1929900000000000500", reply.ConversationId);
        Assert.Equal("1929900000000000650", reply.InReplyToId);
        Assert.Equal("#Lucknow", reply.Text[reply.Entities[1].Start..reply.Entities[1].End]);
        Assert.False(reply.IsRepost);
    }

    [Fact]
    public async Task GetMentionsAsync_PartialErrors_AreReturnedBesideTheData()
    {
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.PartialError);

        var page = await Client().GetMentionsAsync(Query());

        var message = Assert.Single(page.Messages);
        Assert.Equal("1930000000000000200", message.ExternalId);
        var error = Assert.Single(page.Errors);
        Assert.Equal("https://api.x.com/2/problems/resource-not-found", error.Type);
        Assert.Equal("1929000000000000001", error.ResourceId);
        Assert.Equal("referenced_tweets.id", error.Parameter);
        Assert.Equal("tweet", error.ResourceType);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task GetMentionsAsync_EmptyPage_HasNoMessagesAndNoCursor()
    {
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.EmptyPage);

        var page = await Client().GetMentionsAsync(Query());

        Assert.Empty(page.Messages);
        Assert.Equal(0, page.ResultCount);
        Assert.Null(page.NewestId);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task GetMentionsAsync_LongPost_UsesTheFullNoteTweetTextAndItsEntities()
    {
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.LongPost);

        var message = Assert.Single((await Client().GetMentionsAsync(Query())).Messages);

        Assert.EndsWith("before the rains. #Aminabad", message.Text, StringComparison.Ordinal);
        Assert.True(message.Text.Length > 280);
        var hashtag = Assert.Single(message.Entities, e => e.Kind == MessageEntityKind.Hashtag);
        Assert.Equal("#Aminabad", message.Text[hashtag.Start..hashtag.End]);
    }

    [Fact]
    public async Task GetMentionsAsync_EmojiBeforeMentionAndEscapedAmpersand_ConvertsCodePointOffsetsToUtf16()
    {
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.EmojiBeforeMention);

        var message = Assert.Single((await Client().GetMentionsAsync(Query())).Messages);

        Assert.Contains("no water & no tanker", message.Text, StringComparison.Ordinal);
        var mention = Assert.Single(message.Entities, e => e.Kind == MessageEntityKind.Mention);
        Assert.Equal(5, mention.Start); // two surrogate pairs and a space before it: 3 code points, 5 UTF-16 units
        Assert.Equal("@SevaDeskUP", message.Text[mention.Start..mention.End]);
        var hashtag = Assert.Single(message.Entities, e => e.Kind == MessageEntityKind.Hashtag);
        Assert.Equal("#पानी", message.Text[hashtag.Start..hashtag.End]);
    }

    [Fact]
    public async Task GetMentionsAsync_OffsetsCountedOverEscapedText_AreAlsoMapped()
    {
        // "a &amp; b @SevaDeskUP": over the escaped text the mention starts at 10, over the unescaped at 6.
        const string json = """
            {"data":[{"id":"5","text":"a &amp; b @SevaDeskUP","author_id":"9","created_at":"2026-05-03T07:00:00.000Z","edit_history_tweet_ids":["5"],
              "entities":{"mentions":[{"start":10,"end":21,"username":"SevaDeskUP"}]}}],"meta":{"result_count":1,"newest_id":"5","oldest_id":"5"}}
            """;
        _stub.Respond(HttpStatusCode.OK, json);

        var message = Assert.Single((await Client().GetMentionsAsync(Query())).Messages);

        Assert.Equal("a & b @SevaDeskUP", message.Text);
        var mention = Assert.Single(message.Entities);
        Assert.Equal(6, mention.Start);
        Assert.Equal(17, mention.End);
    }

    [Fact]
    public async Task GetMentionsAsync_EntityOffsetsThatDoNotMatchTheText_AreDroppedNotTrusted()
    {
        const string json = """
            {"data":[{"id":"5","text":"hello @SevaDeskUP","author_id":"9","created_at":"2026-05-03T07:00:00.000Z","edit_history_tweet_ids":["5"],
              "entities":{"mentions":[{"start":40,"end":51,"username":"SevaDeskUP"}],"hashtags":[{"start":0,"end":5,"tag":"nothere"}]}}],"meta":{"result_count":1}}
            """;
        _stub.Respond(HttpStatusCode.OK, json);

        var message = Assert.Single((await Client().GetMentionsAsync(Query())).Messages);

        Assert.Empty(message.Entities);
        Assert.Empty(message.AddressedAccounts);
    }

    [Fact]
    public async Task GetMentionsAsync_EditedPost_IsKeyedOnTheFirstIdOfItsEditHistory()
    {
        const string json = """
            {"data":[{"id":"1930000000000000999","text":"@SevaDeskUP fixed typo","author_id":"9","created_at":"2026-05-03T07:00:00.000Z",
              "edit_history_tweet_ids":["1930000000000000500","1930000000000000999"]}],"meta":{"result_count":1}}
            """;
        _stub.Respond(HttpStatusCode.OK, json);

        var message = Assert.Single((await Client().GetMentionsAsync(Query())).Messages);

        Assert.Equal("1930000000000000500", message.ExternalId);
    }

    [Fact]
    public async Task GetMentionsAsync_Retweet_IsMarkedAsRepost()
    {
        const string json = """
            {"data":[{"id":"7","text":"RT @SevaDeskUP: Dial 112","author_id":"9","created_at":"2026-05-03T07:00:00.000Z","edit_history_tweet_ids":["7"],
              "referenced_tweets":[{"type":"retweeted","id":"3"}]}],"meta":{"result_count":1}}
            """;
        _stub.Respond(HttpStatusCode.OK, json);

        Assert.True(Assert.Single((await Client().GetMentionsAsync(Query())).Messages).IsRepost);
    }

    [Fact]
    public async Task GetMentionsAsync_PostWithMissingFields_IsMappedSoIntakeCanRecordTheRejection()
    {
        const string json = """{"data":[{"id":"8"}],"meta":{"result_count":1}}""";
        _stub.Respond(HttpStatusCode.OK, json);

        var message = Assert.Single((await Client().GetMentionsAsync(Query())).Messages);

        Assert.Equal("8", message.ExternalId);
        Assert.Equal(string.Empty, message.Text);
        Assert.Equal(string.Empty, message.Author.PlatformId);
        Assert.Equal(default, message.CreatedAt);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"data": "oops"}""")]
    [InlineData("null")]
    public async Task GetMentionsAsync_MalformedBody_ThrowsTwitterApiException(string body)
    {
        _stub.Respond(HttpStatusCode.OK, body);

        var ex = await Assert.ThrowsAsync<TwitterApiException>(() => Client().GetMentionsAsync(Query()));
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public async Task GetMentionsAsync_429_ThrowsWithRetryAfterFromResetHeader()
    {
        var reset = Some.Now.AddMinutes(7).ToUnixTimeSeconds();
        _stub.Respond(HttpStatusCode.TooManyRequests, Fixtures.Fixtures.TooManyRequests, new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "450",
            ["x-rate-limit-remaining"] = "0",
            ["x-rate-limit-reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var services = TwitterTestHost.Create(_stub, _time);

        var ex = await Assert.ThrowsAsync<TwitterRateLimitExceededException>(() => services.GetRequiredService<ITwitterApiClient>().GetMentionsAsync(Query()));

        Assert.Equal(TimeSpan.FromMinutes(7), ex.RetryAfter);
        Assert.Equal(new TwitterRateLimit(450, 0, DateTimeOffset.FromUnixTimeSeconds(reset)), ex.RateLimit);
        Assert.Equal(ex.RateLimit, services.GetRequiredService<ITwitterRateLimitProvider>().GetLatest(TwitterEndpoints.Mentions));
    }

    [Fact]
    public async Task GetMentionsAsync_429WithResetInThePast_RetryAfterIsZero()
    {
        // The governor sends a read once more after a reset that has passed; the second 429 reaches the caller.
        for (var i = 0; i < 2; i++)
        {
            _stub.Respond(HttpStatusCode.TooManyRequests, Fixtures.Fixtures.TooManyRequests, new Dictionary<string, string>
            {
                ["x-rate-limit-limit"] = "450",
                ["x-rate-limit-remaining"] = "0",
                ["x-rate-limit-reset"] = Some.Now.AddMinutes(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        var ex = await Assert.ThrowsAsync<TwitterRateLimitExceededException>(() => Client().GetMentionsAsync(Query()));

        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task GetMentionsAsync_ProblemResponse_MapsProblemType()
    {
        _stub.Respond(HttpStatusCode.Forbidden, """{"title":"Client Forbidden","detail":"This request must be made using an approved developer account.","type":"https://api.x.com/2/problems/client-forbidden","reason":"client-not-enrolled","status":403}""");

        // An app outside a Project is a configuration error: typed, and not retried.
        var ex = await Assert.ThrowsAsync<TwitterConfigurationException>(() => Client().GetMentionsAsync(Query()));

        Assert.Single(_stub.Requests);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("client-forbidden", ex.ProblemType);
        Assert.False(ex.IsDuplicateContent);
        Assert.IsNotType<TwitterRateLimitExceededException>(ex);
    }

    [Fact]
    public async Task PostReplyAsync_SendsReplyBodyWithUserToken()
    {
        _stub.Respond(HttpStatusCode.Created, """{"data":{"id":"1931000000000000001","text":"ok"}}""");

        var id = await Client().PostReplyAsync("शिकायत LKO-2611-0001 दर्ज", "1930000000000000101");

        Assert.Equal("1931000000000000001", id);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/2/tweets", request.Uri.AbsolutePath);
        Assert.Equal("Bearer user-token", request.Authorization);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("शिकायत LKO-2611-0001 दर्ज", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("1930000000000000101", body.RootElement.GetProperty("reply").GetProperty("in_reply_to_tweet_id").GetString());
        Assert.Equal(2, body.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public async Task PostReplyAsync_FromAccountWithItsOwnToken_UsesThatToken()
    {
        _stub.Respond(HttpStatusCode.Created, """{"data":{"id":"1","text":"ok"}}""");
        var client = Client(o => o.Accounts.Add(new TwitterAccountOptions { UserId = "77", Username = "OtherDesk", UserAccessToken = "other-token" }));

        await client.PostReplyAsync("hello", "5", fromAccount: "@otherdesk");

        Assert.Equal("Bearer other-token", _stub.Requests[0].Authorization);
    }

    [Fact]
    public async Task PostReplyAsync_DuplicateContent_IsFlagged()
    {
        _stub.Respond(HttpStatusCode.Forbidden, Fixtures.Fixtures.DuplicateContent);

        var ex = await Assert.ThrowsAsync<TwitterApiException>(() => Client().PostReplyAsync("hello", "5"));

        Assert.True(ex.IsDuplicateContent);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    [Fact]
    public async Task PostReplyAsync_WithoutUserToken_ThrowsBeforeSending()
    {
        var client = Client(o => o.UserAccessToken = null);

        await Assert.ThrowsAsync<TwitterApiException>(() => client.PostReplyAsync("hello", "5"));
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Arguments_AreValidated()
    {
        var client = Client();

        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetMentionsAsync(null!))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetMentionsAsync(Query() with { MaxResults = 101 }))).ParamName);
        Assert.Equal("text", (await Assert.ThrowsAsync<ArgumentException>(() => client.PostReplyAsync(" ", "5"))).ParamName);
        Assert.Equal("inReplyToTweetId", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.PostReplyAsync("hi", null!))).ParamName);
    }
}
