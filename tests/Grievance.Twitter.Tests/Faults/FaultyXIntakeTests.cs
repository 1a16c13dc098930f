using System.Globalization;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Http;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Grievance.Twitter.Tests.Faults;

/// <summary>
/// Issue 7, item 6: 2,000 mentions released over fake time (so X's 800-mention window is respected), served through
/// seeded random 429s, 5xx, timeouts and duplicate-content refusals, with the poller crashing mid-window and restarting
/// on the same database: exactly 2,000 complaints and 2,000 acknowledgements, no duplicates, the checkpoint correct.
/// </summary>
public sealed class FaultyXIntakeTests(ITestOutputHelper output)
{
    private const int Mentions = 2_000;
    private const int ReleaseSize = 250;
    private const int Seed = 20261128;

    [Fact]
    public async Task Intake_2000MentionsThroughRandomFaultsAndACrash_ExactlyOnceEach()
    {
        output.WriteLine($"fault seed {Seed}");
        var time = new FakeTimeProvider(Some.Now);
        var fake = new FakeXApi(time) { MentionsRequestsPerWindow = 10_000, PostsPerWindow = 10_000, PostsPer24Hours = 100_000, UserPostsRequestsPerWindow = 10_000 };
        var desk = fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        var citizens = Enumerable.Range(0, 50).Select(i => fake.AddUser((1600000000000000100L + i).ToString(CultureInfo.InvariantCulture), $"citizen_{i:D2}")).ToList();
        fake.Faults.AdvanceClockWhileHanging = time.Advance;
        fake.Faults.HangClockAdvance = TimeSpan.FromMinutes(2);
        fake.Faults.UseRandom(Seed, 0.08, FakeXFaultTarget.Any,
            FakeXFaultKind.RateLimited, FakeXFaultKind.ServerError, FakeXFaultKind.ServiceUnavailable,
            FakeXFaultKind.Timeout, FakeXFaultKind.TimeoutAfterPosting, FakeXFaultKind.DuplicateContent);

        var directory = Directory.CreateTempSubdirectory("grievance-faults-");
        var database = Path.Combine(directory.FullName, "desk.db");
        var crash = new CrashPlan(crashOnMentionsRequest: 5);
        var provider = Build(fake, time, database, crash);
        var posted = new List<string>();
        int crashes = 0, refusals = 0, failures = 0;
        try
        {
            for (var released = 0; released < Mentions; released += ReleaseSize)
            {
                for (var i = released; i < released + ReleaseSize; i++)
                {
                    posted.Add(fake.AddPost(citizens[i % citizens.Count].Id, $"@{desk.Username} streetlight {i} out near Gomti Nagar, Lucknow, no response").Id);
                }

                time.Advance(TimeSpan.FromMinutes(1));
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 200, "intake did not get through the faults");
                    try
                    {
                        var source = Assert.Single(provider.GetRequiredService<IComplaintSourceProvider>().GetSources());
                        await provider.GetRequiredService<IIntakePipeline>().RunAsync(source);
                        break;
                    }
                    catch (CrashException)
                    {
                        // The poller dies mid-window: a new process on the same database takes over.
                        crashes++;
                        await provider.DisposeAsync();
                        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                        provider = Build(fake, time, database, crash);
                    }
                    catch (TwitterRateLimitExceededException ex)
                    {
                        refusals++;
                        time.Advance(ex.RetryAfter + TimeSpan.FromSeconds(1));
                    }
                    catch (Exception ex) when (ex is TwitterApiException or HttpRequestException or TaskCanceledException)
                    {
                        failures++;
                        time.Advance(TimeSpan.FromMinutes(1));
                    }
                }

                await DrainOutboxAsync(provider, time);
            }

            var store = provider.GetRequiredService<IComplaintStore>();
            var complaints = new List<string>();
            for (var skip = 0; ; skip += 500)
            {
                var page = await store.ListAsync(new ComplaintQuery { Skip = skip, Take = 500 });
                complaints.AddRange(page.Select(c => c.SourceMessageId));
                if (page.Count < 500)
                {
                    break;
                }
            }

