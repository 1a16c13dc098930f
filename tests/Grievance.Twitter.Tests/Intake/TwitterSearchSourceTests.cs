using Grievance.Intake;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Intake;

/// <summary>Late-indexed posts and a burst beyond the 800-mention window: what the overlap and the reconciliation search recover.</summary>
public class TwitterSearchSourceTests
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXUser _citizen;

    public TwitterSearchSourceTests()
    {
        _fake = new FakeXApi(_time) { TimeBasedIds = true };
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
    }

    private ServiceProvider Services(TimeSpan overlap, TimeSpan reconcile) => TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
    {
        o.BearerToken = _fake.AppBearerToken;
        o.UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
        o.MentionsOverlap = overlap;
        o.ReconciliationInterval = reconcile;
    });

    private static IComplaintSource Source(IServiceProvider services, string prefix) =>
        Assert.Single(services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()), s => s.Name.StartsWith(prefix, StringComparison.Ordinal));

    private FakeXPost Mention(string text, DateTimeOffset at) => _fake.AddPost(_citizen.Id, $"@{TwitterTestHost.DeskName} {text} near Hazratganj, Lucknow", at);

    [Theory]
    [InlineData(120, true)]
    [InlineData(0, false)]
    public async Task Mentions_LateIndexedPost_IsReadOnlyThanksToTheOverlap(int overlapSeconds, bool expectRead)
    {
        using var services = Services(TimeSpan.FromSeconds(overlapSeconds), TimeSpan.Zero);
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var mentions = Source(services, "x:mentions:");
        _fake.IndexingDelay = TimeSpan.FromSeconds(90);
        var late = Mention("streetlight out for a week", _time.GetUtcNow());
        _fake.IndexingDelay = TimeSpan.Zero;
        _time.Advance(TimeSpan.FromSeconds(30));
        var onTime = Mention("water logging again", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(30));

        var first = await pipeline.RunAsync(mentions);
        _time.Advance(TimeSpan.FromSeconds(60));
        var second = await pipeline.RunAsync(mentions);

        Assert.Equal(1, first.Created);
        Assert.Equal(onTime.Id, first.Checkpoint);
        Assert.Equal(expectRead ? 1 : 0, second.Created);
        Assert.Equal(expectRead ? onTime.Id : null, second.Checkpoint);
        var stored = await services.GetRequiredService<IComplaintStore>().FindProcessedAsync(Channels.X, late.Id);
        Assert.Equal(expectRead, stored is not null);
    }

    [Fact]
    public async Task Reconciliation_MoreThan800MentionsBetweenPolls_SearchRecoversTheGapAndEveryComplaintIsStoredOnce()
    {
        using var services = Services(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15));
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var mentions = Source(services, "x:mentions:");
        var search = Source(services, "x:search:");
        var start = _time.GetUtcNow();
        for (var i = 0; i < 20; i++)
        {
            Mention($"complaint {i}", start.AddSeconds(-600 + i));
        }

        var baseline = await pipeline.RunAsync(mentions);
        var firstReconcile = await pipeline.RunAsync(search);

        // A burst of 1,000 between two polls: the mentions timeline keeps only the 800 newest.
        var burst = Enumerable.Range(0, 1000).Select(i => Mention($"burst complaint {i}", start.AddSeconds(1 + i))).ToList();
        _time.Advance(TimeSpan.FromMinutes(20));
        var afterBurst = await pipeline.RunAsync(mentions);
        var reconciled = await pipeline.RunAsync(search);
        var tooSoon = await pipeline.RunAsync(search);

        Assert.Equal(20, baseline.Created);
        Assert.Equal(0, firstReconcile.Created);
        Assert.Equal(20, firstReconcile.Duplicates);
        Assert.Equal(800, afterBurst.Created);
        Assert.Equal(200, reconciled.Created);
        Assert.Equal(0, tooSoon.Read);
        var complaints = await services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery { Take = 5000 });
        Assert.Equal(1020, complaints.Count);
        Assert.Equal(1020, complaints.Select(c => c.SourceMessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(burst.Take(200), p => Assert.Contains(complaints, c => c.SourceMessageId == p.Id));
        Assert.Contains(_fake.Requests, r => r.PathAndQuery.StartsWith("/2/tweets/search/recent?query=%40SevaDeskUP%20-from%3ASevaDeskUP%20-is%3Aretweet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconciliation_CheckpointOlderThanSevenDays_ReadsFromAStartTimeInsideTheWindow()
    {
        using var services = Services(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15));
        var search = Source(services, "x:search:");
        var old = Mention("old complaint", _time.GetUtcNow().AddDays(-9));
        var recent = Mention("recent complaint", _time.GetUtcNow().AddDays(-1));

        var batch = Assert.Single(await search.ReadAsync(old.Id).ToListAsync());

        Assert.Equal([recent.Id], batch.Messages.Select(m => m.ExternalId));
        Assert.Equal(recent.Id, batch.Checkpoint);
        Assert.Contains("start_time=", _fake.Requests[^1].PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("since_id=", _fake.Requests[^1].PathAndQuery, StringComparison.Ordinal);
    }
}
