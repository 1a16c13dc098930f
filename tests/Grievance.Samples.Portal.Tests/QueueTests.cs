using System.Net;

namespace Grievance.Samples.Portal.Tests;

public sealed class QueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static IReadOnlyList<string> Column(Page page, int index) =>
        [.. page.Document.QuerySelectorAll("#queue tr[data-code]").Select(r => r.QuerySelectorAll("td")[index].TextContent)];

    [Fact]
    public async Task GetQueue_Unauthenticated_RedirectsToSignIn()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync("/queue?status=new");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/signin?ReturnUrl=", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQueue_ShowsTheFilterFormAndOnlyTheOfficersDepartmentAndDistricts()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);
        var page = await client.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector("form#queue-filter");
        Assert.Equal("get", form?.GetAttribute("method"));
        Assert.NotNull(form!.QuerySelector("select[name=status]"));
        Assert.NotNull(form.QuerySelector("select[name=district]"));
        Assert.NotNull(form.QuerySelector("select[name=category]"));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=overdue][value=true]"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));

        // The demo feed's Lucknow police complaints: the scooter theft and the Hazratganj chain snatching.
        Assert.True(page.QueueCodes.Count >= 2);
        Assert.All(page.QueueCodes, code => Assert.StartsWith("LKO-", code, StringComparison.Ordinal));
        Assert.All(Column(page, 2), d => Assert.Equal("police", d));
        Assert.All(Column(page, 3), d => Assert.Equal("Lucknow", d));
        Assert.All(page.QueueCodes, code => Assert.NotNull(page.Document.QuerySelector($"#queue tr[data-code='{code}'] a[href='/complaints/{code}']")));
    }

    [Fact]
    public async Task GetQueue_OtherDepartmentsOfficer_SeesNoneOfTheLucknowPoliceComplaints()
    {
        using var police = factory.CreatePortalClient();
        await police.SignInAsync(PortalClient.LucknowPolice);
        var policeCodes = (await police.GetAsync("/queue")).QueueCodes;

        using var power = factory.CreatePortalClient();
        await power.SignInAsync(PortalClient.KanpurPower);
        var page = await power.GetAsync("/queue");

        Assert.NotEmpty(page.QueueCodes);
        Assert.Empty(page.QueueCodes.Intersect(policeCodes));
        Assert.All(Column(page, 2), d => Assert.Equal("power", d));
        Assert.Contains(page.QueueCodes, c => c.StartsWith("MRT-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetQueue_StateCell_SeesEveryDepartment()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.StateCell);
        var departments = new HashSet<string>(StringComparer.Ordinal);
        for (string? next = "/queue"; next is not null;)
        {
            var page = await client.GetAsync(next);
            departments.UnionWith(Column(page, 2));
            next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        // The demo feed's ten departments.
        Assert.Equal(["education", "food", "health", "municipal", "police", "power", "revenue", "roads", "transport", "water"], departments.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetQueue_StatusFilter_ListsOnlyThatStatus()
    {
        var code = await Citizen.FileAsync(factory, "My mobile phone was stolen in the crowd at Aminabad market, Lucknow this evening.");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);
        await client.GetAsync($"/complaints/{code}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/start")).Status);

        var inProgress = await client.GetAsync("/queue?status=in-progress");
        var fresh = await client.GetAsync("/queue?status=new");

        Assert.Contains(code, inProgress.QueueCodes);
        Assert.All(Column(inProgress, 1), s => Assert.Equal("in-progress", s));
        Assert.DoesNotContain(code, fresh.QueueCodes);
        Assert.NotEmpty(fresh.QueueCodes);
        Assert.All(Column(fresh, 1), s => Assert.Equal("new", s));
        Assert.Equal("in-progress", inProgress.Document.QuerySelector("select[name=status] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task GetQueue_CategoryFilter_ListsOnlyThatCategory()
    {
        await Citizen.FileAsync(factory, "Loud DJ music after midnight every night in Gomti Nagar, Lucknow; elderly people cannot sleep.");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        var theft = await client.GetAsync("/queue?category=theft");
        var noise = await client.GetAsync("/queue?category=noise");

        Assert.NotEmpty(theft.QueueCodes);
        Assert.All(Column(theft, 4), c => Assert.Equal("theft", c));
        Assert.NotEmpty(noise.QueueCodes);
        Assert.All(Column(noise, 4), c => Assert.Equal("noise", c));
        Assert.Empty(theft.QueueCodes.Intersect(noise.QueueCodes));
    }

    [Fact]
    public async Task GetQueue_DistrictFilter_InsideScopeKeepsIt_OutsideScopeListsNothing()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        Assert.NotEmpty((await client.GetAsync("/queue?district=LKO")).QueueCodes);
        var outside = await client.GetAsync("/queue?district=KNP");
        Assert.Equal(HttpStatusCode.OK, outside.Status);
        Assert.Empty(outside.QueueCodes);

        // The police HQ desk has every district: Kanpur Nagar's police complaint is in its queue.
        using var hq = factory.CreatePortalClient();
        await hq.SignInAsync("police.hq");
        var kanpur = await hq.GetAsync("/queue?district=KNP");
        Assert.NotEmpty(kanpur.QueueCodes);
        Assert.All(Column(kanpur, 3), d => Assert.Equal("Kanpur Nagar", d));
    }

    [Theory]
    [InlineData("/queue?page=abc&overdue=yes")]
    [InlineData("/queue?page=-3&status=nonsense")]
    [InlineData("/queue?district=%3Cscript%3E&category=%3Cscript%3E")]
    public async Task GetQueue_HandEditedQuery_ListsRatherThanFails(string url)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        var page = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQueue_OverdueFilter_NothingIsOverdueOnIntakeDay()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        var page = await client.GetAsync("/queue?overdue=true");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.QueueCodes);
        Assert.NotNull(page.Document.QuerySelector("input[name=overdue][checked]"));
    }
}

/// <summary>The overdue filter after the clock passes the demo complaints' due dates (own host: it moves the clock).</summary>
public sealed class QueueOverdueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task GetQueue_OverdueFilter_ListsOpenComplaintsPastTheirDueDateOnly()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);
        var all = (await client.GetAsync("/queue")).QueueCodes;
        Assert.True(all.Count >= 2);
        var resolved = all[0];
        await client.GetAsync($"/complaints/{resolved}");
        await client.PostAsync($"/complaints/{resolved}/start");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{resolved}/resolve", [new("Note", "Recovered and returned.")])).Status);

        factory.Clock.Advance(TimeSpan.FromDays(40));
        var late = await Citizen.FileAsync(factory, "My bicycle was stolen from outside Charbagh station in Lucknow today.");
        using var again = factory.CreatePortalClient();
        await again.SignInAsync(PortalClient.LucknowPolice);
        var overdue = await again.GetAsync("/queue?overdue=true");

        Assert.Equal([.. all.Skip(1)], overdue.QueueCodes);
        Assert.DoesNotContain(late, overdue.QueueCodes);
        Assert.Contains(late, (await again.GetAsync("/queue")).QueueCodes);
        Assert.All(overdue.Document.QuerySelectorAll("#queue tr[data-code] td.overdue"), td => Assert.Contains("overdue", td.TextContent, StringComparison.Ordinal));
        Assert.Equal(overdue.QueueCodes.Count, overdue.Document.QuerySelectorAll("#queue tr[data-code] td.overdue").Length);
    }
}

