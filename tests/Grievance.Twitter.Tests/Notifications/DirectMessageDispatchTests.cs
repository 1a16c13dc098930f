using Grievance.Intake;
using Grievance.Lifecycle;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Notifications;

/// <summary>Direct messages queued by the lifecycle go out privately from the desk account (issue 7, item 2).</summary>
public sealed class DirectMessageDispatchTests : IAsyncDisposable
{
    private const string CitizenId = "1600000000000000042";
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly ServiceProvider _provider;

    public DirectMessageDispatchTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _fake.AddUser(CitizenId, "ravi_lko");
        _fake.AddPost(CitizenId, "@SevaDeskUP streetlight out near Gomti Nagar, Lucknow for a week");
        _provider = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.BearerToken = _fake.AppBearerToken;
            o.Accounts[0].UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
        });
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private IOutboxStore Outbox => _provider.GetRequiredService<IOutboxStore>();

    private async Task<OutboundMessage> AskPrivatelyAsync()
    {
        var source = Assert.Single(_provider.GetRequiredService<IComplaintSourceProvider>().GetSources());
        Assert.Equal(1, (await _provider.GetRequiredService<IIntakePipeline>().RunAsync(source)).Created);
        Assert.Equal(1, (await _provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync()).Sent); // the acknowledgement
        var complaint = Assert.Single(await _provider.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
        await _provider.GetRequiredService<IComplaintService>().StartAsync(complaint.Id, "officer-7");
        await _provider.GetRequiredService<IComplaintService>().RequestInformationAsync(complaint.Id, "officer-7", "Please share your address and mobile number.", privately: true);
        var dm = Assert.Single(await Outbox.GetPendingAsync(10));
        Assert.Equal(OutboundMessageKind.DirectMessage, dm.Kind);
        return dm;
    }

    [Fact]
    public async Task Dispatch_DirectMessage_SentPrivatelyFromTheDeskAndNeverPostedPublicly()
    {
        var dm = await AskPrivatelyAsync();
        var postsBefore = _fake.CreatedPosts.Count;

        var result = await _provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal(1, result.Sent);
        Assert.Equal(postsBefore, _fake.CreatedPosts.Count);
        var sent = Assert.Single(_fake.DirectMessages);
        Assert.Equal((TwitterTestHost.DeskId, CitizenId, dm.Text), (sent.SenderId, sent.RecipientId, sent.Text));
        var stored = Assert.Single(await Outbox.ListForComplaintAsync(dm.ComplaintId), m => m.Id == dm.Id);
        Assert.Equal((OutboundMessageStatus.Sent, sent.Id), (stored.Status, stored.SentExternalId));
        Assert.Contains(_fake.Requests, r => r.Method == "POST" && r.PathAndQuery == $"/2/dm_conversations/with/{CitizenId}/messages");
    }

    [Fact]
    public async Task Dispatch_CitizenDoesNotAcceptDirectMessages_FailsPermanentlyAndVisiblyWithoutAPublicPost()
    {
        var dm = await AskPrivatelyAsync();
        _fake.CloseDirectMessages(CitizenId);
        var postsBefore = _fake.CreatedPosts.Count;

        var result = await _provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal((0, 1, 0), (result.Sent, result.Failed, result.Retrying));
        Assert.Empty(_fake.DirectMessages);
        Assert.Equal(postsBefore, _fake.CreatedPosts.Count);
        var failed = Assert.Single(await Outbox.GetFailedAsync(10));
        Assert.Equal(dm.Id, failed.Id);
        Assert.Contains("does not accept direct messages", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(dm.Text, failed.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await Outbox.CountFailedAsync());
    }
}
