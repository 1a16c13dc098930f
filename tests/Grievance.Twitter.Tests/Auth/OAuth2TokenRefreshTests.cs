using System.Net;
using Grievance.TestUtilities;
using Grievance.Twitter.Auth;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Http;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Auth;

/// <summary>OAuth 2.0 user tokens: single-flight refresh and atomic rotation against the fake's token endpoint (issue 7).</summary>
public sealed class OAuth2TokenRefreshTests : IDisposable
{
    private const int Concurrent = 8;
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXGrantedAccount _desk;
    private readonly List<FakeXPost> _posts = [];
    private readonly FakeLogCollector _logs = new();
    private readonly GateHandler _gate;
    private readonly ServiceProvider _services;

    public OAuth2TokenRefreshTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        var citizen = _fake.AddUser("1600000000000000042", "ravi_lko");
        for (var i = 0; i < Concurrent * 2; i++)
        {
            _posts.Add(_fake.AddPost(citizen.Id, $"@SevaDeskUP streetlight {i} out in Lucknow"));
        }

        _desk = new FakeXGrantedAccount(_fake.IssueOAuth2Tokens(TwitterTestHost.DeskId));
        _gate = new GateHandler(_fake.CreateHandler());
        _services = TwitterTestHost.Create(
            _gate,
            _time,
            o =>
            {
                o.BearerToken = _fake.AppBearerToken;
                o.UserAccessToken = null;
                o.OAuth2ClientId = _fake.OAuth2ClientId;
                o.Accounts[0].UserAccessToken = _desk.Grant.AccessToken;
                o.Accounts[0].RefreshToken = _desk.Grant.RefreshToken;
            },
            configureServices: s => s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace)));
    }

    private ITwitterApiClient Client => _services.GetRequiredService<ITwitterApiClient>();

    private ITokenStore Store => _services.GetRequiredService<ITokenStore>();

    public void Dispose() => _services.Dispose();

    private Task PostAllAsync(int offset = 0) =>
        Task.WhenAll(Enumerable.Range(offset, Concurrent).Select(i => Task.Run(() => Client.PostReplyAsync($"Registered {i}.", _posts[i].Id, TwitterTestHost.DeskName))));

    [Fact]
    public async Task PostReplyAsync_ConfiguredTokenValid_NoRefresh()
    {
        await Client.PostReplyAsync("Registered.", _posts[0].Id, TwitterTestHost.DeskName);

        Assert.Equal(0, _fake.TokenRequestCount);
        Assert.Single(_fake.CreatedPosts);
    }

    [Fact]
    public async Task PostReplyAsync_ConcurrentRequestsAll401_OneRefreshCall_AllPosted()
    {
        _fake.RevokeOAuth2AccessTokens(TwitterTestHost.DeskId);

        // Hold the token endpoint until every request has been refused, so all of them wait on the refresh at once.
        _gate.HoldTokenRequestsUntil401s(Concurrent);
        await PostAllAsync();

        Assert.Equal(Concurrent, _gate.Unauthorized);
        Assert.Equal(1, _fake.TokenRequestCount);
        Assert.Equal(1, _fake.TokenRefreshCount);
        Assert.Equal(Concurrent, _fake.CreatedPosts.Count);
    }

    [Fact]
    public async Task PostReplyAsync_ConcurrentRequestsAfterExpiry_OneRefreshCall()
    {
        await Client.PostReplyAsync("Registered.", _posts[^1].Id, TwitterTestHost.DeskName); // stores nothing yet: expiry unknown
        _fake.RevokeOAuth2AccessTokens(TwitterTestHost.DeskId);
        await Client.PostReplyAsync("Registered again.", _posts[^2].Id, TwitterTestHost.DeskName); // 401 -> refresh; expiry now known
        Assert.Equal(1, _fake.TokenRefreshCount);

        _time.Advance(TimeSpan.FromHours(2));
        await PostAllAsync();

        Assert.Equal(2, _fake.TokenRefreshCount);
        Assert.Equal(0, _gate.Unauthorized - 1); // only the revoked one above was ever refused: expiry is caught before sending
        Assert.Equal(Concurrent + 2, _fake.CreatedPosts.Count);
    }

    [Fact]
    public async Task Refresh_RotatedRefreshTokenStoredBeforeNewAccessTokenIsUsed()
    {
        _fake.RevokeOAuth2AccessTokens(TwitterTestHost.DeskId);
        TwitterUserTokens? storedWhenUsed = null;
        _gate.OnUserPost = async token =>
        {
            if (token != _desk.Grant.AccessToken)
            {
                storedWhenUsed = await Store.GetAsync(TwitterTestHost.DeskId);
            }
        };

        await Client.PostReplyAsync("Registered.", _posts[0].Id, TwitterTestHost.DeskName);

        Assert.NotNull(storedWhenUsed);
        Assert.NotEqual(_desk.Grant.RefreshToken, storedWhenUsed!.RefreshToken);
        Assert.Equal(_time.GetUtcNow() + _fake.OAuth2AccessTokenLifetime, storedWhenUsed.ExpiresAt);
    }

    [Fact]
    public async Task Refresh_Twice_SecondUsesTheRotatedTokenNotTheSpentOne()
    {
        // The fake, like X, kills the whole token family when a spent refresh token is presented again.
        _fake.RevokeOAuth2AccessTokens(TwitterTestHost.DeskId);
        await Client.PostReplyAsync("One.", _posts[0].Id, TwitterTestHost.DeskName);
        _fake.RevokeOAuth2AccessTokens(TwitterTestHost.DeskId);
        await Client.PostReplyAsync("Two.", _posts[1].Id, TwitterTestHost.DeskName);

        Assert.Equal(2, _fake.TokenRefreshCount);
        Assert.Equal(2, _fake.CreatedPosts.Count);
    }

    [Fact]
    public async Task Refresh_RefusedByX_ThrowsAndPostsNothing()
    {
        await Store.TryReplaceAsync(TwitterTestHost.DeskId, null, new TwitterUserTokens { AccessToken = "dead", RefreshToken = "unknown-refresh" });

        var error = await Assert.ThrowsAsync<TwitterApiException>(() => Client.PostReplyAsync("One.", _posts[0].Id, TwitterTestHost.DeskName));

        Assert.Contains("authorize the account again", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.CreatedPosts);
    }

    [Fact]
    public async Task Refresh_ConfidentialClient_SendsBasicAuth()
    {
        _fake.OAuth2ClientSecret = "client-secret";
        using var services = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.UserAccessToken = null;
            o.OAuth2ClientId = _fake.OAuth2ClientId;
            o.OAuth2ClientSecret = "client-secret";
            o.Accounts[0].AuthMode = TwitterUserAuthMode.OAuth2;
            o.Accounts[0].RefreshToken = _desk.Grant.RefreshToken;
        });

        await services.GetRequiredService<ITwitterApiClient>().PostReplyAsync("One.", _posts[0].Id, TwitterTestHost.DeskName);

        Assert.Equal(1, _fake.TokenRefreshCount);
    }

    [Fact]
    public async Task Logs_NeverCarryTokensOrSecrets()
    {
        _fake.RevokeOAuth2AccessTokens(TwitterTestHost.DeskId);
        await Client.PostReplyAsync("Registered.", _posts[0].Id, TwitterTestHost.DeskName);
        var stored = await Store.GetAsync(TwitterTestHost.DeskId);

        var text = string.Join("\n", _logs.GetSnapshot().Select(r => r.Category + " | " + r.Message + " " + string.Join(",", r.StructuredState ?? [])));
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == 2030);
        foreach (var secret in new[] { _desk.Grant.AccessToken, _desk.Grant.RefreshToken, stored!.AccessToken, stored.RefreshToken!, _fake.AppBearerToken })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(stored.AccessToken, stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMemoryTokenStore_CompareAndSwap_RefusesStaleWriter()
    {
        var store = new InMemoryTokenStore();
        Assert.True(await store.TryReplaceAsync("1", null, new TwitterUserTokens { AccessToken = "a1", RefreshToken = "r1" }));
        Assert.True(await store.TryReplaceAsync("1", "r1", new TwitterUserTokens { AccessToken = "a2", RefreshToken = "r2" }));

        Assert.False(await store.TryReplaceAsync("1", "r1", new TwitterUserTokens { AccessToken = "a3", RefreshToken = "r3" }));
        Assert.Equal("a2", (await store.GetAsync("1"))!.AccessToken);
        Assert.Equal("accountId", (await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(" "))).ParamName);
    }

    private sealed record FakeXGrantedAccount(FakeXOAuth2Grant Grant);

    /// <summary>Counts 401s on posts, can hold token requests until enough of them arrived, and can look at each post before it is sent.</summary>
    private sealed class GateHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _holdUntil;
        private int _unauthorized;

        public int Unauthorized => Volatile.Read(ref _unauthorized);

        public Func<string, Task>? OnUserPost { get; set; }

        public void HoldTokenRequestsUntil401s(int count) => _holdUntil = count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/2/oauth2/token" && _holdUntil > 0)
            {
                // Bounded so a broken single-flight fails the test instead of hanging it.
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            if (path == "/2/tweets" && OnUserPost is { } onPost)
            {
                await onPost(request.Headers.Authorization?.Parameter ?? string.Empty);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (path == "/2/tweets" && response.StatusCode == HttpStatusCode.Unauthorized && Interlocked.Increment(ref _unauthorized) >= _holdUntil && _holdUntil > 0)
            {
                _released.TrySetResult();
            }

            return response;
        }
    }
}
