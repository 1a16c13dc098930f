using Grievance.Intake;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Intake;

public class TwitterMentionsSourceTests
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXUser _citizen;

    public TwitterMentionsSourceTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
    }

    private ServiceProvider Services(int maxResults = 100, TimeSpan? overlap = null) => TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
    {
        o.BearerToken = _fake.AppBearerToken;
        o.UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
        o.MaxResults = maxResults;
        o.MentionsOverlap = overlap ?? TimeSpan.Zero;
    });

    private static IComplaintSource Source(IServiceProvider services) =>
        Assert.Single(services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()));

    private void Seed(int count, int offsetMinutes = 0)
    {
        for (var i = 0; i < count; i++)
        {
            _fake.AddPost(_citizen.Id, $"@{TwitterTestHost.DeskName} complaint number {i + offsetMinutes} from Lucknow", Some.Now.AddMinutes(-100 + i + offsetMinutes));
        }
    }

    [Fact]
    public async Task ReadAsync_SeveralPages_YieldsWholeWindowOldestFirstWithNewestIdAsCheckpoint()
    {
        Seed(23);
        using var services = Services(maxResults: 5);

        var batches = await Source(services).ReadAsync(null).ToListAsync();

        var batch = Assert.Single(batches);
        Assert.Equal(23, batch.Messages.Count);
        Assert.Equal(batch.Messages.OrderBy(m => ulong.Parse(m.ExternalId)).Select(m => m.ExternalId), batch.Messages.Select(m => m.ExternalId));
        Assert.Equal(batch.Messages[^1].ExternalId, batch.Checkpoint);
        Assert.Equal(5, _fake.Requests.Count); // 5 + 5 + 5 + 5 + 3
        Assert.All(_fake.Requests, r => Assert.Contains("max_results=5", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_WithCheckpoint_ReadsOnlyNewerPosts()
    {
        Seed(4);
        using var services = Services();
        var first = Assert.Single(await Source(services).ReadAsync(null).ToListAsync());
        Seed(2, offsetMinutes: 50);

        var second = Assert.Single(await Source(services).ReadAsync(first.Checkpoint).ToListAsync());

        Assert.Equal(2, second.Messages.Count);
        Assert.Contains($"since_id={first.Checkpoint}", _fake.Requests[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NothingNew_YieldsNoBatch()
    {
        using var services = Services();

        Assert.Empty(await Source(services).ReadAsync("1930000000000009999").ToListAsync());
    }

    [Fact]
    public async Task Pipeline_TwoPassesOverTheSameFeed_SecondAddsNothing()
    {
        Seed(12);
        using var services = Services(maxResults: 5);
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var source = Source(services);

        var first = await pipeline.RunAsync(source);
        var second = await pipeline.RunAsync(source);

        Assert.Equal(12, first.Created);
        Assert.Equal(0, second.Read);
        Assert.Equal(first.Checkpoint, await services.GetRequiredService<ICheckpointStore>().GetAsync(source.Name));
        Assert.Equal(12, (await services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery())).Count);
    }

    [Fact]
    public async Task Pipeline_RateLimitedMidWindow_CheckpointStaysAndTheRetryCompletesTheWindow()
    {
        Seed(12);
        _fake.MentionsRequestsPerWindow = 2;
        using var services = Services(maxResults: 5);
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var source = Source(services);

        var ex = await Assert.ThrowsAsync<Grievance.Twitter.Http.TwitterRateLimitExceededException>(() => pipeline.RunAsync(source));
        Assert.Equal(TimeSpan.FromMinutes(15), ex.RetryAfter);
        Assert.Null(await services.GetRequiredService<ICheckpointStore>().GetAsync(source.Name));

        _time.Advance(ex.RetryAfter);
        _fake.MentionsRequestsPerWindow = 450;
        var retry = await pipeline.RunAsync(source);

        Assert.Equal(12, retry.Created);
        Assert.NotNull(retry.Checkpoint);
    }
}
