using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Notifications;

/// <summary>Under X's daily spend cap, women-safety acknowledgements are sent before the others (issue 7, item 2).</summary>
public sealed class OutboxPriorityUnderSpendCapTests
{
    private const string CitizenId = "1600000000000000042";

    [Fact]
    public async Task Dispatch_SpendCapForTwoReplies_WomenSafetyAcknowledgementGoesFirstEvenQueuedLast()
    {
        var time = new FakeTimeProvider(Some.Now);
        var fake = new FakeXApi(time);
        fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        fake.AddUser(CitizenId, "ravi_lko");
        var first = fake.AddPost(CitizenId, "@SevaDeskUP streetlight out near Gomti Nagar, Lucknow for a week");
        var second = fake.AddPost(CitizenId, "@SevaDeskUP garbage not collected in Aliganj, Lucknow for ten days");
        var urgent = fake.AddPost(CitizenId, "@SevaDeskUP eve teasing of girls outside the college gate in Hazratganj, Lucknow every evening");
        await using var provider = TwitterTestHost.Create(fake.CreateHandler(), time, o =>
        {
            o.BearerToken = fake.AppBearerToken;
            o.Accounts[0].UserAccessToken = fake.UserTokenFor(TwitterTestHost.DeskId);
            o.Governor.DailySpendCap = 0.02m; // two replies at the default cost of 0.01 USD
        });
        var source = Assert.Single(provider.GetRequiredService<IComplaintSourceProvider>().GetSources());
        Assert.Equal(3, (await provider.GetRequiredService<IIntakePipeline>().RunAsync(source)).Created);

        var result = await provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal(2, result.Sent);
        Assert.NotNull(result.RetryAfter);
        Assert.Equal([urgent.Id, first.Id], fake.CreatedPosts.Select(p => p.InReplyToId));
        var left = Assert.Single(await provider.GetRequiredService<IOutboxStore>().GetPendingAsync(10));
        Assert.Equal((second.Id, 0), (left.InReplyToExternalId, left.Attempts));
    }
}
