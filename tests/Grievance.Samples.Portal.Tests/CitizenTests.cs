using System.Net;

namespace Grievance.Samples.Portal.Tests;

public sealed class CitizenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Text = "Chain snatching at Hazratganj crossing in Lucknow, two men on a black bike. Call me on 9876543210.";
    private const string Name = "Ramesh Kumar Srivastava";

    [Fact]
    public async Task GetComplain_ShowsTheFormToAnyone()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync("/complain");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector("form[method=post][action='/complain']");
        Assert.NotNull(form);
        Assert.NotNull(form!.QuerySelector("textarea[name=Text]"));
        Assert.NotNull(form.QuerySelector("select[name=District] option[value=LKO]"));
        Assert.NotNull(form.QuerySelector("input[name=Name]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task PostComplain_CreatesAWebComplaint_WhoseCodeIsInTheOfficersQueue()
    {
        var code = await Citizen.FileAsync(factory, Text, "LKO", Name);

        Assert.StartsWith("LKO-", code, StringComparison.Ordinal);
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.LucknowPolice);
        Assert.Contains(code, (await officer.GetAsync("/queue")).QueueCodes);
        var page = await officer.GetAsync($"/complaints/{code}");
        Assert.Contains("Hazratganj crossing", page.Text("section#complaint-text"), StringComparison.Ordinal);
        Assert.Contains("<td>web</td>", page.Html, StringComparison.Ordinal);
        Assert.Equal(["created"], page.Document.QuerySelectorAll("ol#history > li").Select(li => li.GetAttribute("data-action")));
        // The acknowledgement went out through the web channel's notifier.
        Assert.Contains(code, Assert.Single(page.Document.QuerySelectorAll("ol#replies > li")).TextContent, StringComparison.Ordinal);
        // The officer sees neither the citizen's name nor the phone number.
        Assert.DoesNotContain(Name, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostComplain_WithoutDistrict_IsRoutedByItsText()
    {
        var code = await Citizen.FileAsync(factory, "UPPCL: no electricity in Meerut city since yesterday evening, the transformer is burnt.", district: null);

        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.KanpurPower);
        Assert.Contains(code, (await officer.GetAsync("/queue")).QueueCodes);
    }

    [Fact]
    public async Task PostComplain_WithoutAntiforgeryToken_Is400_AndCreatesNothing()
    {
        using var client = factory.CreatePortalClient();
        await client.GetAsync("/complain");
        var page = await client.PostAsync("/complain", [new("Text", "A marker text for the antiforgery test in Lucknow: my bicycle was stolen.")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Document.QuerySelector("span#code"));
    }

    [Theory]
    [InlineData("", "LKO")]
    [InlineData("   ", "LKO")]
    [InlineData("My scooter was stolen in Lucknow.", "NOWHERE")]
    public async Task PostComplain_InvalidInput_ShowsTheFormAgainWithAnError(string text, string district)
    {
        using var client = factory.CreatePortalClient();
        await client.GetAsync("/complain");
        var page = await client.PostAsync("/complain", [new("Text", text), new("District", district)]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#error"));
        Assert.NotNull(page.Document.QuerySelector("textarea[name=Text]"));
        Assert.Null(page.Document.QuerySelector("span#code"));
    }

    [Fact]
    public async Task GetStatus_ShowsPublicFieldsOnly()
    {
        var code = await Citizen.FileAsync(factory, Text, "LKO", Name);
        using var client = factory.CreatePortalClient();

        foreach (var url in new[] { $"/status/{code}", $"/status?code={code}" })
        {
            var page = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("new", page.Text("span#status"));
            Assert.Equal("UP Police", page.Text("#department"));
            Assert.Equal("Lucknow", page.Text("#district"));
            Assert.Equal("2025-11-24 04:30 UTC", page.Text("#due"));
            Assert.DoesNotContain("Hazratganj", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("9876543210", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Ramesh", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("routing", page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(page.Document.QuerySelectorAll("#history, #replies, #complaint-text"));
        }
    }

    [Fact]
    public async Task GetStatus_ShowsTheStatusChangesOfficersMake()
    {
        var code = await Citizen.FileAsync(factory, Text, "LKO");
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.LucknowPolice);
        await officer.GetAsync($"/complaints/{code}");
        await officer.PostAsync($"/complaints/{code}/start");

        using var client = factory.CreatePortalClient();
        Assert.Equal("in-progress", (await client.GetAsync($"/status/{code}")).Text("span#status"));
    }

    [Fact]
    public async Task GetStatus_DemoComplaintFromX_ShowsNoHandleOrText()
    {
        using var officer = factory.CreatePortalClient();
        await officer.SignInAsync(PortalClient.StateCell);
        var codes = (await officer.GetAsync("/queue")).QueueCodes;
        using var client = factory.CreatePortalClient();

        foreach (var code in codes)
        {
            var page = await client.GetAsync($"/status/{code}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("citizen_", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Citizen ", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("_Sample", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("@", page.Html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/status/LKO-2511-99999")]
    [InlineData("/status?code=not-a-code")]
    public async Task GetStatus_UnknownOrMistypedCode_Is404WithAMessage(string url)
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#error"));
    }

    [Fact]
    public async Task GetStatus_WithoutCode_ShowsTheLookupForm()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync("/status");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form[method=get] input[name=code]"));
    }
}
