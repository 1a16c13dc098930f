using System.Net;
using Grievance.TestUtilities;
using Grievance.Twitter.Http;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Http;

/// <summary>Search, users, direct messages, hiding and stream rules, end to end against the fake X (every exchange checked against the OpenAPI description).</summary>
public sealed class TwitterApiClientEndpointsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXUser _desk;
    private readonly FakeXUser _citizen;
    private readonly ServiceProvider _services;
    private readonly ITwitterApiClient _client;

    public TwitterApiClientEndpointsTests()
    {
        _fake = new FakeXApi(_time) { TimeBasedIds = true };
        _desk = _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName, "Seva Desk");
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
        _services = TwitterTestHost.Create(_fake.CreateHandler(), _time, o =>
        {
            o.BearerToken = _fake.AppBearerToken;
            o.UserAccessToken = null;
            o.Accounts[0].UserAccessToken = _fake.UserTokenFor(_desk.Id);
        });
        _client = _services.GetRequiredService<ITwitterApiClient>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task SearchRecentAsync_PagesNewestFirstWithinSevenDaysAndHonoursTheQuery()
    {
        var now = _time.GetUtcNow();
        _fake.AddPost(_citizen.Id, "@SevaDeskUP eight days old", now.AddDays(-8));
        var posts = Enumerable.Range(0, 15).Select(i => _fake.AddPost(_citizen.Id, $"@SevaDeskUP complaint {i}", now.AddMinutes(-30 + i))).ToList();
        _fake.AddPost(_citizen.Id, "no mention at all", now.AddMinutes(-1));
        _fake.AddPost(_desk.Id, "@SevaDeskUP the desk's own post", now.AddMinutes(-1));

        var first = await _client.SearchRecentAsync(new SearchQuery { Query = "@SevaDeskUP -from:SevaDeskUP", MaxResults = 10 });
        var second = await _client.SearchRecentAsync(new SearchQuery { Query = "@SevaDeskUP -from:SevaDeskUP", MaxResults = 10, NextToken = first.NextToken });

        Assert.Equal(posts.AsEnumerable().Reverse().Select(p => p.Id), first.Messages.Concat(second.Messages).Select(m => m.ExternalId));
        Assert.Equal(posts[^1].Id, first.NewestId);
        Assert.Null(second.NextToken);
        Assert.Equal("ravi_lko", first.Messages[0].Author.Handle);
    }

    [Fact]
    public async Task SearchRecentAsync_StartTimeBeyondSevenDays_IsRefusedByX()
    {
        var ex = await Assert.ThrowsAsync<TwitterApiException>(() => _client.SearchRecentAsync(new SearchQuery { Query = "@SevaDeskUP", StartTime = _time.GetUtcNow().AddDays(-8) }));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("invalid-request", ex.ProblemType);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(101)]
    public async Task SearchRecentAsync_PageSizeOutOfXsBounds_Throws(int maxResults) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("query", () => _client.SearchRecentAsync(new SearchQuery { Query = "@SevaDeskUP", MaxResults = maxResults }));

    [Fact]
    public async Task SearchRecentAsync_QueryLongerThan512_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>("query", () => _client.SearchRecentAsync(new SearchQuery { Query = new string('a', 513) }));

    [Fact]
    public async Task GetMeAsync_DeskToken_ReturnsTheDeskAccount()
    {
        var me = await _client.GetMeAsync(TwitterTestHost.DeskName);

        Assert.Equal(new TwitterUser { Id = _desk.Id, Username = _desk.Username, Name = "Seva Desk" }, me);
    }

    [Fact]
    public async Task GetUserByUsernameAsync_KnownAndUnknown()
    {
        Assert.Equal(_citizen.Id, (await _client.GetUserByUsernameAsync("@ravi_lko"))?.Id);
        Assert.Null(await _client.GetUserByUsernameAsync("nobody_here"));
        await Assert.ThrowsAsync<ArgumentException>("username", () => _client.GetUserByUsernameAsync("this_is_sixteen_"));
        await Assert.ThrowsAsync<ArgumentNullException>("username", () => _client.GetUserByUsernameAsync(null!));
    }

    [Fact]
    public async Task SendDirectMessageAsync_ThenRead_BothSidesOfTheConversationNewestFirst()
    {
        var sent = await _client.SendDirectMessageAsync(_citizen.Id, "Please share your phone number here, not in public.", TwitterTestHost.DeskName);
        _time.Advance(TimeSpan.FromMinutes(3));
        var answer = _fake.AddDirectMessage(_citizen.Id, _desk.Id, "98XXXXXX10");

        var page = await _client.GetDirectMessageEventsAsync(new DirectMessageEventsQuery { Account = TwitterTestHost.DeskName });

        Assert.Equal($"{_desk.Id}-{_citizen.Id}", sent.ConversationId);
        Assert.Equal([answer.Id, sent.EventId], page.Events.Select(e => e.Id));
        Assert.Equal(_citizen.Id, page.Events[0].SenderId);
        Assert.Equal("MessageCreate", page.Events[0].EventType);
        Assert.Equal(sent.ConversationId, page.Events[0].ConversationId);
        Assert.Equal(_time.GetUtcNow(), page.Events[0].CreatedAt);
        var message = Assert.Single(_fake.DirectMessages, m => m.Id == sent.EventId);
        Assert.Equal(_desk.Id, message.SenderId);
    }

    [Fact]
    public async Task GetDirectMessageEventsAsync_Pages()
    {
        for (var i = 0; i < 3; i++)
        {
            _fake.AddDirectMessage(_citizen.Id, _desk.Id, $"message {i}");
        }

        var first = await _client.GetDirectMessageEventsAsync(new DirectMessageEventsQuery { Account = TwitterTestHost.DeskName, MaxResults = 2 });
        var second = await _client.GetDirectMessageEventsAsync(new DirectMessageEventsQuery { Account = TwitterTestHost.DeskName, MaxResults = 2, PaginationToken = first.NextToken });

        Assert.Equal(2, first.Events.Count);
        Assert.Single(second.Events);
        Assert.Null(second.NextToken);
        Assert.Equal("message 0", second.Events[0].Text);
    }

    [Fact]
    public async Task SendDirectMessageAsync_Guards()
    {
        await Assert.ThrowsAsync<ArgumentException>("participantId", () => _client.SendDirectMessageAsync("ravi", "hi"));
        await Assert.ThrowsAsync<ArgumentException>("text", () => _client.SendDirectMessageAsync(_citizen.Id, " "));
    }

    [Fact]
    public async Task HideReplyAsync_ReplyInTheDesksConversation_IsHiddenAndShownAgain()
    {
        var advisory = _fake.AddPost(_desk.Id, "Dial 112 in any emergency.");
        var reply = _fake.AddPost(_citizen.Id, "My number is 9876543210, call me", inReplyTo: advisory.Id);

        Assert.True(await _client.HideReplyAsync(reply.Id, fromAccount: TwitterTestHost.DeskName));
        Assert.Contains(reply.Id, _fake.HiddenReplies);
        Assert.False(await _client.HideReplyAsync(reply.Id, hidden: false, fromAccount: TwitterTestHost.DeskName));
        Assert.Empty(_fake.HiddenReplies);
    }

    [Fact]
    public async Task HideReplyAsync_ConversationTheDeskDoesNotOwn_IsRefused()
    {
        var complaint = _fake.AddPost(_citizen.Id, "@SevaDeskUP streetlight out");
        var reply = _fake.AddPost(_citizen.Id, "My number is 9876543210", inReplyTo: complaint.Id);

        var ex = await Assert.ThrowsAsync<TwitterApiException>(() => _client.HideReplyAsync(reply.Id, fromAccount: TwitterTestHost.DeskName));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Empty(_fake.HiddenReplies);
    }

    [Fact]
    public async Task StreamRules_AddListDelete()
    {
        var added = await _client.AddStreamRulesAsync([new StreamRule("@SevaDeskUP -is:retweet", "grievance:1")]);
        var again = await _client.AddStreamRulesAsync([new StreamRule("@SevaDeskUP -is:retweet", "grievance:1")]);
        var listed = await _client.GetStreamRulesAsync();
        await _client.DeleteStreamRulesAsync([added[0].Id!]);

        Assert.NotNull(Assert.Single(added).Id);
        Assert.Empty(again);
        Assert.Equal(added, listed);
        Assert.Empty(await _client.GetStreamRulesAsync());
    }
}
