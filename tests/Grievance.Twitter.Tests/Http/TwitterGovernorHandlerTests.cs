using System.Diagnostics.Metrics;
using System.Net;
using Grievance.TestUtilities;
using Grievance.Twitter.Diagnostics;
using Grievance.Twitter.Http;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Http;

/// <summary>The rate-limit and spend governor (issue 7, item 4), against the fake X on a fake clock.</summary>
public sealed class TwitterGovernorHandlerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private ServiceProvider? _provider;

    public TwitterGovernorHandlerTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _fake.AddUser("1600000000000000042", "ravi_lko");
    }

    private ITwitterApiClient Client(Action<TwitterOptions>? configure = null)
    {
        _provider = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.BearerToken = _fake.AppBearerToken;
            o.UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
            configure?.Invoke(o);
        }, extra: s => s.AddMetrics());
        return _provider.GetRequiredService<ITwitterApiClient>();
    }

    private static MentionsQuery Query() => new() { UserId = TwitterTestHost.DeskId };

    private int RequestsTo(string method) => _fake.Requests.Count(r => r.Method == method);

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetMentionsAsync_429WithResetBeyondMaxWait_RefusesWithoutSendingUntilTheReset()
    {
        var client = Client();
        _fake.Faults.Script(FakeXFaultKind.RateLimited, FakeXFaultTarget.Reads);

        var first = await Assert.ThrowsAsync<TwitterRateLimitExceededException>(() => client.GetMentionsAsync(Query()));
        var second = await Assert.ThrowsAsync<TwitterRateLimitExceededException>(() => client.GetMentionsAsync(Query()));

        Assert.Equal(TimeSpan.FromMinutes(15), first.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(15), second.RetryAfter);
        Assert.Equal(1, RequestsTo("GET"));
        _time.Advance(TimeSpan.FromMinutes(15));
        await client.GetMentionsAsync(Query());
        Assert.Equal(2, RequestsTo("GET"));
    }

    [Fact]
    public async Task GetMentionsAsync_429WithResetWithinMaxWait_WaitsOnTheClockThenSendsOnce()
    {
        var client = Client();
        _fake.Faults.RateLimitResetAfter = TimeSpan.FromSeconds(40);
        _fake.Faults.Script(FakeXFaultKind.RateLimited, FakeXFaultTarget.Reads);

        var call = client.GetMentionsAsync(Query());
        Assert.False(call.IsCompleted);
        Assert.Equal(1, RequestsTo("GET"));
        _time.Advance(TimeSpan.FromSeconds(39));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await call;

        Assert.Equal(2, RequestsTo("GET"));
    }

    [Fact]
    public async Task PostReplyAsync_24HourCapReached_RetryAfterIsTheDailyResetAndNextPostIsNotSent()
    {
        var client = Client();
        var citizen = _fake.AddPost("1600000000000000042", "@SevaDeskUP no water");
        _fake.Faults.Script(FakeXFaultKind.DailyCapReached, FakeXFaultTarget.Posts);

        var ex = await Assert.ThrowsAsync<TwitterRateLimitExceededException>(() => client.PostReplyAsync("Complaint A", citizen.Id));
        var held = await Assert.ThrowsAsync<TwitterRateLimitExceededException>(() => client.PostReplyAsync("Complaint B", citizen.Id));

        Assert.Equal(TimeSpan.FromDays(1), ex.RetryAfter);
        Assert.Equal(TimeSpan.FromDays(1), held.RetryAfter);
        Assert.Equal(1, RequestsTo("POST"));
        Assert.Empty(_fake.CreatedPosts);
    }

    [Fact]
    public async Task PostReplyAsync_UsageCapped_ThrowsTypedExceptionAndIsNotRetried()
    {
        var client = Client();
        var citizen = _fake.AddPost("1600000000000000042", "@SevaDeskUP no water");
        _fake.Faults.Script(FakeXFaultKind.UsageCapped, FakeXFaultTarget.Posts);

        var ex = await Assert.ThrowsAsync<TwitterUsageCappedException>(() => client.PostReplyAsync("Complaint A", citizen.Id));

        Assert.Equal("usage-capped", ex.ProblemType);
        Assert.Equal("Monthly", ex.Period);
        Assert.Equal("Product", ex.Scope);
        Assert.Equal(1, RequestsTo("POST"));
    }

    [Fact]
    public async Task PostReplyAsync_DailySpendCapReached_RefusesWithoutSendingUntilUtcMidnight()
    {
        var client = Client(o =>
        {
            o.Governor.DailySpendCap = 0.02m;
            o.Governor.ReplyCost = 0.01m;
        });
        var citizen = _fake.AddPost("1600000000000000042", "@SevaDeskUP no water");
        using var spend = new MetricCollector<double>(_provider!.GetRequiredService<IMeterFactory>(), TwitterTelemetry.MeterName, TwitterTelemetry.SpendRemaining);

        await client.PostReplyAsync("Complaint A", citizen.Id);
        await client.PostReplyAsync("Complaint B", citizen.Id);
        var ex = await Assert.ThrowsAsync<TwitterSpendCapExceededException>(() => client.PostReplyAsync("Complaint C", citizen.Id));

        Assert.Equal(TimeSpan.FromHours(14), ex.RetryAfter); // Some.Now is 10:00 UTC
        Assert.Equal(2, RequestsTo("POST"));
        spend.RecordObservableInstruments();
        Assert.Equal(0d, spend.LastMeasurement!.Value);

        _time.Advance(ex.RetryAfter);
        await client.PostReplyAsync("Complaint C", citizen.Id);
        Assert.Equal(3, _fake.CreatedPosts.Count);
    }

    [Fact]
    public async Task GetMentionsAsync_503_RetriedAfterBackoffOnTheClock()
    {
        var client = Client();
        _fake.Faults.Script(FakeXFaultKind.ServiceUnavailable, FakeXFaultTarget.Reads);

        var call = client.GetMentionsAsync(Query());
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        await call;

        Assert.Equal([503, 200], _fake.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task GetMentionsAsync_NoAnswer_TimesOutOnTheClockAndIsRetried()
    {
        var client = Client();
        _fake.Faults.AdvanceClockWhileHanging = _time.Advance;
        _fake.Faults.Script(FakeXFaultKind.Timeout, FakeXFaultTarget.Reads);

        var call = client.GetMentionsAsync(Query());
        _time.Advance(TimeSpan.FromSeconds(10));
        await call;

        Assert.Equal([0, 200], _fake.Requests.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(FakeXFaultKind.ServiceUnavailable)]
    [InlineData(FakeXFaultKind.ServerError)]
    public async Task PostReplyAsync_5xx_IsNeverRetried(FakeXFaultKind kind)
    {
        var client = Client();
        var citizen = _fake.AddPost("1600000000000000042", "@SevaDeskUP no water");
        _fake.Faults.Script(kind, FakeXFaultTarget.Posts);

        var ex = await Assert.ThrowsAsync<TwitterApiException>(() => client.PostReplyAsync("Complaint A", citizen.Id));

        Assert.True((int)ex.StatusCode! >= 500);
        Assert.Equal(1, RequestsTo("POST"));
    }

    [Fact]
    public async Task Budgets_AfterRequests_ReportedAsGaugesPerEndpointAndAuthContext()
    {
        var client = Client();
        var citizen = _fake.AddPost("1600000000000000042", "@SevaDeskUP no water");
        using var window = new MetricCollector<long>(_provider!.GetRequiredService<IMeterFactory>(), TwitterTelemetry.MeterName, TwitterTelemetry.RateLimitRemaining);
        using var daily = new MetricCollector<long>(_provider!.GetRequiredService<IMeterFactory>(), TwitterTelemetry.MeterName, TwitterTelemetry.DailyLimitRemaining);

        await client.GetMentionsAsync(Query());
        await client.PostReplyAsync("Complaint A", citizen.Id);
        window.RecordObservableInstruments();
        daily.RecordObservableInstruments();

        var measurements = window.GetMeasurementSnapshot();
        Assert.Contains(measurements, m => m.Value == 449 && (string?)m.Tags["grievance.x.endpoint"] == TwitterEndpoints.Mentions && (string?)m.Tags["grievance.x.auth"] == "app");
        Assert.Contains(measurements, m => m.Value == 99 && (string?)m.Tags["grievance.x.endpoint"] == TwitterEndpoints.CreateTweet && (string?)m.Tags["grievance.x.auth"] == "user:" + TwitterTestHost.DeskId);
        Assert.Contains(daily.GetMeasurementSnapshot(), m => m.Value == 9_999 && (string?)m.Tags["grievance.x.endpoint"] == TwitterEndpoints.CreateTweet);
    }

    [Fact]
    public async Task GetMentionsAsync_Unauthorized_IsAConfigurationErrorAndNotRetried()
    {
        var client = Client(o => o.BearerToken = "wrong-token");

        var ex = await Assert.ThrowsAsync<TwitterConfigurationException>(() => client.GetMentionsAsync(Query()));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(1, RequestsTo("GET"));
    }
}
