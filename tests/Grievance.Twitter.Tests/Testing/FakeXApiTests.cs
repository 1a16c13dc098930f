using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Testing;

public class FakeXApiTests
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly HttpClient _http;
    private readonly FakeXUser _desk;
    private readonly FakeXUser _citizen;

    public FakeXApiTests()
    {
        _fake = new FakeXApi(_time);
        _desk = _fake.AddUser("1500000000000000001", "SevaDeskUP");
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
        // Some tests send invalid requests on purpose; every response of the fake is still checked against the contract.
        _http = new HttpClient(new OpenApi.OpenApiCheckingHandler(_fake.CreateHandler(), checkRequests: false)) { BaseAddress = FakeXApi.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fake.AppBearerToken);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string uri)
    {
        var response = await _http.GetAsync(uri);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    [Fact]
    public async Task Mentions_OnlyRequestedFieldsAndEscapedTextWithCodePointOffsets()
    {
        _fake.AddPost(_citizen.Id, "😡 @SevaDeskUP pipes & drains <broken> #पानी", lang: "hi");

        var (status, body, _) = await GetAsync("2/users/1500000000000000001/mentions?tweet.fields=entities");

        Assert.Equal(HttpStatusCode.OK, status);
        var post = Assert.Single(body.GetProperty("data").EnumerateArray().ToList());
        Assert.Equal("😡 @SevaDeskUP pipes &amp; drains &lt;broken&gt; #पानी", post.GetProperty("text").GetString());
        Assert.False(post.TryGetProperty("author_id", out _));
        Assert.False(post.TryGetProperty("lang", out _));
        Assert.False(body.TryGetProperty("includes", out _));
        var mention = post.GetProperty("entities").GetProperty("mentions")[0];
        Assert.Equal(2, mention.GetProperty("start").GetInt32());
        Assert.Equal(13, mention.GetProperty("end").GetInt32());
        Assert.Equal("1500000000000000001", mention.GetProperty("id").GetString());
        Assert.Equal(1, post.GetProperty("edit_history_tweet_ids").GetArrayLength());
    }

    [Fact]
    public async Task Mentions_PaginatesNewestFirstAndHonoursSinceId()
    {
        var posts = Enumerable.Range(0, 7).Select(i => _fake.AddPost(_citizen.Id, $"@SevaDeskUP post {i}")).ToList();

        var (_, first, _) = await GetAsync("2/users/1500000000000000001/mentions?max_results=5");
        var token = first.GetProperty("meta").GetProperty("next_token").GetString();
        var (_, second, _) = await GetAsync($"2/users/1500000000000000001/mentions?max_results=5&pagination_token={token}");
        var (_, since, _) = await GetAsync($"2/users/1500000000000000001/mentions?since_id={posts[4].Id}");

        Assert.Equal(posts.Select(p => p.Id).Reverse().Take(5), first.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(posts[6].Id, first.GetProperty("meta").GetProperty("newest_id").GetString());
        Assert.Equal(posts[2].Id, first.GetProperty("meta").GetProperty("oldest_id").GetString());
        Assert.Equal(5, first.GetProperty("meta").GetProperty("result_count").GetInt32());
        Assert.Equal([posts[1].Id, posts[0].Id], second.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.False(second.GetProperty("meta").TryGetProperty("next_token", out _));
        Assert.Equal([posts[6].Id, posts[5].Id], since.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Mentions_NoResults_IsMetaOnly()
    {
        var (status, body, _) = await GetAsync("2/users/1500000000000000001/mentions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"meta":{"result_count":0}}""", body.GetRawText());
    }

    [Fact]
    public async Task Mentions_LongPost_ServesPreviewAndNoteTweetWhenAsked()
    {
        var text = "@SevaDeskUP " + string.Concat(Enumerable.Repeat("सड़क टूटी है। ", 30)) + "#Lucknow";
        _fake.AddPost(_citizen.Id, text);

        var (_, body, _) = await GetAsync("2/users/1500000000000000001/mentions?tweet.fields=note_tweet,entities");

        var post = body.GetProperty("data")[0];
        Assert.NotEqual(text, post.GetProperty("text").GetString());
        Assert.EndsWith("…", post.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(text, post.GetProperty("note_tweet").GetProperty("text").GetString());
        Assert.Equal("Lucknow", post.GetProperty("note_tweet").GetProperty("entities").GetProperty("hashtags")[0].GetProperty("tag").GetString());
    }

    [Fact]
    public async Task Mentions_PartialError_IsServedBesideData()
    {
        _fake.AddPost(_citizen.Id, "@SevaDeskUP hello");
        _fake.AddPartialErrorToNextMentionsPage("1929000000000000001");

        var (status, body, _) = await GetAsync("2/users/1500000000000000001/mentions");
        var (_, next, _) = await GetAsync("2/users/1500000000000000001/mentions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("data").GetArrayLength());
        Assert.Equal("https://api.x.com/2/problems/resource-not-found", body.GetProperty("errors")[0].GetProperty("type").GetString());
        Assert.False(next.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("max_results=4")]
    [InlineData("max_results=101")]
    [InlineData("since_id=abc")]
    [InlineData("pagination_token=zzz")]
    public async Task Mentions_InvalidParameters_Answer400InvalidRequest(string query)
    {
        var (status, body, _) = await GetAsync("2/users/1500000000000000001/mentions?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("https://api.x.com/2/problems/invalid-request", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Mentions_WithoutToken_Answers401()
    {
        _http.DefaultRequestHeaders.Authorization = null;

        var (status, _, _) = await GetAsync("2/users/1500000000000000001/mentions");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Mentions_RateLimit_429UntilTheWindowResetsOnTheFakeClock()
    {
        _fake.MentionsRequestsPerWindow = 2;

        var first = await GetAsync("2/users/1500000000000000001/mentions");
        await GetAsync("2/users/1500000000000000001/mentions");
        var limited = await GetAsync("2/users/1500000000000000001/mentions");
        _time.Advance(TimeSpan.FromMinutes(15));
        var after = await GetAsync("2/users/1500000000000000001/mentions");

        Assert.Equal("1", first.Response.Headers.GetValues("x-rate-limit-remaining").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("0", limited.Response.Headers.GetValues("x-rate-limit-remaining").Single());
        Assert.Equal(Some.Now.AddMinutes(15).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), limited.Response.Headers.GetValues("x-rate-limit-reset").Single());
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task CreateTweet_RecordsBodyAndAnswers201WithId()
    {
        var original = _fake.AddPost(_citizen.Id, "@SevaDeskUP help");
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/tweets")
        {
            Content = new StringContent("{\"text\":\"Complaint LKO-2611-0001\",\"reply\":{\"in_reply_to_tweet_id\":\"" + original.Id + "\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.UserTokenFor(_desk.Id));

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("id").GetString();
        var created = Assert.Single(_fake.CreatedPosts);
        Assert.Equal(id, created.Id);
        Assert.Equal(_desk.Id, created.AuthorId);
        Assert.Equal(original.Id, created.InReplyToId);
        Assert.Equal("Complaint LKO-2611-0001", created.Text);
    }

    [Theory]
    [InlineData("{\"text\":\"\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"txt\":\"hi\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"hi\",\"reply\":{}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"hi\",\"reply\":{\"in_reply_to_tweet_id\":\"42\"}}", HttpStatusCode.Forbidden)]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    public async Task CreateTweet_BadBodies_AreRefusedAsXDoes(string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/tweets") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.UserTokenFor(_desk.Id));

        var response = await _http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_fake.CreatedPosts);
    }

    [Fact]
    public async Task CreateTweet_SameTextTwice_IsRefusedAsDuplicateContent()
    {
        async Task<HttpStatusCode> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "2/tweets") { Content = new StringContent("""{"text":"same"}""", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.UserTokenFor(_desk.Id));
            return (await _http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Created, await PostAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync());
        Assert.Single(_fake.CreatedPosts);
    }

    [Fact]
    public async Task CreateTweet_WithAppOnlyToken_IsForbidden()
    {
        var response = await _http.PostAsync("2/tweets", new StringContent("""{"text":"hi"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("unsupported-authentication", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddUser_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => _fake.AddUser("abc", "name"));
        Assert.Throws<ArgumentException>(() => _fake.AddUser("1", "has space"));
        Assert.Throws<ArgumentException>(() => _fake.AddUser("1500000000000000001", "again"));
        Assert.Throws<ArgumentException>(() => _fake.AddPost("999", "unknown author"));
    }
}