            var injected = fake.Faults.Injected;
            output.WriteLine($"faults {string.Join(", ", injected.Select(k => $"{k.Key}={k.Value}"))}; crashes {crashes}, refusals {refusals}, failed polls {failures}; requests {fake.Requests.Count}; fake time {time.GetUtcNow() - Some.Now}");

            Assert.Equal(Mentions, complaints.Count);
            Assert.Equal(posted.Order(StringComparer.Ordinal), complaints.Order(StringComparer.Ordinal));
            var replies = fake.CreatedPosts;
            Assert.Equal(Mentions, replies.Count);
            Assert.Equal(posted.Order(StringComparer.Ordinal), replies.Select(r => r.InReplyToId!).Order(StringComparer.Ordinal));
            Assert.Empty(await provider.GetRequiredService<IOutboxStore>().GetPendingAsync(10));
            Assert.Equal(posted[^1], await provider.GetRequiredService<ICheckpointStore>().GetAsync("x:mentions:" + desk.Id));
            Assert.Equal(1, crashes);
            foreach (var kind in new[] { FakeXFaultKind.RateLimited, FakeXFaultKind.ServerError, FakeXFaultKind.ServiceUnavailable, FakeXFaultKind.Timeout, FakeXFaultKind.TimeoutAfterPosting, FakeXFaultKind.DuplicateContent })
            {
                Assert.True(injected.GetValueOrDefault(kind) > 0, $"no {kind} was served");
            }
        }
        finally
        {
            await provider.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task DrainOutboxAsync(ServiceProvider provider, FakeTimeProvider time)
    {
        var outbox = provider.GetRequiredService<IOutboxStore>();
        for (var round = 0; (await outbox.GetPendingAsync(1)).Count > 0; round++)
        {
            Assert.True(round < 500, "the outbox did not drain through the faults");
            var result = await provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync(500);
            Assert.Equal(0, result.Failed);

            // Claims lapse after the lease; a rate limit says how long to wait.
            time.Advance((result.RetryAfter ?? TimeSpan.Zero) + TimeSpan.FromMinutes(2));
        }
    }

    private static ServiceProvider Build(FakeXApi fake, FakeTimeProvider time, string database, CrashPlan crash)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddGrievance(o =>
            {
                TestServices.SampleDepartments(o);
                var department = new DepartmentOptions { Id = "desk", Name = "Seva Desk" };
                department.Handles.Add(TwitterTestHost.DeskName);
                o.Departments.Add(department);
                o.MaxDeliveryAttempts = 50;
            })
            .UseSqliteStore("Data Source=" + database)
            .AddTwitter(o =>
            {
                o.BearerToken = fake.AppBearerToken;
                o.Accounts.Add(new TwitterAccountOptions { UserId = TwitterTestHost.DeskId, Username = TwitterTestHost.DeskName, UserAccessToken = fake.UserTokenFor(TwitterTestHost.DeskId) });

                // Every wait surfaces to this driver, which moves the fake clock; X indexes instantly here.
                o.Governor.MaxWait = TimeSpan.Zero;
                o.Governor.ReadRetryDelay = TimeSpan.Zero;
                o.Governor.ReplyReconcileDelay = TimeSpan.Zero;
            })
            .HttpClient
            .AddHttpMessageHandler(() => new CrashingHandler(crash))
            .ConfigurePrimaryHttpMessageHandler(() => fake.CreateHandler());
        return services.BuildServiceProvider();
    }

    private sealed class CrashException : Exception
    {
        public CrashException()
            : base("The poller process died.")
        {
        }
    }

    /// <summary>Kills the poller on its Nth mentions request (once, across restarts): mid-window, after some pages were read.</summary>
    private sealed class CrashPlan(int crashOnMentionsRequest)
    {
        private int _mentionsRequests;

        public bool ShouldCrash() => Interlocked.Increment(ref _mentionsRequests) == crashOnMentionsRequest;
    }

    private sealed class CrashingHandler(CrashPlan plan) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/mentions", StringComparison.Ordinal) && plan.ShouldCrash())
            {
                throw new CrashException();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
