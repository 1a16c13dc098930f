using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Notifications;

/// <summary>A citizen's follow-up that exposes personal data is hidden where X allows it (issue 7, item 4).</summary>
public sealed class HideExposedReplyTests : IAsyncDisposable
{
    private const string CitizenId = "1600000000000000042";
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private ServiceProvider? _provider;

    public HideExposedReplyTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _fake.AddUser(CitizenId, "ravi_lko");
    }

    public ValueTask DisposeAsync() => _provider?.DisposeAsync() ?? ValueTask.CompletedTask;

    private ServiceProvider Provider(bool hide = true) => _provider ??= TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
    {
        o.BearerToken = _fake.AppBearerToken;
        o.Accounts[0].UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
    }, g =>
    {
        foreach (var department in g.Departments)
        {
            department.HideRepliesWithPersonalData = hide;
        }
    });

    private async Task<IntakeRunResult> IntakeAsync()
    {
        var source = Assert.Single(Provider().GetRequiredService<IComplaintSourceProvider>().GetSources());
        return await Provider().GetRequiredService<IIntakePipeline>().RunAsync(source);
    }

    private async Task<OutboundMessage> FollowUpWithPhoneNumberAsync(string complaintPostId)
    {
        Assert.Equal(1, (await IntakeAsync()).Created);
        Assert.Equal(1, (await Provider().GetRequiredService<IOutboxDispatcher>().DispatchAsync()).Sent); // the acknowledgement
        _time.Advance(TimeSpan.FromMinutes(1));
        _fake.AddPost(CitizenId, "@SevaDeskUP still dark, call me on 98765 43210", inReplyTo: complaintPostId);
        Assert.Equal(1, (await IntakeAsync()).FollowUps);
        var hide = Assert.Single(await Provider().GetRequiredService<IOutboxStore>().GetPendingAsync(10));
        Assert.Equal((OutboundMessageKind.HideReply, OutboundMessagePriority.Urgent, string.Empty), (hide.Kind, hide.Priority, hide.Text));
        return hide;
    }

    [Fact]
    public async Task Dispatch_ExposingReplyInAConversationTheDeskStarted_IsHidden()
    {
        var root = _fake.AddPost(TwitterTestHost.DeskId, "Report streetlight faults in Lucknow in reply to this post.");
        var complaint = _fake.AddPost(CitizenId, "@SevaDeskUP streetlight out near Gomti Nagar, Lucknow for a week", inReplyTo: root.Id);
        var hide = await FollowUpWithPhoneNumberAsync(complaint.Id);

        var result = await Provider().GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal(1, result.Sent);
        Assert.Equal([hide.InReplyToExternalId!], _fake.HiddenReplies);
        Assert.Contains(_fake.Requests, r => r.Method == "PUT" && r.PathAndQuery == $"/2/tweets/{hide.InReplyToExternalId}/hidden");
    }

    [Fact]
    public async Task Dispatch_ExposingReplyInTheCitizensOwnThread_FailsPermanentlyAndQuietly()
    {
        var complaint = _fake.AddPost(CitizenId, "@SevaDeskUP streetlight out near Gomti Nagar, Lucknow for a week");
        var hide = await FollowUpWithPhoneNumberAsync(complaint.Id);
        var postsBefore = _fake.CreatedPosts.Count;

        var result = await Provider().GetRequiredService<IOutboxDispatcher>().DispatchAsync();
        _time.Advance(TimeSpan.FromDays(1));
        var later = await Provider().GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal((0, 1, 0), (result.Sent, result.Failed, result.Retrying));
        Assert.Equal((0, 0, 0), (later.Sent, later.Failed, later.Retrying));
        Assert.Empty(_fake.HiddenReplies);
        Assert.Equal(postsBefore, _fake.CreatedPosts.Count);
        var failed = Assert.Single(await Provider().GetRequiredService<IOutboxStore>().GetFailedAsync(10));
        Assert.Equal(hide.Id, failed.Id);
        Assert.Contains("only in conversations it started", failed.LastError, StringComparison.Ordinal);
        Assert.Single(_fake.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Intake_DepartmentNotHidingOrReplyWithoutPersonalData_QueuesNothing()
    {
        _ = Provider(hide: false);
        var complaint = _fake.AddPost(CitizenId, "@SevaDeskUP streetlight out near Gomti Nagar, Lucknow for a week");
        Assert.Equal(1, (await IntakeAsync()).Created);
        await Provider().GetRequiredService<IOutboxDispatcher>().DispatchAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        _fake.AddPost(CitizenId, "@SevaDeskUP call me on 9876543210", inReplyTo: complaint.Id);

        Assert.Equal(1, (await IntakeAsync()).FollowUps);
        Assert.Empty(await Provider().GetRequiredService<IOutboxStore>().GetPendingAsync(10));
    }
}