/// <summary>Paging with one complaint per page.</summary>
public sealed class QueuePagingTests(SmallPagePortalFactory factory) : IClassFixture<SmallPagePortalFactory>
{
    [Fact]
    public async Task GetQueue_Pages_FollowNextAndPrevThroughEveryComplaintOnce()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("police.hq");

        var seen = new List<string>();
        var page = await client.GetAsync("/queue");
        Assert.Null(page.Document.QuerySelector("a[rel=prev]"));
        while (true)
        {
            seen.Add(Assert.Single(page.QueueCodes));
            var next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
            if (next is null)
            {
                break;
            }

            page = await client.GetAsync(next);
            Assert.NotNull(page.Document.QuerySelector("a[rel=prev]"));
        }

        // The police complaints of the demo feed: Lucknow (2), Ghaziabad, Gautam Buddh Nagar, Kanpur Nagar and more.
        Assert.True(seen.Count >= 5, string.Join(", ", seen));
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var back = await client.GetAsync(page.Document.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(seen[^2], Assert.Single(back.QueueCodes));
    }

    [Fact]
    public async Task GetQueue_PagingLinks_KeepTheFilters()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("police.hq");

        var page = await client.GetAsync("/queue?status=new&category=theft");
        var next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");

        Assert.NotNull(next);
        Assert.Contains("status=new", next, StringComparison.Ordinal);
        Assert.Contains("category=theft", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var second = await client.GetAsync(next!);
        Assert.Equal("theft", second.Document.QuerySelectorAll("#queue tr[data-code] td")[4].TextContent);
    }
}
