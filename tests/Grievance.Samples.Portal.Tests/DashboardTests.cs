using System.Net;

namespace Grievance.Samples.Portal.Tests;

public sealed class DashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task GetDashboard_Unauthenticated_RedirectsToSignIn()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync("/dashboard?district=LKO");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/signin", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDashboard_ShowsCountsByStatusAndAge_AsInlineSvg()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("police.hq");
        var page = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(2, page.Document.QuerySelectorAll("svg").Length);
        Assert.NotNull(page.Document.QuerySelector("section#by-status svg[role=img]"));
        Assert.NotNull(page.Document.QuerySelector("section#by-age svg[role=img]"));
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.Contains("Lucknow", page.Text("section#by-status"), StringComparison.Ordinal);
        Assert.Contains("Kanpur Nagar", page.Text("section#by-status"), StringComparison.Ordinal);
        Assert.Contains("under 1 day", page.Text("section#by-age"), StringComparison.Ordinal);
        Assert.Contains("0 overdue", page.Text("#summary"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("section#overdue"));
        Assert.NotNull(page.Document.QuerySelector("section#defaulters"));
    }

    [Fact]
    public async Task GetDashboard_DistrictFilter_ShowsThatDistrictOnly()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("police.hq");
        var page = await client.GetAsync("/dashboard?district=LKO");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Lucknow", page.Text("section#by-status"), StringComparison.Ordinal);
        Assert.DoesNotContain("Kanpur Nagar", page.Text("section#by-status"), StringComparison.Ordinal);
        Assert.Equal("LKO", page.Document.QuerySelector("select[name=district] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task GetDashboard_CountsOnlyTheOfficersScope()
    {
        using var lucknow = factory.CreatePortalClient();
        await lucknow.SignInAsync(PortalClient.LucknowPolice);
        var page = await lucknow.GetAsync("/dashboard");
        var queue = await lucknow.GetAsync("/queue");

        Assert.StartsWith($"{queue.QueueCodes.Count} complaints", page.Text("#summary"), StringComparison.Ordinal);
        Assert.DoesNotContain("Kanpur Nagar", page.Html, StringComparison.Ordinal);

        // Another district asked for explicitly stays outside the scope.
        var other = await lucknow.GetAsync("/dashboard?district=KNP");
        Assert.StartsWith("0 complaints", other.Text("#summary"), StringComparison.Ordinal);
    }
}

/// <summary>Overdue complaints and defaulters after the clock passes the due dates (own host: it moves the clock).</summary>
public sealed class DashboardOverdueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task GetDashboard_AfterTheDueDate_ListsOverdueComplaintsAndDefaulters()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);
        var codes = (await client.GetAsync("/queue")).QueueCodes;
        await client.GetAsync($"/complaints/{codes[0]}");
        await client.PostAsync($"/complaints/{codes[0]}/assign", [new("Officer", "si.hazratganj")]);

        factory.Clock.Advance(TimeSpan.FromDays(30));
        using var again = factory.CreatePortalClient();
        await again.SignInAsync(PortalClient.LucknowPolice);
        var page = await again.GetAsync("/dashboard");

        Assert.Contains($"{codes.Count} overdue", page.Text("#summary"), StringComparison.Ordinal);
        foreach (var code in codes)
        {
            Assert.NotNull(page.Document.QuerySelector($"section#overdue a[href='/complaints/{code}']"));
        }

        Assert.Contains("si.hazratganj", page.Text("section#defaulters"), StringComparison.Ordinal);
        Assert.Contains(codes[0], page.Text("section#defaulters"), StringComparison.Ordinal);
        Assert.Contains("14-30 days", page.Text("section#by-age"), StringComparison.Ordinal);
    }
}
