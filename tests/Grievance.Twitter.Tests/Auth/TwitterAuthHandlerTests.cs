using Grievance.TestUtilities;
using Grievance.Twitter.Http;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Auth;

/// <summary>User-context calls signed with OAuth 1.0a and checked by the fake's own verifier (issue 7).</summary>
public class TwitterAuthHandlerTests
{
    private const string PoliceDeskId = "1500000000000000002";
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXPost _post;

    public TwitterAuthHandlerTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _fake.AddUser(PoliceDeskId, "Uppolice");
        var citizen = _fake.AddUser("1600000000000000042", "ravi_lko");
        _post = _fake.AddPost(citizen.Id, "@SevaDeskUP @Uppolice streetlight out in Lucknow");
    }

    private ServiceProvider OAuth1Services(Action<TwitterOptions>? configure = null) => TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
    {
        o.BearerToken = _fake.AppBearerToken;
        o.UserAccessToken = null;
        o.ConsumerKey = _fake.ConsumerKey;
        o.ConsumerSecret = _fake.ConsumerSecret;
        var desk = _fake.OAuth1TokenFor(TwitterTestHost.DeskId);
        o.Accounts[0].AccessToken = desk.Token;
        o.Accounts[0].AccessTokenSecret = desk.TokenSecret;
        var police = _fake.OAuth1TokenFor(PoliceDeskId);
        o.Accounts.Add(new TwitterAccountOptions { UserId = PoliceDeskId, Username = "Uppolice", AccessToken = police.Token, AccessTokenSecret = police.TokenSecret });
        configure?.Invoke(o);
    });

    [Fact]
    public async Task PostReplyAsync_OAuth1Accounts_SignedWithTheAddressedAccountsToken()
    {
        using var services = OAuth1Services();
        var client = services.GetRequiredService<ITwitterApiClient>();

        await client.PostReplyAsync("Registered as LKO-2611-00421.", _post.Id, TwitterTestHost.DeskName);
        await client.PostReplyAsync("Police registered LKO-2611-00421.", _post.Id, "@uppolice");

        Assert.Equal([TwitterTestHost.DeskId, PoliceDeskId], _fake.CreatedPosts.Select(p => p.AuthorId));
    }

    [Fact]
    public async Task GetMentionsAsync_WithOAuth1Configured_StillUsesAppBearer()
    {
        using var services = OAuth1Services();

        await services.GetRequiredService<ITwitterApiClient>().GetMentionsAsync(new MentionsQuery { UserId = TwitterTestHost.DeskId });

        Assert.Equal(200, Assert.Single(_fake.Requests).StatusCode);
    }

    [Fact]
    public async Task PostReplyAsync_WrongConsumerSecret_XRefuses401()
    {
        using var services = OAuth1Services(o => o.ConsumerSecret = "not-the-secret");

        var error = await Assert.ThrowsAsync<TwitterConfigurationException>(() => services.GetRequiredService<ITwitterApiClient>().PostReplyAsync("Registered.", _post.Id, TwitterTestHost.DeskName));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Empty(_fake.CreatedPosts);
    }

    [Fact]
    public async Task PostReplyAsync_StaticTokenAccountsStillWork()
    {
        using var services = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.BearerToken = _fake.AppBearerToken;
            o.UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
        });

        await services.GetRequiredService<ITwitterApiClient>().PostReplyAsync("Registered.", _post.Id, TwitterTestHost.DeskName);

        Assert.Equal(TwitterTestHost.DeskId, Assert.Single(_fake.CreatedPosts).AuthorId);
    }

    [Theory]
    [InlineData("key", "secret", "token", null, "AccessTokenSecret")]
    [InlineData("key", "secret", null, "token-secret", "AccessToken")]
    [InlineData(null, "secret", "token", "token-secret", "ConsumerKey")]
    [InlineData("key", null, "token", "token-secret", "ConsumerSecret")]
    public void Options_OAuth1MissingAnyOfFour_FailAtStartUp(string? consumerKey, string? consumerSecret, string? token, string? tokenSecret, string missing)
    {
        using var services = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.ConsumerKey = consumerKey;
            o.ConsumerSecret = consumerSecret;
            o.Accounts[0].AccessToken = token;
            o.Accounts[0].AccessTokenSecret = tokenSecret;
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwitterOptions>>().Value);
        Assert.Contains("OAuth 1.0a", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OAuth2WithoutClientId_FailsAtStartUp()
    {
        using var services = TwitterTestHost.Create(_fake.CreateHandler(), _time, o => o.Accounts[0].RefreshToken = "refresh");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwitterOptions>>().Value);
        Assert.Contains("OAuth2ClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ExplicitStaticTokenWithoutAnyToken_FailsAtStartUp()
    {
        using var services = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.UserAccessToken = null;
            o.Accounts[0].AuthMode = TwitterUserAuthMode.StaticToken;
        });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwitterOptions>>().Value);
    }
}
