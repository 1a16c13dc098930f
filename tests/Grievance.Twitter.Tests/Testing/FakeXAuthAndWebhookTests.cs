using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grievance.TestUtilities;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Testing;
using Grievance.Twitter.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Testing;

/// <summary>The fake's token endpoint, OAuth 1.0a verifier and webhook deliveries speak X's wire format.</summary>
public sealed class FakeXAuthAndWebhookTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly HttpClient _http;
    private readonly FakeXUser _desk;
    private readonly FakeXUser _citizen;

    public FakeXAuthAndWebhookTests()
    {
        _fake = new FakeXApi(_time);
        _desk = _fake.AddUser("1500000000000000001", "SevaDeskUP");
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
        _http = new HttpClient(_fake.CreateHandler()) { BaseAddress = FakeXApi.BaseAddress };
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken)
    {
        using var response = await _http.PostAsync("2/oauth2/token", new FormUrlEncodedContent(
        [
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", _fake.OAuth2ClientId),
        ]));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Token_Refresh_RotatesPair_SpentTokenReusedRevokesFamily()
    {
        var grant = _fake.IssueOAuth2Tokens(_desk.Id);

        var (status, body) = await RefreshAsync(grant.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(7200, body.GetProperty("expires_in").GetInt32());
        var rotated = body.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(grant.RefreshToken, rotated);

        var (reuse, error) = await RefreshAsync(grant.RefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, reuse);
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());

        // The reuse killed the family: the rotated token is dead too.
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(rotated)).Status);
        Assert.Equal(1, _fake.TokenRefreshCount);
    }

    [Fact]
    public async Task CreateTweet_OAuth1TamperedOrReplayed_401()
    {
        var post = _fake.AddPost(_citizen.Id, "@SevaDeskUP streetlight out in Lucknow");
        var token = _fake.OAuth1TokenFor(_desk.Id);
        var credentials = new OAuth1Credentials(_fake.ConsumerKey, _fake.ConsumerSecret, token.Token, token.TokenSecret);
        var url = new Uri(FakeXApi.BaseAddress, "2/tweets");
        var header = OAuth1Signer.AuthorizationParameter("POST", url, [], credentials, "nonce-1", _time.GetUtcNow().ToUnixTimeSeconds());

        async Task<HttpStatusCode> PostAsync(string authorization, string text)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent($"{{\"text\":\"{text}\",\"reply\":{{\"in_reply_to_tweet_id\":\"{post.Id}\"}}}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", authorization);
            using var response = await _http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Created, await PostAsync(header, "Registered."));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(header, "Registered again.")); // same nonce and timestamp
        var tampered = OAuth1Signer.AuthorizationParameter("POST", url, [], credentials with { TokenSecret = "wrong" }, "nonce-2", _time.GetUtcNow().ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(tampered, "Registered again."));
        Assert.Single(_fake.CreatedPosts);
    }

    [Fact]
    public void CreatePostDelivery_V1FormatSignedAsX()
    {
        var post = _fake.AddPost(_citizen.Id, "@SevaDeskUP pipes & drains <broken> near Hazratganj", lang: "en");

        var delivery = _fake.CreatePostDelivery(_desk.Id, post);

        Assert.True(TwitterWebhookSignature.IsValid(_fake.ConsumerSecret, delivery.Body, delivery.Signature));
        using var document = JsonDocument.Parse(delivery.Body);
        var root = document.RootElement;
        Assert.Equal(_desk.Id, root.GetProperty("for_user_id").GetString());
        var tweet = Assert.Single(root.GetProperty("tweet_create_events").EnumerateArray());
        Assert.Equal(post.Id, tweet.GetProperty("id_str").GetString());
        Assert.Equal(JsonValueKind.Number, tweet.GetProperty("id").ValueKind);
        Assert.NotEqual(post.Id, ((ulong)tweet.GetProperty("id").GetDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture)); // why id_str matters
        Assert.Equal("@SevaDeskUP pipes &amp; drains &lt;broken&gt; near Hazratganj", tweet.GetProperty("text").GetString());
        Assert.Matches(@"^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0000 \d{4}$", tweet.GetProperty("created_at").GetString()!);
        var mention = Assert.Single(tweet.GetProperty("entities").GetProperty("user_mentions").EnumerateArray());
        Assert.Equal("[0,11]", mention.GetProperty("indices").GetRawText());
        Assert.Equal(_citizen.Id, tweet.GetProperty("user").GetProperty("id_str").GetString());
    }

    [Fact]
    public void CreateCrcChallenge_ExpectedTokenIsTheDocumentedHmac()
    {
        _fake.ConsumerSecret = "s3cr3t-consumer";
        var challenge = _fake.CreateCrcChallenge();

        Assert.Equal(TwitterWebhookSignature.ComputeCrcResponseToken("s3cr3t-consumer", challenge.CrcToken), challenge.ExpectedResponseToken);
        Assert.False(FakeXApi.IsValidCrcAnswer(challenge, 200, "{\"response_token\":\"sha256=wrong\"}"));
        Assert.False(FakeXApi.IsValidCrcAnswer(challenge, 500, "{\"response_token\":\"" + challenge.ExpectedResponseToken + "\"}"));
    }
}
