using System.Net;

namespace Grievance.Samples.Portal.Tests;

public sealed class ComplaintTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static readonly string[] ActionNames = ["assign", "start", "note", "ask", "transfer", "resolve", "reject"];

    public static readonly TheoryData<string> Actions = new(ActionNames);

    /// <summary>Every action route, the release of a held complaint included.</summary>
    public static readonly TheoryData<string> ActionRoutes = new([.. ActionNames, "release"]);

    private static KeyValuePair<string, string>[] FieldsFor(string action) => action switch
    {
        "assign" => [new("Officer", "si.hazratganj")],
        "note" => [new("Note", "Called the complainant.")],
        "ask" => [new("Question", "Which gate of the market?")],
        "transfer" => [new("Department", "power"), new("District", "MRT"), new("Reason", "Wrong desk.")],
        "resolve" => [new("Note", "Recovered.")],
        "reject" => [new("Reason", "duplicate")],
        _ => [],
    };

    private async Task<(PortalClient Client, string Code)> NewComplaintAsync(string text = "My scooter was stolen from outside Bhootnath market in Lucknow last night.")
    {
        var code = await Citizen.FileAsync(factory, text);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);
        return (client, code);
    }

    private static IReadOnlyList<string> History(Page page) =>
        [.. page.Document.QuerySelectorAll("ol#history > li").Select(li => li.GetAttribute("data-action")!)];

    [Fact]
    public async Task GetComplaint_ShowsTextRoutingHistoryRepliesStatusAndTheActionsItsStatusAllows()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        var page = await client.GetAsync($"/complaints/{code}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Bhootnath market", page.Text("section#complaint-text"), StringComparison.Ordinal);
        Assert.Contains("LKO", page.Text("section#routing"), StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.QuerySelectorAll("section#routing li"));
        Assert.Equal(["created"], History(page));
        Assert.Contains(code, Assert.Single(page.Document.QuerySelectorAll("ol#replies > li")).TextContent, StringComparison.Ordinal);
        Assert.Equal("new", page.Text("span#status"));
        // A new complaint can be assigned, started, noted, transferred or rejected; not resolved, asked about or released.
        Assert.Equal(["assign", "start", "note", "transfer", "reject"], Forms(page));
        foreach (var action in Forms(page))
        {
            var form = page.Document.QuerySelector($"form[data-action={action}]")!;
            Assert.Equal("post", form.GetAttribute("method"));
            Assert.Equal($"/complaints/{code}/{action}", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        }

        // Once work has started it can be resolved or the citizen asked; after resolution only a note remains.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/start")).Status);
        page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal(["assign", "note", "ask", "transfer", "resolve", "reject"], Forms(page));
        Assert.NotNull(page.Document.QuerySelector("form[data-action=resolve] textarea[name=Note]"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/resolve", [new("Note", "Scooter found.")])).Status);
        Assert.Equal(["note"], Forms(await client.GetAsync($"/complaints/{code}")));
    }

    private static List<string> Forms(Page page) =>
        [.. page.Document.QuerySelectorAll("form[data-action]").Select(f => f.GetAttribute("data-action")!).Where(ActionNames.Contains)];

    [Fact]
    public async Task GetComplaint_ScriptInTheComplaint_RendersAsText()
    {
        var (client, code) = await NewComplaintAsync("Chain snatched near Hazratganj, Lucknow <script>alert(1)</script> <img src=x onerror=alert(2)>");
        using var _ = client;
        var page = await client.GetAsync($"/complaints/{code}");

        Assert.DoesNotContain("<script>alert(1)</script>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", page.Text("section#complaint-text"), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.Empty(page.Document.QuerySelectorAll("img"));
    }

    [Fact]
    public async Task GetComplaint_PhoneNumber_IsRedacted()
    {
        var (client, code) = await NewComplaintAsync("Chain snatched in Aliganj, Lucknow. Call me on 9876543210.");
        using var _ = client;
        var page = await client.GetAsync($"/complaints/{code}");

        Assert.DoesNotContain("9876543210", page.Html, StringComparison.Ordinal);
        Assert.Contains("XXXXXXXX10", page.Text("section#complaint-text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetComplaint_Unauthenticated_RedirectsToSignIn()
    {
        var code = await Citizen.FileAsync(factory, "My purse was stolen in a tempo in Lucknow.");
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync($"/complaints/{code}");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/signin", page.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/complaints/LKO-2511-99999")]
    [InlineData("/complaints/not-a-code")]
    public async Task GetComplaint_UnknownCode_Is404(string url)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).Status);
    }

    [Fact]
    public async Task GetComplaint_OtherDepartmentsOfficer_Gets404_OwnDepartmentsHqSeesIt()
    {
        var code = await Citizen.FileAsync(factory, "Two men on a bike snatched my chain in Indira Nagar, Lucknow.");
        using var power = factory.CreatePortalClient();
        await power.SignInAsync(PortalClient.KanpurPower);
        using var hq = factory.CreatePortalClient();
        await hq.SignInAsync("police.hq");

        var denied = await power.GetAsync($"/complaints/{code}");
        Assert.Equal(HttpStatusCode.NotFound, denied.Status);
        Assert.DoesNotContain("Indira Nagar", denied.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await hq.GetAsync($"/complaints/{code}")).Status);
    }

    [Fact]
    public async Task GetComplaint_SameDepartmentOtherDistrict_Gets404()
    {
        // The Kanpur Nagar police complaint of the demo feed is the police HQ's, not the Lucknow officer's.
        using var hq = factory.CreatePortalClient();
        await hq.SignInAsync("police.hq");
        var kanpur = (await hq.GetAsync("/queue?district=KNP")).QueueCodes[0];
        using var lucknow = factory.CreatePortalClient();
        await lucknow.SignInAsync(PortalClient.LucknowPolice);

        Assert.Equal(HttpStatusCode.NotFound, (await lucknow.GetAsync($"/complaints/{kanpur}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await lucknow.PostAsync($"/complaints/{kanpur}/start")).Status);
        Assert.Equal("new", (await hq.GetAsync($"/complaints/{kanpur}")).Text("span#status"));
    }

    [Theory]
    [MemberData(nameof(ActionRoutes))]
    public async Task PostAction_OtherDepartmentsOfficer_Gets404_AndNothingChanges(string action)
    {
        var (police, code) = await NewComplaintAsync();
        using var _ = police;
        using var power = factory.CreatePortalClient();
        await power.SignInAsync(PortalClient.KanpurPower);

        var page = await power.PostAsync($"/complaints/{code}/{action}", FieldsFor(action));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        var after = await police.GetAsync($"/complaints/{code}");
        Assert.Equal("new", after.Text("span#status"));
        Assert.Equal(["created"], History(after));
    }

    [Theory]
    [MemberData(nameof(ActionRoutes))]
    public async Task PostAction_Unauthenticated_RedirectsToSignIn_AndNothingChanges(string action)
    {
        var (police, code) = await NewComplaintAsync();
        using var _ = police;
        using var anonymous = factory.CreatePortalClient();
        await anonymous.GetAsync("/complain");

        var page = await anonymous.PostAsync($"/complaints/{code}/{action}", FieldsFor(action));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/signin", page.Location, StringComparison.Ordinal);
        Assert.Equal(["created"], History(await police.GetAsync($"/complaints/{code}")));
    }

    [Theory]
    [MemberData(nameof(ActionRoutes))]
    public async Task PostAction_WithoutAntiforgeryToken_Is400_AndNothingChanges(string action)
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");

        var page = await client.PostAsync($"/complaints/{code}/{action}", FieldsFor(action), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["created"], History(await client.GetAsync($"/complaints/{code}")));
    }

    [Fact]
    public async Task PostAssign_AssignsAndRedirectsBackToTheComplaint()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");

        var post = await client.PostAsync($"/complaints/{code}/assign", [new("Unit", "PS Hazratganj"), new("Officer", "si.hazratganj")]);

        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.Equal($"/complaints/{code}", post.Location);
        var page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal("assigned", page.Text("span#status"));
        Assert.Equal(["created", "assigned"], History(page));
        Assert.Contains("PS Hazratganj / si.hazratganj", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostStart_StartsWork()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/start")).Status);

        var page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal("in-progress", page.Text("span#status"));
        Assert.Equal(["created", "started"], History(page));
        Assert.Contains("lucknow.police", page.Document.QuerySelectorAll("ol#history > li")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostNote_AddsAnInternalNote_NotSentToTheCitizen()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/note", [new("Note", "Checked CCTV at the market gate.")])).Status);

        var page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal("new", page.Text("span#status"));
        Assert.Equal(["created", "note"], History(page));
        Assert.Contains("Checked CCTV", page.Text("ol#history"), StringComparison.Ordinal);
        Assert.DoesNotContain("Checked CCTV", page.Text("ol#replies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsk_AsksTheCitizen_AndTheQuestionIsSent()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");
        await client.PostAsync($"/complaints/{code}/start");

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/ask", [new("Question", "What is the registration number?")])).Status);

        var page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal("awaiting-citizen", page.Text("span#status"));
        Assert.Equal(["created", "started", "information-requested"], History(page));
        Assert.Contains("What is the registration number?", page.Text("ol#replies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTransfer_ToAnotherDepartment_LeavesTheQueue_AndReachesTheOtherDesk()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");

        var post = await client.PostAsync($"/complaints/{code}/transfer", [new("Department", "power"), new("District", "MRT"), new("Reason", "Electricity matter.")]);

        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.Equal($"/queue?moved={code}", post.Location);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/complaints/{code}")).Status);
        Assert.DoesNotContain(code, (await client.GetAsync("/queue")).QueueCodes);

        using var power = factory.CreatePortalClient();
        await power.SignInAsync(PortalClient.KanpurPower);
        Assert.Contains(code, (await power.GetAsync("/queue")).QueueCodes);
        var page = await power.GetAsync($"/complaints/{code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["created", "transferred"], History(page));
    }

    [Fact]
    public async Task PostResolve_ResolvesAndSendsTheNoteToTheCitizen()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");
        await client.PostAsync($"/complaints/{code}/start");

        var post = await client.PostAsync($"/complaints/{code}/resolve", [new("Note", "Scooter recovered and handed over.")]);

        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.Equal($"/complaints/{code}", post.Location);
        var page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal("resolved", page.Text("span#status"));
        Assert.Equal(["created", "started", "resolved"], History(page));
        Assert.Contains("Scooter recovered and handed over.", page.Document.QuerySelectorAll("ol#replies > li").Last().TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReject_RejectsWithTheReason()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        var before = await client.GetAsync($"/complaints/{code}");
        Assert.Equal(["duplicate", "spam", "sub-judice"], before.Document.QuerySelectorAll("form[data-action=reject] select[name=Reason] option").Skip(1).Select(o => o.GetAttribute("value")!).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/reject", [new("Reason", "duplicate")])).Status);

        var page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal("rejected", page.Text("span#status"));
        Assert.Equal(["created", "rejected"], History(page));
        Assert.Contains("duplicate", page.Text("ol#history"), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("form[data-action=reject]"));
    }

    [Fact]
    public async Task PostResolve_FromNew_ShowsAFriendlyErrorNot500_AndNothingChanges()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");

        var page = await client.PostAsync($"/complaints/{code}/resolve", [new("Note", "Done.")]);

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains("allowed only from", page.Text("#error"), StringComparison.Ordinal);
        Assert.Equal("new", page.Text("span#status"));
        Assert.Equal(["created"], History(page));
    }

    [Theory]
    [InlineData("note")]
    [InlineData("resolve")]
    [InlineData("reject")]
    [InlineData("transfer")]
    public async Task PostAction_MissingText_ShowsAFriendlyValidationError(string action)
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");
        await client.PostAsync($"/complaints/{code}/start");

        var page = await client.PostAsync($"/complaints/{code}/{action}", [new("Note", " "), new("Reason", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#error"));
        Assert.Equal("in-progress", page.Text("span#status"));
        Assert.Equal(["created", "started"], History(page));
    }

    [Fact]
    public async Task PostAction_UnknownAction_Is404()
    {
        var (client, code) = await NewComplaintAsync();
        using var _ = client;
        await client.GetAsync($"/complaints/{code}");

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/complaints/{code}/erase")).Status);
        Assert.Equal(["created"], History(await client.GetAsync($"/complaints/{code}")));
    }
}

/// <summary>A rejection with a reason outside the configured list is refused with the library's explanation.</summary>
public sealed class ComplaintRejectReasonTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task PostReject_NotOurDepartment_IsRefusedWithAFriendlyError()
    {
        var code = await Citizen.FileAsync(factory, "My scooter was stolen from outside Bhootnath market in Lucknow last night.");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);
        await client.GetAsync($"/complaints/{code}");

        var page = await client.PostAsync($"/complaints/{code}/reject", [new("Reason", "not our department")]);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, page.Status);
        Assert.Contains("transfer", page.Text("#error"), StringComparison.Ordinal);
        Assert.Equal("new", page.Text("span#status"));
    }
}
