using System.Diagnostics;
using System.Net;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.TestUtilities;
using Grievance.Twitter.Streaming;
using Grievance.Twitter.Streaming.Internal;
using Grievance.Twitter.Testing;
using Grievance.Twitter.Tests.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Streaming;

public sealed class TwitterFilteredStreamSourceTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXUser _citizen;
    private readonly OpenApiCheckingHandler _checked;
    private readonly ServiceProvider _services;
    private readonly TwitterFilteredStreamSource _source;
    private readonly List<TimeSpan> _delays = [];
    private readonly SemaphoreSlim _waiting = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<InboundBatch> _batches;

    public TwitterFilteredStreamSourceTests()
    {
        _fake = new FakeXApi(_time) { TimeBasedIds = true };
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
        _checked = new OpenApiCheckingHandler(_fake.CreateHandler());
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        var twitter = services.AddGrievance(TestServices.SampleDepartments)
            .AddTwitter(o =>
            {
                o.BearerToken = _fake.AppBearerToken;
                o.Accounts.Add(new TwitterAccountOptions { UserId = TwitterTestHost.DeskId, Username = TwitterTestHost.DeskName });
            });
        twitter.HttpClient.ConfigurePrimaryHttpMessageHandler(() => _checked);
        twitter.AddFilteredStream().ConfigurePrimaryHttpMessageHandler(() => _checked);
        _services = services.BuildServiceProvider();
        _source = (TwitterFilteredStreamSource)_services.GetRequiredService<ITwitterFilteredStream>();
        _source.Delay = (delay, token) =>
        {
            var wait = Task.Delay(delay, _time, token);
            lock (_delays)
            {
                _delays.Add(delay);
            }

            _waiting.Release();
            return wait;
        };
        _batches = _source.ReadAsync(null, _stop.Token).GetAsyncEnumerator();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _batches.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
        }

        await _services.DisposeAsync();
        Assert.Empty(_checked.Violations);
    }

    /// <summary>Waits for the source to reach a state; the deadline only guards against a hang, it asserts no timing.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The stream source did not reach the expected state.");
            await Task.Yield();
        }
    }

    private async Task<InboundMessage> NextAsync()
    {
        Assert.True(await _batches.MoveNextAsync());
        return Assert.Single(_batches.Current.Messages);
    }

    private async Task<FakeXPost> DeliverAsync(string text)
    {
        var next = NextAsync();
        await Until(() => _fake.OpenStreams == 1);
        var post = _fake.AddPost(_citizen.Id, text);
        Assert.Equal(post.Id, (await next).ExternalId);
        return post;
    }

    [Fact]
    public async Task ReadAsync_EnsuresTheDeskRuleAndDeliversMatchingPostsAsTheyAreMade()
    {
        var post = await DeliverAsync("@SevaDeskUP chain snatching near Hazratganj crossing");

        var rule = Assert.Single(_fake.StreamRules);
        Assert.Equal("@SevaDeskUP -from:SevaDeskUP -is:retweet", rule.Value);
        Assert.Equal("grievance:" + TwitterTestHost.DeskId, rule.Tag);
        Assert.Contains(_fake.Requests, r => r.PathAndQuery.StartsWith("/2/tweets/search/stream?", StringComparison.Ordinal));
        Assert.NotEmpty(post.Id);
    }

    [Fact]
    public async Task ReadAsync_TwentySilentSeconds_ReopenTheConnectionAtOnce()
    {
        await DeliverAsync("@SevaDeskUP first");

        _fake.StreamHeartbeatsPaused = true;
        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, _waiting.CurrentCount);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _waiting.WaitAsync();
        _fake.StreamHeartbeatsPaused = false;
        await Until(() => _fake.StreamAttempts.Count == 2);

        Assert.Equal([TimeSpan.Zero], _delays);
        Assert.Equal(Some.Now.AddSeconds(20), _fake.StreamAttempts[1].At);
        await DeliverAsync("@SevaDeskUP after the stall");
    }

    [Fact]
    public async Task ReadAsync_DropThenHttpErrors_ReconnectsAtOnceThenBacksOffExponentially()
    {
        await DeliverAsync("@SevaDeskUP first");
        _fake.FailNextStreamConnections(HttpStatusCode.ServiceUnavailable, 3);

        _fake.DisconnectStreams();
        var step = 0;
        foreach (var expected in new[] { 0, 5, 10, 20 })
        {
            await _waiting.WaitAsync();
            TimeSpan chosen;
            lock (_delays)
            {
                chosen = _delays[step++];
            }

            Assert.Equal(TimeSpan.FromSeconds(expected), chosen);
            _time.Advance(chosen);
        }

        await DeliverAsync("@SevaDeskUP back again");
        Assert.Equal([200, 503, 503, 503, 200], _fake.StreamAttempts.Select(a => a.StatusCode));
        Assert.Equal([0, 0, 5, 15, 35], _fake.StreamAttempts.Select(a => (a.At - Some.Now).TotalSeconds));
    }

    [Fact]
    public async Task ReadAsync_RateLimited_BacksOffFromSixtySeconds()
    {
        await DeliverAsync("@SevaDeskUP first");
        _fake.FailNextStreamConnections(HttpStatusCode.TooManyRequests, 2);

        _fake.DisconnectStreams(abruptly: true);
        var step = 0;
        foreach (var expected in new[] { 0, 60, 120 })
        {
            await _waiting.WaitAsync();
            TimeSpan chosen;
            lock (_delays)
            {
                chosen = _delays[step++];
            }

            Assert.Equal(TimeSpan.FromSeconds(expected), chosen);
            _time.Advance(chosen);
        }

        await DeliverAsync("@SevaDeskUP back again");
        Assert.Equal([200, 429, 429, 200], _fake.StreamAttempts.Select(a => a.StatusCode));
    }

    [Fact]
    public async Task ReadAsync_AppTokenRefused_EndsWithAConfigurationError()
    {
        _fake.AppBearerToken = "another-token";

        var ex = await Assert.ThrowsAsync<Grievance.Twitter.Http.TwitterConfigurationException>(async () => await _batches.MoveNextAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
