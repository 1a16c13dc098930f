using System.Text;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Grievance.Twitter.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Webhooks;

public sealed class TwitterWebhookHandlerTests : IDisposable
{
    private const string PoliceDeskId = "1500000000000000002";
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXUser _citizen;
    private readonly ServiceProvider _services;

    public TwitterWebhookHandlerTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        _fake.AddUser(PoliceDeskId, "Uppolice");
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
        _services = Services(_fake.ConsumerSecret);
    }

    private ITwitterWebhookHandler Handler => _services.GetRequiredService<ITwitterWebhookHandler>();

    private IComplaintStore Store => _services.GetRequiredService<IComplaintStore>();

    public void Dispose() => _services.Dispose();

    private ServiceProvider Services(string consumerSecret) => TwitterTestHost.Create(
        _fake.CreateHandler(),
        _time,
        o =>
        {
            o.BearerToken = _fake.AppBearerToken;
            o.UserAccessToken = _fake.UserTokenFor(TwitterTestHost.DeskId);
            o.ConsumerSecret = consumerSecret;
            o.Accounts.Add(new TwitterAccountOptions { UserId = PoliceDeskId, Username = "Uppolice", UserAccessToken = _fake.UserTokenFor(PoliceDeskId) });
        },
        twitter: t => t.AddWebhooks());

    private Task<TwitterWebhookResult> DeliverAsync(FakeXWebhookDelivery delivery) => Handler.HandleAsync(delivery.Body, delivery.Signature);

    private async Task<int> ComplaintCountAsync() => (await Store.ListAsync(new ComplaintQuery())).Count;

    [Fact]
    public async Task HandleAsync_NotesExamplePayload_CreatesOneComplaintKeyedOnIdStr()
    {
        using var services = Services("s3cr3t-consumer");
        const string Body = """
            {"for_user_id":"1500000000000000001","user_has_blocked":"false","tweet_create_events":[{"created_at":"Sat May 02 18:41:07 +0000 2026",
             "id":1930000000000000101,"id_str":"1930000000000000101","text":"@SevaDeskUP chain snatching near Hazratganj crossing just now","truncated":false,
             "in_reply_to_status_id_str":null,"in_reply_to_user_id_str":"1500000000000000001","lang":"en",
             "user":{"id_str":"1600000000000000042","screen_name":"ravi_lko"},
             "entities":{"hashtags":[],"urls":[],"symbols":[],"user_mentions":[{"id_str":"1500000000000000001","screen_name":"SevaDeskUP","indices":[0,11]}]}}]}
            """;
        var bytes = Encoding.UTF8.GetBytes(Body);
        var signature = TwitterWebhookSignature.ComputeSignature("s3cr3t-consumer", bytes);

        var result = await services.GetRequiredService<ITwitterWebhookHandler>().HandleAsync(bytes, signature);

        Assert.Equal(TwitterWebhookStatus.Accepted, result.Status);
        Assert.Equal((1, 1, "1500000000000000001"), (result.Processed, result.Created, result.ForUserId));
        var store = services.GetRequiredService<IComplaintStore>();
        var complaint = Assert.Single(await store.ListAsync(new ComplaintQuery()));

        // 1930000000000000101 is not a double: a parser reading the numeric id would key on 1930000000000000000.
        Assert.Equal("1930000000000000101", complaint.SourceMessageId);
        Assert.Equal("1930000000000000101", complaint.ConversationId);
        Assert.Equal("1600000000000000042", complaint.Complainant.PlatformId);
        Assert.Equal("ravi_lko", complaint.Complainant.Handle);
        Assert.Equal("@SevaDeskUP chain snatching near Hazratganj crossing just now", complaint.Text);
        Assert.Equal(TwitterTestHost.DeskName, complaint.AddressedAccount);
    }

    [Fact]
    public async Task HandleAsync_SameDeliveryTwice_OneComplaint_SecondIsDuplicate()
    {
        var post = _fake.AddPost(_citizen.Id, "@SevaDeskUP streetlight out near Gomti Nagar bus stop, Lucknow");
        var delivery = _fake.CreatePostDelivery(TwitterTestHost.DeskId, post);

        var first = await DeliverAsync(delivery);
        var second = await DeliverAsync(delivery);

        Assert.Equal((1, 0), (first.Created, first.Duplicates));
        Assert.Equal((0, 1), (second.Created, second.Duplicates));
        Assert.Equal(1, await ComplaintCountAsync());
    }

    [Fact]
    public async Task HandleAsync_PostTaggingTwoDesks_DeliveredForEach_OneComplaint()
    {
        var post = _fake.AddPost(_citizen.Id, "@SevaDeskUP @Uppolice chain snatching near Hazratganj crossing, Lucknow");

        await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, post));
        var second = await DeliverAsync(_fake.CreatePostDelivery(PoliceDeskId, post));

        Assert.Equal(1, second.Duplicates);
        Assert.Equal(1, await ComplaintCountAsync());
    }

    [Fact]
    public async Task HandleAsync_PostAlsoReadByPolling_OneComplaintWhicheverComesFirst()
    {
        var polledFirst = _fake.AddPost(_citizen.Id, "@SevaDeskUP water logging again on Station Road, Kanpur");
        var intake = _services.GetRequiredService<IIntakePipeline>();
        var source = Assert.Single(_services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()), s => s.Name.EndsWith(TwitterTestHost.DeskId, StringComparison.Ordinal));
        await intake.RunAsync(source);

        var webhookAfterPoll = await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, polledFirst));
        var deliveredFirst = _fake.AddPost(_citizen.Id, "@SevaDeskUP transformer sparking near Aminabad market, Lucknow");
        var webhookBeforePoll = await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, deliveredFirst));
        var poll = await intake.RunAsync(source);

        Assert.Equal(1, webhookAfterPoll.Duplicates);
        Assert.Equal(1, webhookBeforePoll.Created);
        Assert.Equal((0, 1), (poll.Created, poll.Duplicates));
        Assert.Equal(2, await ComplaintCountAsync());
    }

    [Fact]
    public async Task HandleAsync_DesksOwnPostsAndRetweets_NoComplaint()
    {
        var complaint = _fake.AddPost(_citizen.Id, "@SevaDeskUP power cut since morning in Indira Nagar, Lucknow");
        var deskReply = _fake.AddPost(TwitterTestHost.DeskId, "@ravi_lko Complaint registered.", inReplyTo: complaint.Id);
        var otherDesk = _fake.AddPost(PoliceDeskId, "@SevaDeskUP forwarded to the police", inReplyTo: complaint.Id);
        var retweet = _fake.Retweet(_citizen.Id, complaint.Id);

        var result = await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, deskReply, otherDesk, retweet));

        Assert.Equal((1, 2, 0), (result.Processed, result.Ignored, result.Created));
        Assert.Equal(0, await ComplaintCountAsync());
        Assert.Contains(await Store.ListRejectionsAsync(), r => r.ExternalId == retweet.Id && r.Kind == RejectionKind.NotAGrievance);
    }

    [Fact]
    public async Task HandleAsync_EditWithHistory_NoNewComplaint()
    {
        var original = _fake.AddPost(_citizen.Id, "@SevaDeskUP streetlight out near Gomti Nagar bus stop");
        await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, original));
        var edit = _fake.EditPost(original.Id, "@SevaDeskUP streetlight out near Gomti Nagar bus stop, Lucknow");

        var result = await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, edit));

        Assert.Equal(1, result.Duplicates);
        Assert.Equal(original.Id, Assert.Single(await Store.ListAsync(new ComplaintQuery())).SourceMessageId);
    }

    [Fact]
    public async Task HandleAsync_PayloadWithoutEditHistory_KeysOnIdStr()
    {
        var post = _fake.AddPost(_citizen.Id, "@SevaDeskUP garbage not collected for a week in Alambagh, Lucknow");

        await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, includeEditHistory: false, post));

        Assert.Equal(post.Id, Assert.Single(await Store.ListAsync(new ComplaintQuery())).SourceMessageId);
    }

    [Fact]
    public async Task HandleAsync_LongPost_UsesExtendedTweetFullText()
    {
        var text = "@SevaDeskUP " + string.Join(' ', Enumerable.Repeat("नाली का पानी सड़क पर भर गया है, लखनऊ", 6));
        var post = _fake.AddPost(_citizen.Id, text, lang: "hi");
        var delivery = _fake.CreatePostDelivery(TwitterTestHost.DeskId, post);
        Assert.Contains("\"truncated\":true", delivery.BodyText, StringComparison.Ordinal);

        await DeliverAsync(delivery);

        var complaint = Assert.Single(await Store.ListAsync(new ComplaintQuery()));
        Assert.Equal(text, complaint.Text);
        Assert.Equal("hi", complaint.Language);
    }

    [Fact]
    public async Task HandleAsync_CitizenRepliesToOwnComplaint_FollowUpNotNewComplaint()
    {
        var post = _fake.AddPost(_citizen.Id, "@SevaDeskUP streetlight out near Gomti Nagar bus stop, Lucknow");
        await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, post));
        var reply = _fake.AddPost(_citizen.Id, "@SevaDeskUP still dark tonight", inReplyTo: post.Id);

        var result = await DeliverAsync(_fake.CreatePostDelivery(TwitterTestHost.DeskId, reply));

        Assert.Equal((1, 0), (result.Processed, result.Created));
        Assert.Equal(MessageOutcome.FollowUp, (await Store.FindProcessedAsync(Channels.X, reply.Id))!.Outcome);
        Assert.Equal(1, await ComplaintCountAsync());
    }

    [Fact]
    public async Task HandleAsync_DirectMessage_ProcessedOnDmChannel_DesksOwnIgnored()
    {
        var delivery = _fake.CreateDirectMessageDelivery(TwitterTestHost.DeskId, _citizen.Id, "Street light not working near the school in Lucknow", id: "1930000000000000900");
        var own = _fake.CreateDirectMessageDelivery(_citizen.Id, TwitterTestHost.DeskId, "Thank you, noted.");

        var result = await DeliverAsync(delivery);
        var ownResult = await DeliverAsync(own);

        Assert.Equal((1, 1), (result.Processed, result.Created));
        Assert.Equal((0, 1), (ownResult.Processed, ownResult.Ignored));
        var processed = await Store.FindProcessedAsync(TwitterChannels.DirectMessage, "1930000000000000900");
        Assert.Equal(MessageOutcome.Complaint, processed!.Outcome);
        var complaint = await Store.GetAsync(processed.ComplaintId!.Value);
        Assert.Equal((TwitterChannels.DirectMessage, _citizen.Id, TwitterTestHost.DeskName), (complaint!.Channel, complaint.Complainant.PlatformId, complaint.AddressedAccount));
    }

    [Theory]
    [InlineData(null, TwitterWebhookStatus.MissingSignature)]
    [InlineData("", TwitterWebhookStatus.MissingSignature)]
    [InlineData("sha256=0W47yayIgcMPWd4dDf0ziDaCM+p8SqHnGhDh9eAyyKw=", TwitterWebhookStatus.InvalidSignature)]
    public async Task HandleAsync_MissingOrForgedSignature_NothingProcessed(string? signature, TwitterWebhookStatus expected)
    {
        var delivery = _fake.CreatePostDelivery(TwitterTestHost.DeskId, _fake.AddPost(_citizen.Id, "@SevaDeskUP streetlight out in Lucknow"));

        var result = await Handler.HandleAsync(delivery.Body, signature);

        Assert.Equal(expected, result.Status);
        Assert.Equal(0, await ComplaintCountAsync());
        Assert.Empty(await Store.ListRejectionsAsync());
    }

    [Fact]
    public async Task HandleAsync_SignedByAnotherSecret_Refused()
    {
        var delivery = _fake.CreatePostDelivery(TwitterTestHost.DeskId, _fake.AddPost(_citizen.Id, "@SevaDeskUP streetlight out in Lucknow"));
        _fake.ConsumerSecret = "someone-else";
        var forged = _fake.SignDelivery(delivery.Body);

        Assert.Equal(TwitterWebhookStatus.InvalidSignature, (await DeliverAsync(forged)).Status);
        Assert.Equal(0, await ComplaintCountAsync());
    }

    [Theory]
    [InlineData("{\"for_user_id\":")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("not json")]
    [InlineData("{\"tweet_create_events\":{}}")]
    public async Task HandleAsync_SignedButMalformed_MalformedAndNothingProcessed(string body)
    {
        var result = await DeliverAsync(_fake.SignDelivery(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(TwitterWebhookStatus.MalformedPayload, result.Status);
        Assert.Equal(0, await ComplaintCountAsync());
        Assert.Empty(await Store.ListRejectionsAsync());
    }

    [Fact]
    public async Task HandleAsync_OtherEventKinds_AcceptedAndCountedIgnored()
    {
        var result = await DeliverAsync(_fake.SignDelivery(Encoding.UTF8.GetBytes("{\"for_user_id\":\"1500000000000000001\",\"favorite_events\":[{}],\"follow_events\":[{}]}")));

        Assert.Equal((TwitterWebhookStatus.Accepted, 0, 2), (result.Status, result.Processed, result.Ignored));
    }

    [Fact]
    public async Task HandleAsync_EventWithoutId_RecordedAsRejectionNotDropped()
    {
        var body = "{\"for_user_id\":\"1500000000000000001\",\"tweet_create_events\":[{\"text\":\"@SevaDeskUP help\",\"user\":{\"id_str\":\"1600000000000000042\"}}]}";

        var result = await DeliverAsync(_fake.SignDelivery(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(1, result.Processed);
        Assert.Contains(await Store.ListRejectionsAsync(), r => r.Kind == RejectionKind.Invalid);
    }

    [Fact]
    public void CreateCrcResponse_AnswersWhatXExpects()
    {
        var challenge = _fake.CreateCrcChallenge();

        Assert.True(FakeXApi.IsValidCrcAnswer(challenge, 200, Handler.CreateCrcResponse(challenge.CrcToken)));
    }

    [Fact]
    public void AddWebhooks_WithoutConsumerSecret_FailsAtStartUp()
    {
        using var services = TwitterTestHost.Create(_fake.CreateHandler(), _time, twitter: t => t.AddWebhooks());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwitterOptions>>().Value);
        Assert.Contains("ConsumerSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWebhooks_BodyLimitOutOfRange_FailsAtStartUp()
    {
        using var services = TwitterTestHost.Create(_fake.CreateHandler(), _time, o => o.ConsumerSecret = "x", twitter: t => t.AddWebhooks(w => w.MaxBodyBytes = 10));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TwitterWebhookOptions>>().Value);
    }

    [Fact]
    public void AddWebhooks_NullBuilder_ThrowsWithParameterName() =>
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => TwitterWebhookBuilderExtensions.AddWebhooks(null!)).ParamName);
}
