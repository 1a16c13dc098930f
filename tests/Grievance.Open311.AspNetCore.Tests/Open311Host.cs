using System.Text.Json;
using System.Xml.Linq;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Storage;
using Grievance.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Open311.AspNetCore.Tests;

/// <summary>A web app with Grievance (in-memory store, sample departments), Open311 mapped at the default prefix, and a fake clock.</summary>
internal sealed class Open311Host : IAsyncDisposable
{
    public const string Jurisdiction = "up.gov.in";
    public const string ClientName = "citizen-app";
    public const string ApiKey = "citizen-app-key-0001-abcdef";
    public const string Prefix = "/open311/v2";

    private Open311Host(WebApplication app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IComplaintStore Store => App.Services.GetRequiredService<IComplaintStore>();

    public static void Configure(Open311Options o)
    {
        o.JurisdictionId = Jurisdiction;
        o.ApiKeys[ClientName] = ApiKey;
        o.Services.Add(new Open311ServiceOptions
        {
            Code = "PWR-01",
            Name = "Power outage",
            Description = "No electricity supply in an area.",
            Group = "electricity",
            Keywords = "power cut, bijli",
            Category = "power-outage",
            ServiceNotice = "Supply is restored within 24 hours.",
        });
        o.Services.Add(new Open311ServiceOptions { Code = "POL-THEFT", Name = "Theft", Group = "police", Category = "theft" });
    }

    public static async Task<Open311Host> StartAsync(Action<Open311Options>? configure = null, string prefix = Prefix, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? Some.Now);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddGrievance(TestServices.SampleDepartments).AddOpen311(o =>
        {
            Configure(o);
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapOpen311(prefix);
        await app.StartAsync();
        return new Open311Host(app, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string format, params (string Name, string Value)[] fields) =>
        PostAsync(format, null, fields);

    public Task<HttpResponseMessage> PostAsync(string format, string? idempotencyKey, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/requests.{format}")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Posts a valid power-outage request and returns its service_request_id.</summary>
    public async Task<string> PostValidAsync(string description = "No power since morning in our lane", params (string Name, string Value)[] extra)
    {
        (string, string)[] fields = [("api_key", ApiKey), ("service_code", "PWR-01"), ("lat", "26.8467"), ("long", "80.9462"), ("description", description), .. extra];
        using var response = await PostAsync("json", fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>Takes an X message through the intake, at the fake clock's time.</summary>
    public async Task<IntakeResult> IntakeAsync(string text)
    {
        var message = Some.Message(text) with { CreatedAt = Time.GetUtcNow() };
        return await App.Services.GetRequiredService<IIntakePipeline>().ProcessAsync(message);
    }

    public async Task<int> ComplaintCountAsync() => (await Store.ListAsync(new ComplaintQuery { Take = 10_000 })).Count;

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(Prefix + path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<XDocument> GetXmlAsync(string path)
    {
        using var response = await Client.GetAsync(Prefix + path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", body, StringComparison.Ordinal);
        return XDocument.Parse(body);
    }

    /// <summary>Asserts a response is an error in the spec's shape, with that status as its code.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, int status, string format = "json")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, (int)response.StatusCode);
        if (format == "json")
        {
            using var json = JsonDocument.Parse(body);
            var error = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(["code", "description"], error.EnumerateObject().Select(p => p.Name));
            Assert.Equal(status, error.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        }
        else
        {
            var xml = XDocument.Parse(body);
            Assert.Equal("errors", xml.Root!.Name.LocalName);
            var error = Assert.Single(xml.Root.Elements());
            Assert.Equal("error", error.Name.LocalName);
            Assert.Equal(["code", "description"], error.Elements().Select(e => e.Name.LocalName));
            Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
        }
    }
}
