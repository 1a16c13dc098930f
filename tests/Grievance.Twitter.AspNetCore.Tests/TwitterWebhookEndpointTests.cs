using System.Net;
using System.Net.Http.Headers;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Storage;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Grievance.Twitter.AspNetCore.Tests;

public sealed class TwitterWebhookEndpointTests : IAsyncLifetime
{
    private const string DeskId = "1500000000000000001";
    private const string Path = "/webhooks/x";
    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeXUser _citizen;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public TwitterWebhookEndpointTests()
    {
        _fake = new FakeXApi(_time);
        _fake.AddUser(DeskId, "SevaDeskUP");
        _citizen = _fake.AddUser("1600000000000000042", "ravi_lko", "Ravi Kumar");
    }

    private IComplaintStore Store => _app.Services.GetRequiredService<IComplaintStore>();

    public async Task InitializeAsync() => (_app, _client) = await StartAsync(_ => { });

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<(WebApplication App, HttpClient Client)> StartAsync(Action<IServiceCollection> configure, int maxBodyBytes = 64 * 1024)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(_time);
        configure(builder.Services);
        builder.Services.AddGrievance(o =>
            {
                TestServices.SampleDepartments(o);
                var desk = new DepartmentOptions { Id = "desk", Name = "Seva Desk" };
                desk.Handles.Add("SevaDeskUP");
                o.Departments.Add(desk);
            })
            .AddTwitter(o =>
            {
                o.BearerToken = _fake.AppBearerToken;
                o.UserAccessToken = _fake.UserTokenFor(DeskId);
                o.ConsumerSecret = _fake.ConsumerSecret;
                o.Accounts.Add(new TwitterAccountOptions { UserId = DeskId, Username = "SevaDeskUP" });
            })
            .AddWebhooks(w => w.MaxBodyBytes = maxBodyBytes)
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => _fake.CreateHandler());
        var app = builder.Build();
        app.MapTwitterWebhook(Path);
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    private Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, HttpClient? client = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(FakeXApi.WebhookSignatureHeader, signature);
        }

        return (client ?? _client).SendAsync(request);
    }

    private Task<HttpResponseMessage> DeliverAsync(FakeXWebhookDelivery delivery) => PostAsync(delivery.Body, delivery.Signature);

    private async Task<int> ComplaintCountAsync() => (await Store.ListAsync(new ComplaintQuery())).Count;

    private FakeXWebhookDelivery NewDelivery(string text = "@SevaDeskUP streetlight out near Gomti Nagar bus stop, Lucknow") =>
        _fake.CreatePostDelivery(DeskId, _fake.AddPost(_citizen.Id, text));

    [Fact]
    public async Task Get_CrcChallenge_AnswersWhatXAccepts()
    {
        var challenge = _fake.CreateCrcChallenge();

        using var response = await _client.GetAsync($"{Path}?crc_token={Uri.EscapeDataString(challenge.CrcToken)}&nonce=ignored");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(FakeXApi.IsValidCrcAnswer(challenge, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Get_WithoutCrcToken_400()
    {
        using var response = await _client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedDelivery_200AfterTheComplaintIsStored()
    {
        using var response = await DeliverAsync(NewDelivery());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_WithoutSignature_401NothingProcessed()
    {
        using var response = await PostAsync(NewDelivery().Body, signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await ComplaintCountAsync());
        Assert.Empty(await Store.ListRejectionsAsync());
    }

    [Fact]
    public async Task Post_WrongSignature_403NothingProcessed()
    {
        var delivery = NewDelivery();
        var other = NewDelivery("@SevaDeskUP another complaint from Kanpur");

        using var response = await PostAsync(delivery.Body, other.Signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await ComplaintCountAsync());
        Assert.Empty(await Store.ListRejectionsAsync());
    }

    [Fact]
    public async Task Post_MalformedJson_400NothingLost_ValidRedeliveryThenStored()
    {
        var good = NewDelivery();
        var truncated = good.Body[..(good.Body.Length / 2)];

        using var bad = await DeliverAsync(_fake.SignDelivery(truncated));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, await ComplaintCountAsync());
        Assert.Empty(await Store.ListRejectionsAsync());

        using var retried = await DeliverAsync(good);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, await ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_DuplicateDelivery_200BothTimes_OneComplaint()
    {
        var delivery = NewDelivery();

        using var first = await DeliverAsync(delivery);
        using var second = await DeliverAsync(delivery);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_OverBodyLimitByContentLength_413NothingProcessed()
    {
        var (app, client) = await StartAsync(_ => { }, maxBodyBytes: 1024);
        await using var _ = app;
        var delivery = _fake.CreatePostDelivery(DeskId, _fake.AddPost(_citizen.Id, "@SevaDeskUP " + new string('x', 900)), _fake.AddPost(_citizen.Id, "@SevaDeskUP " + new string('y', 900)));
        Assert.True(delivery.Body.Length > 1024);

        using var response = await PostAsync(delivery.Body, delivery.Signature, client);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await app.Services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
    }

    [Fact]
    public async Task Post_OverBodyLimitChunked_413NothingProcessed()
    {
        var (app, client) = await StartAsync(_ => { }, maxBodyBytes: 1024);
        await using var _ = app;
        var delivery = _fake.CreatePostDelivery(DeskId, _fake.AddPost(_citizen.Id, "@SevaDeskUP " + new string('x', 900)), _fake.AddPost(_citizen.Id, "@SevaDeskUP " + new string('y', 900)));
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StreamContent(new MemoryStream(delivery.Body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation(FakeXApi.WebhookSignatureHeader, delivery.Signature);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await app.Services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
    }

    [Fact]
    public async Task Post_IntakeFails_NotAcknowledgedWith200()
    {
        var failing = new Mock<IIntakePipeline>();
        failing.Setup(p => p.ProcessAsync(It.IsAny<InboundMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("store unavailable"));
        var (app, client) = await StartAsync(s => s.AddSingleton(failing.Object));
        await using var _ = app;

        var delivery = NewDelivery();

        // The test server hands the unhandled exception to the caller where Kestrel would answer 500: never a 200.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostAsync(delivery.Body, delivery.Signature, client));

        Assert.Equal("store unavailable", error.Message);
        failing.Verify(p => p.ProcessAsync(It.IsAny<InboundMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void MapTwitterWebhook_BadArguments_ThrowWithParameterName()
    {
        Assert.Equal("endpoints", Assert.Throws<ArgumentNullException>(() => TwitterWebhookEndpointRouteBuilderExtensions.MapTwitterWebhook(null!, Path)).ParamName);
        Assert.Equal("pattern", Assert.Throws<ArgumentException>(() => _app.MapTwitterWebhook(" ")).ParamName);
    }

    [Fact]
    public async Task MapTwitterWebhook_WithoutAddWebhooks_ThrowsAtMapTime()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapTwitterWebhook(Path));

        Assert.Contains("AddWebhooks", error.Message, StringComparison.Ordinal);
    }
}
