using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grievance.Samples.Portal.Tests;

/// <summary>The portal publishes Open311 GeoReport v2 under <c>/open311/v2</c> from its own store, with public fields only.</summary>
public sealed class Open311Tests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ApiKey = "demo-open311-key-change-me";

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    [Fact]
    public async Task Services_ListTheConfiguredServices_WithoutSigningIn()
    {
        using var client = CreateClient();
        using var response = await client.GetAsync("/open311/v2/services.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var services = json.RootElement.EnumerateArray().ToList();
        Assert.Contains(services, s => s.GetProperty("service_code").GetString() == "POL-THEFT" && s.GetProperty("service_name").GetString() == "Theft");
        Assert.Contains(services, s => s.GetProperty("service_code").GetString() == "PWR-OUTAGE" && s.GetProperty("group").GetString() == "electricity");
        Assert.All(services, s => Assert.Equal(
            ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
            s.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Requests_ShowTheDemoComplaints_WithTheSpecsFieldNames_AndNoPersonalData()
    {
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.LucknowPolice);
        var lucknowCodes = await officer.AllQueueCodesAsync();
        Assert.NotEmpty(lucknowCodes);

        using var client = CreateClient();
        var body = await client.GetStringAsync("/open311/v2/requests.json");
        using var json = JsonDocument.Parse(body);
        var requests = json.RootElement.EnumerateArray().ToList();

        Assert.All(requests, r => Assert.Equal(RequestFields, r.EnumerateObject().Select(p => p.Name)));
        var ids = requests.Select(r => r.GetProperty("service_request_id").GetString()).ToList();
        Assert.All(lucknowCodes, c => Assert.Contains(c, ids));
        var theft = requests.First(r => lucknowCodes.Contains(r.GetProperty("service_request_id").GetString()!));
        Assert.Equal("open", theft.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, theft.GetProperty("description").ValueKind);
        Assert.Contains("Lucknow", theft.GetProperty("agency_responsible").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("+05:30", theft.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);

        // No text of a post, no handle, no display name of a citizen.
        Assert.DoesNotContain("scooter", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hazratganj", body, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen_", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Citizen 1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestById_InXml_IsOneRequestWithTheSpecsElements()
    {
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.LucknowPolice);
        var code = (await officer.AllQueueCodesAsync())[0];

        using var client = CreateClient();
        using var response = await client.GetAsync($"/open311/v2/requests/{code}.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("service_requests", root.Name.LocalName);
        var request = Assert.Single(root.Elements("request"));
        Assert.Equal(code, request.Element("service_request_id")!.Value);
        Assert.Equal(RequestFields, request.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task PostRequest_WithTheKey_GoesThroughIntakeIntoTheOfficersQueue()
    {
        using var client = CreateClient();
        using var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(
        [
            new("api_key", ApiKey),
            new("service_code", "PWR-OUTAGE"),
            new("description", "No electricity in our lane since yesterday evening, the transformer has burnt out."),
            new("address_string", "Meerut"),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var code = json.RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.StartsWith("MRT-", code, StringComparison.Ordinal);

        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.KanpurPower);
        Assert.Contains(code, await officer.AllQueueCodesAsync());
        var page = await officer.GetAsync($"/complaints/{code}");
        Assert.Contains("transformer has burnt out", page.Text("section#complaint-text"), StringComparison.Ordinal);

        // The Lucknow police officer cannot see it.
        using var other = factory.CreatePortalClient();
        await other.SignInAsync(PortalClient.LucknowPolice);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/complaints/{code}")).Status);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key-of-enough-length", HttpStatusCode.Forbidden)]
    public async Task PostRequest_WithoutAValidKey_IsRefused_AndRecordsNothing(string? key, HttpStatusCode expected)
    {
        const string Marker = "Open311 key test: streetlight pole fell on the road near the Meerut bus stand.";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("service_code", "PWR-OUTAGE"),
            new("description", Marker),
            new("address_string", "Meerut"),
        };
        if (key is not null)
        {
            fields.Add(new("api_key", key));
        }

        using var client = CreateClient();
        using var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));

        Assert.Equal(expected, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, json.RootElement[0].GetProperty("code").GetInt32());
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.StateCell);
        foreach (var code in await officer.AllQueueCodesAsync())
        {
            Assert.DoesNotContain("streetlight pole fell", (await officer.GetAsync($"/complaints/{code}")).Html, StringComparison.Ordinal);
        }
    }

    private HttpClient CreateClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
