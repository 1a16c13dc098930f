using System.Net;
using System.Text;
using System.Text.Json;
using Grievance.Complaints;
using Grievance.Codes;
using Grievance.Lifecycle;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Open311.AspNetCore.Tests;

public sealed class Open311EndpointTests : IAsyncLifetime
{
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    private Open311Host _host = null!;

    public async Task InitializeAsync() => _host = await Open311Host.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static (string, string)[] ValidPost(params (string, string)[] extra) =>
        [("api_key", Open311Host.ApiKey), ("service_code", "PWR-01"), ("lat", "26.8467"), ("long", "80.9462"), ("description", "No power since morning"), .. extra];

    private static (string, string)[] Without(string name, (string Name, string Value)[] fields) => [.. fields.Where(f => f.Name != name)];

    // ---- GET services ----

    [Fact]
    public async Task GetServices_Json_ListsTheConfiguredServicesWithTheSpecFields()
    {
        var services = await _host.GetJsonAsync("/services.json");

        Assert.Equal(2, services.GetArrayLength());
        var power = services[0];
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], power.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PWR-01", power.GetProperty("service_code").GetString());
        Assert.Equal("Power outage", power.GetProperty("service_name").GetString());
        Assert.Equal("No electricity supply in an area.", power.GetProperty("description").GetString());
        Assert.False(power.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", power.GetProperty("type").GetString());
        Assert.Equal("power cut, bijli", power.GetProperty("keywords").GetString());
        Assert.Equal("electricity", power.GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Null, services[1].GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task GetServices_Xml_ServicesRootWithServiceElements()
    {
        var xml = await _host.GetXmlAsync("/services.xml");

        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(2, xml.Root.Elements("service").Count());
        var power = xml.Root.Elements("service").First();
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], power.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("PWR-01", power.Element("service_code")!.Value);
        Assert.Equal("false", power.Element("metadata")!.Value);
        Assert.Equal(string.Empty, xml.Root.Elements("service").Last().Element("description")!.Value);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task GetServices_OtherJurisdiction_404InTheSpecShape(string format)
    {
        using var response = await _host.Client.GetAsync($"{Open311Host.Prefix}/services.{format}?jurisdiction_id=other.gov.in");

        await Open311Host.AssertErrorAsync(response, 404, format);
    }

    [Fact]
    public async Task GetServices_OwnJurisdiction_200()
    {
        var services = await _host.GetJsonAsync($"/services.json?jurisdiction_id={Open311Host.Jurisdiction}");

        Assert.Equal(2, services.GetArrayLength());
    }

    [Fact]
    public async Task Get_UnknownFormat_404()
    {
        using var response = await _host.Client.GetAsync($"{Open311Host.Prefix}/services.csv");

        await Open311Host.AssertErrorAsync(response, 404);
    }

    // ---- POST requests ----

    [Fact]
    public async Task Post_Json_CreatesAComplaintWhoseCodeIsReturnedAndReadableByGet()
    {
        using var response = await _host.PostAsync("json", ValidPost());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var answer = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Supply is restored within 24 hours.", answer.GetProperty("service_notice").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("account_id").ValueKind);
        var code = answer.GetProperty("service_request_id").GetString()!;

        var complaint = await _host.Store.FindByCodeAsync(ComplaintCode.Parse(code));
        Assert.NotNull(complaint);
        Assert.Equal(Open311Options.Channel, complaint.Channel);
        Assert.Equal(new CategoryId("power-outage"), complaint.Category);
        Assert.Equal(new DepartmentId("power"), complaint.Department);
        Assert.Equal(new DistrictId("LKO"), complaint.District);

        var read = await _host.GetJsonAsync($"/requests/{code}.json");
        var request = Assert.Single(read.EnumerateArray());
        Assert.Equal(code, request.GetProperty("service_request_id").GetString());
        Assert.Equal("PWR-01", request.GetProperty("service_code").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_Xml_AnswersServiceRequestsXml()
    {
        using var response = await _host.PostAsync("xml", ValidPost());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(body);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(["service_request_id", "service_notice", "account_id"], request.Elements().Select(e => e.Name.LocalName));
        Assert.True(ComplaintCode.TryParse(request.Element("service_request_id")!.Value, out _));
        Assert.Equal(1, await _host.ComplaintCountAsync());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Post_WithoutApiKey_401NothingRecorded(string format)
    {
        using var response = await _host.PostAsync(format, Without("api_key", ValidPost()));

        await Open311Host.AssertErrorAsync(response, 401, format);
        Assert.Equal(0, await _host.ComplaintCountAsync());
        Assert.Empty(await _host.Store.ListRejectionsAsync());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Post_WrongApiKey_403NothingRecorded(string format)
    {
        using var response = await _host.PostAsync(format, [("api_key", "citizen-app-key-0001-abcdeX"), .. Without("api_key", ValidPost())]);

        await Open311Host.AssertErrorAsync(response, 403, format);
        Assert.Equal(0, await _host.ComplaintCountAsync());
        Assert.Empty(await _host.Store.ListRejectionsAsync());
    }

    [Fact]
    public async Task Post_MissingServiceCode_400NothingRecorded()
    {
        using var response = await _host.PostAsync("json", Without("service_code", ValidPost()));

        await Open311Host.AssertErrorAsync(response, 400);
        Assert.Equal(0, await _host.ComplaintCountAsync());
        Assert.Empty(await _host.Store.ListRejectionsAsync());
    }

    [Fact]
    public async Task Post_UnknownServiceCode_404AsTheSpecSaysNothingRecorded()
    {
        using var response = await _host.PostAsync("json", [("service_code", "NOPE"), .. Without("service_code", ValidPost())]);

        await Open311Host.AssertErrorAsync(response, 404);
        Assert.Equal(0, await _host.ComplaintCountAsync());
        Assert.Empty(await _host.Store.ListRejectionsAsync());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("lat only")]
    [InlineData("lat out of range")]
    [InlineData("address_id only")]
    public async Task Post_NoUsableLocation_400NothingRecorded(string location)
    {
        (string, string)[] fields = [("api_key", Open311Host.ApiKey), ("service_code", "PWR-01"), ("description", "No power")];
        fields = location switch
        {
            "lat only" => [.. fields, ("lat", "26.8")],
            "lat out of range" => [.. fields, ("lat", "126.8"), ("long", "80.9")],
            "address_id only" => [.. fields, ("address_id", "545483")],
            _ => fields,
        };

        using var response = await _host.PostAsync("json", fields);

        await Open311Host.AssertErrorAsync(response, 400);
        Assert.Equal(0, await _host.ComplaintCountAsync());
        Assert.Empty(await _host.Store.ListRejectionsAsync());
    }

    [Fact]
    public async Task Post_AddressStringInsteadOfCoordinates_RoutesToTheDistrictNamed()
    {
        var code = await PostAsync([("api_key", Open311Host.ApiKey), ("service_code", "PWR-01"), ("address_string", "Civil Lines, Kanpur")]);

        var complaint = await _host.Store.FindByCodeAsync(ComplaintCode.Parse(code));
        Assert.Equal(new DistrictId("KNP"), complaint!.District);
        Assert.Equal("Power outage", complaint.Text);
    }

    [Fact]
    public async Task Post_JsonBodyInsteadOfForm_400NothingRecorded()
    {
        using var content = new StringContent("{\"api_key\":\"" + Open311Host.ApiKey + "\",\"service_code\":\"PWR-01\"}", Encoding.UTF8, "application/json");

        using var response = await _host.Client.PostAsync($"{Open311Host.Prefix}/requests.json", content);

        await Open311Host.AssertErrorAsync(response, 400);
        Assert.Equal(0, await _host.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_DescriptionOverTheSpecLimit_400NothingRecorded()
    {
        using var response = await _host.PostAsync("json", [("description", new string('a', 4001)), .. Without("description", ValidPost())]);

        await Open311Host.AssertErrorAsync(response, 400);
        Assert.Equal(0, await _host.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_BodyOver64KiB_413NothingRecorded()
    {
        using var response = await _host.PostAsync("json", ValidPost(("first_name", new string('a', 70_000))));

        await Open311Host.AssertErrorAsync(response, 413);
        Assert.Equal(0, await _host.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_WordsNamingNoProblem_StillAComplaintOfTheChosenService()
    {
        var code = await PostAsync([("api_key", Open311Host.ApiKey), ("service_code", "POL-THEFT"), ("lat", "26.8467"), ("long", "80.9462"), ("description", "Thank you, please look into it")]);

        var complaint = await _host.Store.FindByCodeAsync(ComplaintCode.Parse(code));
        Assert.Equal(new CategoryId("theft"), complaint!.Category);
        Assert.Equal(new DepartmentId("police"), complaint.Department);
        Assert.Contains(complaint.Routing!.Reasons, r => r.Contains("POL-THEFT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SameRequestTwiceWithoutIdempotencyKey_TwoServiceRequests()
    {
        var first = await PostAsync(ValidPost());
        var second = await PostAsync(ValidPost());

        Assert.NotEqual(first, second);
        Assert.Equal(2, await _host.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_OneComplaintSameServiceRequestId()
    {
        using var first = await _host.PostAsync("json", "retry-7f3a", ValidPost());
        using var second = await _host.PostAsync("json", "retry-7f3a", ValidPost());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(Code(await first.Content.ReadAsStringAsync()), Code(await second.Content.ReadAsStringAsync()));
        Assert.Equal(1, await _host.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_Acknowledgement_IsSettledByTheChannelNotFailed()
    {
        var code = await PostAsync(ValidPost());

        await _host.App.Services.GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        var complaint = await _host.Store.FindByCodeAsync(ComplaintCode.Parse(code));
        var outbox = _host.App.Services.GetRequiredService<IOutboxStore>();
        var message = Assert.Single(await outbox.ListForComplaintAsync(complaint!.Id));
        Assert.Equal(OutboundMessageStatus.Sent, message.Status);
        Assert.Equal(0, await outbox.CountFailedAsync());
    }

    // ---- GET requests ----

    [Fact]
    public async Task GetRequests_Json_ExactSpecFieldNamesAndMappedValues()
    {
        var code = await PostAsync(ValidPost());
        var complaint = (await _host.Store.FindByCodeAsync(ComplaintCode.Parse(code)))!;

        var requests = await _host.GetJsonAsync("/requests.json");

        var request = Assert.Single(requests.EnumerateArray());
        Assert.Equal(RequestFields, request.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("Received; waiting to be assigned.", request.GetProperty("status_notes").GetString());
        Assert.Equal("Power outage", request.GetProperty("service_name").GetString());
        Assert.Equal("PWR-01", request.GetProperty("service_code").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("description").ValueKind);
        Assert.Equal("UPPCL, Lucknow", request.GetProperty("agency_responsible").GetString());
        Assert.Equal("Supply is restored within 24 hours.", request.GetProperty("service_notice").GetString());
        Assert.Equal("2026-11-28T15:30:00+05:30", request.GetProperty("requested_datetime").GetString());
        Assert.Equal("2026-11-28T15:30:00+05:30", request.GetProperty("updated_datetime").GetString());
        Assert.Equal(Iso(complaint.DueAt!.Value), request.GetProperty("expected_datetime").GetString());
        Assert.Equal(complaint.DueAt!.Value, DateTimeOffset.Parse(request.GetProperty("expected_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Lucknow district, Uttar Pradesh", request.GetProperty("address").GetString());
        foreach (var unknown in new[] { "address_id", "zipcode", "lat", "long", "media_url" })
        {
            Assert.Equal(JsonValueKind.Null, request.GetProperty(unknown).ValueKind);
        }
    }

    [Fact]
    public async Task GetRequests_Xml_ServiceRequestsRootWithTheSpecElements()
    {
        var code = await PostAsync(ValidPost());

        var xml = await _host.GetXmlAsync("/requests.xml");

        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(RequestFields, request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(code, request.Element("service_request_id")!.Value);
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Equal("2026-11-28T15:30:00+05:30", request.Element("requested_datetime")!.Value);
        Assert.Equal(string.Empty, request.Element("description")!.Value);
    }

    [Fact]
    public async Task GetRequest_ById_Xml()
    {
        var code = await PostAsync(ValidPost());

        var xml = await _host.GetXmlAsync($"/requests/{code}.xml");

        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal(code, Assert.Single(xml.Root.Elements("request")).Element("service_request_id")!.Value);
    }

    [Theory]
    [InlineData("json", "LKO-2611-00421")]
    [InlineData("xml", "LKO-2611-00421")]
    [InlineData("json", "not-a-code")]
    public async Task GetRequest_UnknownId_404InTheSpecShape(string format, string id)
    {
        await PostAsync(ValidPost());

        using var response = await _host.Client.GetAsync($"{Open311Host.Prefix}/requests/{id}.{format}");

        await Open311Host.AssertErrorAsync(response, 404, format);
    }

    [Fact]
    public async Task GetRequests_Default_TheLast90DaysOnly()
    {
        await using var host = await Open311Host.StartAsync(start: Some.Now.AddDays(-100));
        var old = await host.PostValidAsync();
        host.Time.SetUtcNow(Some.Now.AddDays(-10));
        var recent = await host.PostValidAsync();
        host.Time.SetUtcNow(Some.Now);

        var requests = await host.GetJsonAsync("/requests.json");

        Assert.Equal([recent], Ids(requests));
        Assert.Equal([old], Ids(await host.GetJsonAsync("/requests.json?start_date=2026-08-01T00:00:00Z&end_date=2026-08-31T00:00:00%2B05:30")));
        Assert.Equal([old], Ids(await host.GetJsonAsync("/requests.json?start_date=2026-08-01T00:00:00Z")));
    }

    [Theory]
    [InlineData("start_date=2026-06-01T00:00:00Z&end_date=2026-09-01T00:00:00Z")]
    [InlineData("start_date=2026-06-01T00:00:00Z&end_date=2026-08-30T00:00:01Z")]
    [InlineData("end_date=2026-01-01T00:00:00Z&start_date=2026-02-01T00:00:00Z")]
    [InlineData("start_date=2026-11-01")]
    [InlineData("start_date=2026-11-01T00:00:00")]
    [InlineData("status=pending")]
    public async Task GetRequests_BadRangeDateOrStatus_400(string query)
    {
        using var response = await _host.Client.GetAsync($"{Open311Host.Prefix}/requests.json?{query}");

        await Open311Host.AssertErrorAsync(response, 400);
    }

    [Fact]
    public async Task GetRequests_Exactly90Days_200()
    {
        using var response = await _host.Client.GetAsync($"{Open311Host.Prefix}/requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-08-30T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetRequests_StatusFilter_ClosedShowsPublicStatusWordsOnly()
    {
        var open = await PostAsync(ValidPost());
        var resolved = await PostAsync(ValidPost());
        var lifecycle = _host.App.Services.GetRequiredService<IComplaintService>();
        var id = (await _host.Store.FindByCodeAsync(ComplaintCode.Parse(resolved)))!.Id;
        await lifecycle.AssignAsync(id, "officer-17", "Gomti Nagar substation", "officer-17");
        await lifecycle.StartAsync(id, "officer-17");
        await lifecycle.AddNoteAsync(id, "officer-17", "Internal: lineman Suresh drunk on duty");
        _host.Time.Advance(TimeSpan.FromHours(3));
        await lifecycle.ResolveAsync(id, "officer-17", "Transformer fuse replaced by Suresh");

        var closed = await _host.GetJsonAsync("/requests.json?status=closed");
        var opened = await _host.GetJsonAsync("/requests.json?status=open");
        var both = await _host.GetJsonAsync("/requests.json?status=open,closed");

        Assert.Equal([resolved], Ids(closed));
        Assert.Equal([open], Ids(opened));
        Assert.Equal(2, both.GetArrayLength());
        var request = closed[0];
        Assert.Equal("closed", request.GetProperty("status").GetString());
        Assert.Equal("Resolved.", request.GetProperty("status_notes").GetString());
        Assert.Equal("2026-11-28T18:30:00+05:30", request.GetProperty("updated_datetime").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("expected_datetime").ValueKind);
        Assert.DoesNotContain("Suresh", closed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("officer-17", closed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRequests_ServiceCodeFilter()
    {
        var power = await PostAsync(ValidPost());
        var theft = await PostAsync([("service_code", "POL-THEFT"), .. Without("service_code", ValidPost())]);

        Assert.Equal([theft], Ids(await _host.GetJsonAsync("/requests.json?service_code=POL-THEFT")));
        Assert.Equal([power], Ids(await _host.GetJsonAsync("/requests.json?service_code=PWR-01")));
        Assert.Equal(2, (await _host.GetJsonAsync("/requests.json?service_code=PWR-01,POL-THEFT")).GetArrayLength());
    }

    [Fact]
    public async Task GetRequests_CategoryWithoutService_ShowsTheCategoryAsServiceCodeAndFiltersByIt()
    {
        var result = await _host.IntakeAsync("@UPPCL_Sample wrong electricity bill amount charged twice, Lucknow");
        var complaint = (await _host.Store.GetAsync(result.ComplaintId!.Value))!;
        Assert.Equal(new CategoryId("billing"), complaint.Category);

        var request = Assert.Single((await _host.GetJsonAsync("/requests.json?service_code=billing")).EnumerateArray());

        Assert.Equal("billing", request.GetProperty("service_code").GetString());
        Assert.Equal(complaint.Code.Value, request.GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task GetRequests_ServiceRequestIdList_OverridesOtherArguments()
    {
        var first = await PostAsync(ValidPost());
        var second = await PostAsync(ValidPost());
        await PostAsync(ValidPost());

        var requests = await _host.GetJsonAsync($"/requests.json?service_request_id={second},LKO-2611-00421,{first}&status=closed");

        Assert.Equal([second, first], Ids(requests));
    }

    [Fact]
    public async Task GetRequests_MoreThan1000InRange_First1000()
    {
        for (var i = 0; i < 1001; i++)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(1));
            var result = await _host.IntakeAsync($"@UPPCL_Sample power cut in Gomti Nagar, Lucknow since morning ({i})");
            Assert.Equal(Grievance.Intake.IntakeOutcome.Created, result.Outcome);
        }

        var json = await _host.GetJsonAsync("/requests.json");
        var xml = await _host.GetXmlAsync("/requests.xml");

        Assert.Equal(1000, json.GetArrayLength());
        Assert.Equal(1000, xml.Root!.Elements("request").Count());
        var all = await _host.Store.ListAsync(new ComplaintQuery { Take = 2000 });
        Assert.Equal(all.Take(1000).Select(c => c.Code.Value), Ids(json));
    }

    // ---- privacy ----

    [Fact]
    public async Task PersonalData_NeverShownByDefault()
    {
        var code = await PostAsync(ValidPost(
            ("description", "No power. Call me on 9876543210, Aadhaar 2345 6789 0124"),
            ("first_name", "Ravi"), ("last_name", "Verma"), ("email", "ravi.verma@example.in"), ("phone", "9876543210")));

        var requests = await _host.GetJsonAsync("/requests.json");
        var single = await _host.GetXmlAsync($"/requests/{code}.xml");
        var text = requests.GetRawText() + single.ToString();

        Assert.Equal(JsonValueKind.Null, requests[0].GetProperty("description").ValueKind);
        foreach (var secret in new[] { "9876543210", "0124", "Ravi", "Verma", "ravi.verma", "Call me" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PersonalData_OptedInDescription_IsRedacted()
    {
        await using var host = await Open311Host.StartAsync(o => o.IncludeDescription = true);
        var code = await host.PostValidAsync("No power. Call me on 9876543210, Aadhaar 2345 6789 0124", ("first_name", "Ravi"), ("email", "ravi.verma@example.in"));

        var requests = await host.GetJsonAsync("/requests.json");
        var xml = await host.GetXmlAsync($"/requests/{code}.xml");

        Assert.Equal("No power. Call me on XXXXXXXX10, Aadhaar XXXX XXXX 0124", requests[0].GetProperty("description").GetString());
        Assert.Equal("No power. Call me on XXXXXXXX10, Aadhaar XXXX XXXX 0124", xml.Root!.Element("request")!.Element("description")!.Value);
        Assert.DoesNotContain("9876543210", requests.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ravi", requests.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("ravi.verma", requests.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptedInDescription_WithCharactersXmlCannotCarry_StillWellFormedXml()
    {
        await using var host = await Open311Host.StartAsync(o => o.IncludeDescription = true);
        var code = await host.PostValidAsync("Wires \u0001sparking <b>&</b> 😟 near pole");

        var xml = await host.GetXmlAsync($"/requests/{code}.xml");
        var json = await host.GetJsonAsync($"/requests/{code}.json");

        Assert.Equal("Wires sparking <b>&</b> 😟 near pole", xml.Root!.Element("request")!.Element("description")!.Value);
        Assert.Equal("Wires \u0001sparking <b>&</b> 😟 near pole", json[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task PersonalData_ContactDetailsAreNotStoredInTheComplaint()
    {
        var code = await PostAsync(ValidPost(("email", "ravi.verma@example.in"), ("phone", "+91 98765 43210")));

        var complaint = (await _host.Store.FindByCodeAsync(ComplaintCode.Parse(code)))!;

        Assert.DoesNotContain("ravi", complaint.Complainant.PlatformId, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("98765", complaint.Complainant.PlatformId, StringComparison.Ordinal);
        Assert.StartsWith(Open311Host.ClientName + ":", complaint.Complainant.PlatformId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameCitizenTwice_SamePseudonymousComplainant()
    {
        var first = await PostAsync(ValidPost(("email", "Ravi.Verma@example.in")));
        var second = await PostAsync(ValidPost(("email", "ravi.verma@example.in")));

        var a = (await _host.Store.FindByCodeAsync(ComplaintCode.Parse(first)))!;
        var b = (await _host.Store.FindByCodeAsync(ComplaintCode.Parse(second)))!;
        Assert.Equal(a.Complainant.PlatformId, b.Complainant.PlatformId);
    }

    // ---- scope ----

    [Fact]
    public async Task DepartmentFeed_ShowsOnlyThatDepartmentsRequests()
    {
        await using var host = await Open311Host.StartAsync(o => o.Department = "police");
        var power = await host.PostValidAsync();
        var theft = await host.PostValidAsync("Bicycle stolen", ("service_code", "POL-THEFT"));

        Assert.Equal([theft], Ids(await host.GetJsonAsync("/requests.json")));
        using var response = await host.Client.GetAsync($"{Open311Host.Prefix}/requests/{power}.json");
        await Open311Host.AssertErrorAsync(response, 404);
    }

    private async Task<string> PostAsync((string, string)[] fields)
    {
        using var response = await _host.PostAsync("json", fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return Code(body);
    }

    private static string Code(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private static List<string> Ids(JsonElement requests) => [.. requests.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];

    private static string Iso(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
