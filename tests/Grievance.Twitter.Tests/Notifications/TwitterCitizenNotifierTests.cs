using System.Net;
using Grievance.Complaints;
using Grievance.Notifications;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Notifications;

public class TwitterCitizenNotifierTests
{
    private readonly StubHttpMessageHandler _stub = new();

    private ICitizenNotifier Notifier() =>
        Assert.Single(TwitterTestHost.Create(_stub, new FakeTimeProvider(Some.Now), o => o.Governor.ReplyReconcileDelay = TimeSpan.Zero).GetServices<ICitizenNotifier>());

    private static OutboundMessage Message(string? inReplyTo = "1930000000000000101") => new()
    {
        Id = Guid.NewGuid(),
        IdempotencyKey = "ack:1",
        ComplaintId = new ComplaintId(Guid.NewGuid()),
        Channel = "x",
        Kind = OutboundMessageKind.Acknowledgement,
        RecipientId = "42",
        InReplyToExternalId = inReplyTo,
        FromAccount = TwitterTestHost.DeskName,
        Text = "Complaint LKO-2611-0001 registered",
        CreatedAt = Some.Now,
    };

    [Fact]
    public async Task SendAsync_Created_ReturnsThePostId()
    {
        _stub.Respond(HttpStatusCode.Created, """{"data":{"id":"1931000000000000001","text":"x"}}""");

        Assert.Equal("1931000000000000001", await Notifier().SendAsync(Message()));
        Assert.Equal("x", Notifier().Channel);
    }

    [Fact]
    public async Task SendAsync_RateLimited_AsksToRetryAfterTheReset()
    {
        _stub.Respond(HttpStatusCode.TooManyRequests, Fixtures.Fixtures.TooManyRequests, new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "100",
            ["x-rate-limit-remaining"] = "0",
            ["x-rate-limit-reset"] = Some.Now.AddMinutes(3).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message()));

        Assert.False(ex.IsPermanent);
        Assert.Equal(TimeSpan.FromMinutes(3), ex.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_DuplicateContentAndNoReplyVisible_IsPermanentWithoutResending()
    {
        _stub.Respond(HttpStatusCode.Forbidden, Fixtures.Fixtures.DuplicateContent);
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.EmptyPage);

        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message()));

        Assert.True(ex.IsPermanent);
        Assert.Contains("duplicate content", ex.Message, StringComparison.Ordinal);
        Assert.Equal([HttpMethod.Post, HttpMethod.Get], _stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task SendAsync_ServerError_IsRetryable()
    {
        _stub.Respond(HttpStatusCode.ServiceUnavailable, """{"title":"Service Unavailable","status":503}""");

        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message()));

        Assert.False(ex.IsPermanent);
        Assert.Null(ex.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_IsRetryable()
    {
        _stub.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message()));

        Assert.False(ex.IsPermanent);
    }

    [Fact]
    public async Task SendAsync_TimeoutAfterSendingTwiceAndNoReplyVisible_ResentOnceThenPermanent()
    {
        _stub.Throw(new TaskCanceledException("timed out", new TimeoutException()));
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.EmptyPage);
        _stub.Throw(new TaskCanceledException("timed out", new TimeoutException()));
        _stub.Respond(HttpStatusCode.OK, Fixtures.Fixtures.EmptyPage);

        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message()));

        Assert.True(ex.IsPermanent);
        Assert.Equal([HttpMethod.Post, HttpMethod.Get, HttpMethod.Post, HttpMethod.Get], _stub.Requests.Select(r => r.Method));
        Assert.StartsWith("/2/users/" + TwitterTestHost.DeskId + "/tweets", _stub.Requests[1].Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("since_id=1930000000000000101", _stub.Requests[1].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_DirectMessageEvenWithAPostToReplyTo_IsSentPrivatelyNeverPosted()
    {
        _stub.Respond(HttpStatusCode.Created, """{"data":{"dm_conversation_id":"42-1500000000000000001","dm_event_id":"1932000000000000001"}}""");

        var id = await Notifier().SendAsync(Message() with { Kind = OutboundMessageKind.DirectMessage });

        Assert.Equal("1932000000000000001", id);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal((HttpMethod.Post, "/2/dm_conversations/with/42/messages"), (request.Method, request.Uri.AbsolutePath));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, true)]
    public async Task SendAsync_DirectMessageRefusedOrPossiblyDelivered_IsPermanentAndNotResent(HttpStatusCode status, bool permanent)
    {
        _stub.Respond(status, $$"""{"title":"x","status":{{(int)status}}}""");

        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message() with { Kind = OutboundMessageKind.DirectMessage }));

        Assert.Equal(permanent, ex.IsPermanent);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task SendAsync_DirectMessageRateLimited_AsksToRetryAfterTheReset()
    {
        _stub.Respond(HttpStatusCode.TooManyRequests, Fixtures.Fixtures.TooManyRequests, new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "200",
            ["x-rate-limit-remaining"] = "0",
            ["x-rate-limit-reset"] = Some.Now.AddMinutes(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message() with { Kind = OutboundMessageKind.DirectMessage }));

        Assert.False(ex.IsPermanent);
        Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_NoPostToReplyTo_IsPermanentWithoutARequest()
    {
        var ex = await Assert.ThrowsAsync<CitizenNotificationException>(() => Notifier().SendAsync(Message(inReplyTo: null)));

        Assert.True(ex.IsPermanent);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_PropagatesCancellation()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Notifier().SendAsync(Message(), cts.Token));
    }
}
