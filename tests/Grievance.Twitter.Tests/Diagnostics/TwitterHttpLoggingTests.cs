using Grievance.TestUtilities;
using Grievance.Twitter.Http;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Diagnostics;

/// <summary>
/// The X clients log requests by endpoint template: the HTTP client factory's default loggers would write each URL, and
/// the paths of direct messages and user lookups hold a citizen's user id or handle.
/// </summary>
public sealed class TwitterHttpLoggingTests : IDisposable
{
    private const string CitizenId = "1600000000000000042";
    private const string CitizenHandle = "ravi_lko";

    private readonly FakeTimeProvider _time = new(Some.Now);
    private readonly FakeXApi _fake;
    private readonly FakeLogCollector _logs = new();
    private readonly ServiceProvider _services;

    public TwitterHttpLoggingTests()
    {
        _fake = new FakeXApi(_time) { TimeBasedIds = true };
        var desk = _fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName, "Seva Desk");
        _fake.AddUser(CitizenId, CitizenHandle, "Ravi Kumar");
        _services = TwitterTestHost.Create(
            _fake.CreateHandler(),
            _time,
            o =>
            {
                o.BearerToken = _fake.AppBearerToken;
                o.UserAccessToken = null;
                o.Accounts[0].UserAccessToken = _fake.UserTokenFor(desk.Id);
            },
            configureServices: s => s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace)));
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task DirectMessageAndUserLookup_AreLoggedByEndpointTemplate_WithoutTheCitizensIdOrHandle()
    {
        var client = _services.GetRequiredService<ITwitterApiClient>();

        await client.SendDirectMessageAsync(CitizenId, "Please share the FIR number here.", TwitterTestHost.DeskName);
        Assert.NotNull(await client.GetUserByUsernameAsync(CitizenHandle));

        var records = _logs.GetSnapshot();
        var requests = records.Where(r => r.Id.Id == 2060).ToList();
        Assert.Contains(requests, r => r.Message.Contains(TwitterEndpoints.SendDirectMessage, StringComparison.Ordinal) && r.Message.Contains("201", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Message.Contains(TwitterEndpoints.UserByUsername, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Equal("Grievance.Twitter.Http", r.Category));
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(' ', record.StructuredState?.Select(kv => kv.Value) ?? []);
            Assert.DoesNotContain(CitizenId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(CitizenHandle, text, StringComparison.OrdinalIgnoreCase);
        }

        // The factory's own request loggers are gone from the X client.
        Assert.DoesNotContain(records, r => r.Category is { } category && category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedRequest_IsLoggedByEndpointKeyAndExceptionType_NotByTheExceptionsMessage()
    {
        using var services = TwitterTestHost.Create(
            new RefusingHandler(),
            _time,
            o => o.Governor.ReadRetries = 0,
            configureServices: s => s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace)));
        var client = services.GetRequiredService<ITwitterApiClient>();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetUserByUsernameAsync(CitizenHandle));

        var failed = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 2061);
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Contains(TwitterEndpoints.UserByUsername, failed.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(HttpRequestException), failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Message.Contains(CitizenHandle, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Fails every request the way a refused connection does, quoting the URL in the message.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"Connection refused ({request.RequestUri})");
    }
}
