using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Notifications;

/// <summary>A reply that may have been published is looked for before it is ever sent again (issue 7, item 3).</summary>
public sealed class ReplyReconciliationTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly ServiceProvider _provider;

    public ReplyReconciliationTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _fake.AddUser("1600000000000000042", "ravi_lko");
        _fake.AddPost("1600000000000000042", "@SevaDeskUP streetlight out near Gomti Nagar, Lucknow for a week");
        _fake.Faults.AdvanceClockWhileHanging = _time.Advance;
        _provider = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.BearerToken = _fake.AppBearerToken;
            o.Accounts[0].UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
        });
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private async Task<OutboundMessage> IntakeAsync()
    {
        var source = Assert.Single(_provider.GetRequiredService<IComplaintSourceProvider>().GetSources());
        Assert.Equal(1, (await _provider.GetRequiredService<IIntakePipeline>().RunAsync(source)).Created);
        return Assert.Single(await _provider.GetRequiredService<IOutboxStore>().GetPendingAsync(10));
    }

    private async Task<OutboxDispatchResult> DispatchAcrossIndexingDelayAsync()
    {
        var round = _provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();
        Assert.False(round.IsCompleted); // waiting for X to index the possibly published reply
        _time.Advance(TimeSpan.FromSeconds(15));
        return await round;
    }

    private async Task<OutboundMessage> ReloadAsync(OutboundMessage message) =>
        Assert.Single(await _provider.GetRequiredService<IOutboxStore>().ListForComplaintAsync(message.ComplaintId));

    private int Lookups => _fake.Requests.Count(r => r.PathAndQuery.StartsWith("/2/users/" + TwitterTestHost.DeskId + "/tweets?", StringComparison.Ordinal));

    [Fact]
    public async Task Dispatch_PublishedButAnswerLost_FindsTheReplyAndMarksItSentWithoutResending()
    {
        var message = await IntakeAsync();
        _fake.Faults.Script(FakeXFaultKind.TimeoutAfterPosting, FakeXFaultTarget.Posts);

        var result = await DispatchAcrossIndexingDelayAsync();

        var post = Assert.Single(_fake.CreatedPosts);
        Assert.Equal(1, result.Sent);
        Assert.Equal(post.Id, (await ReloadAsync(message)).SentExternalId);
        Assert.Equal(1, Lookups);
    }

    [Fact]
    public async Task Dispatch_TimedOutBeforePublishing_NotFoundAfterIndexingDelay_SentOnce()
    {
        var message = await IntakeAsync();
        _fake.Faults.Script(FakeXFaultKind.Timeout, FakeXFaultTarget.Posts);

        var result = await DispatchAcrossIndexingDelayAsync();

        var post = Assert.Single(_fake.CreatedPosts);
        Assert.Equal(1, result.Sent);
        Assert.Equal(post.Id, (await ReloadAsync(message)).SentExternalId);
        Assert.Equal(2, _fake.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Dispatch_DuplicateContentRefusal_FindsThePublishedReply()
    {
        var message = await IntakeAsync();
        _fake.Faults.Script(FakeXFaultKind.DuplicateContent, FakeXFaultTarget.Posts);

        var result = await DispatchAcrossIndexingDelayAsync();

        var post = Assert.Single(_fake.CreatedPosts);
        Assert.Equal(1, result.Sent);
        Assert.Equal(post.Id, (await ReloadAsync(message)).SentExternalId);
        Assert.Equal(1, _fake.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Dispatch_AfterAFailedAttempt_LooksBeforePostingAgain()
    {
        var message = await IntakeAsync();
        _fake.Faults.Script(FakeXFaultKind.ServiceUnavailable, FakeXFaultTarget.Posts);
        var first = await _provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();
        Assert.Equal(1, first.Retrying);
        Assert.Equal(0, Lookups);
        _time.Advance(TimeSpan.FromSeconds(30)); // the first retry's backoff (15 to 30 s)

        var second = await _provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal(1, second.Sent);
        Assert.Equal(1, Lookups);
        var lookup = _fake.Requests.ToList().FindIndex(r => r.PathAndQuery.Contains("/tweets?", StringComparison.Ordinal));
        Assert.Equal("POST", _fake.Requests[lookup + 1].Method);
        Assert.Equal(Assert.Single(_fake.CreatedPosts).Id, (await ReloadAsync(message)).SentExternalId);
    }

    [Fact]
    public async Task Dispatch_SpendCapReached_DefersTheMessageWithoutCountingAnAttempt()
    {
        await using var provider = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.BearerToken = _fake.AppBearerToken;
            o.Accounts[0].UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
            o.Governor.DailySpendCap = 0m;
        });
        var source = Assert.Single(provider.GetRequiredService<IComplaintSourceProvider>().GetSources());
        await provider.GetRequiredService<IIntakePipeline>().RunAsync(source);

        var result = await provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal(TimeSpan.FromHours(14), result.RetryAfter);
        Assert.Empty(_fake.CreatedPosts);
        Assert.Equal(0, Assert.Single(await provider.GetRequiredService<IOutboxStore>().GetPendingAsync(10)).Attempts);
    }
}
