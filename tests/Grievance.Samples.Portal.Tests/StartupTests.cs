using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Portal.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Start_RunsIntakeOverTheDemoFeed_AndASecondStartOnTheSameFileTakesInNothingNew()
    {
        using var first = new PortalFactory();
        using var client = first.CreatePortalClient();
        await client.SignInAsync(PortalClient.StateCell);
        var codes = await client.AllQueueCodesAsync();

        // The demo feed's 27 complaints, each once (the post tagging two desks too); the retweet and the follow-up are none.
        Assert.Equal(27, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());

        using var second = new SameFilePortalFactory(first.DatabasePath);
        using var again = second.CreatePortalClient();
        await again.SignInAsync(PortalClient.StateCell);
        Assert.Equal(codes, await again.AllQueueCodesAsync());
    }

    [Fact]
    public void Start_DuplicateOfficerNames_FailsWithTheSettingNamed()
    {
        using var factory = new DuplicateOfficerPortalFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var failures = error is AggregateException many ? many.InnerExceptions : [error];
        Assert.NotEmpty(failures);
        Assert.All(failures, e => Assert.Contains("Portal:Officers: the user names lucknow.police appear more than once", Assert.IsType<OptionsValidationException>(e).Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRoot_AnonymousSeesTheCitizenLinks_OfficerGoesToTheQueue()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/complain']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/status']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/signin']"));

        await client.SignInAsync(PortalClient.LucknowPolice);
        var signedIn = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/queue", signedIn.Location);
    }

    [Fact]
    public async Task StateCell_OpensAndWorksAnyDepartmentsComplaint()
    {
        using var factory = new PortalFactory();
        using var power = factory.CreatePortalClient();
        await power.SignInAsync(PortalClient.KanpurPower);
        var code = (await power.GetAsync("/queue?district=MRT")).QueueCodes[0];

        using var cell = factory.CreatePortalClient();
        await cell.SignInAsync(PortalClient.StateCell);
        Assert.Equal(HttpStatusCode.OK, (await cell.GetAsync($"/complaints/{code}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await cell.PostAsync($"/complaints/{code}/note", [new("Note", "State cell asked the district for a report.")])).Status);

        var page = await power.GetAsync($"/complaints/{code}");
        var note = page.Document.QuerySelectorAll("ol#history > li").Last();
        Assert.Equal("note", note.GetAttribute("data-action"));
        Assert.Contains("state.cell", note.TextContent, StringComparison.Ordinal);
    }

    private sealed class SameFilePortalFactory(string database) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:Database", database);
        }
    }

    private sealed class DuplicateOfficerPortalFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:Officers:4:UserName", "LUCKNOW.police");
            builder.UseSetting("Portal:Officers:4:Password", "another");
            builder.UseSetting("Portal:Officers:4:Department", "police");
        }
    }
}

/// <summary>The library's own sections are read from the portal's configuration.</summary>
public sealed class LibrarySectionsTests
{
    [Fact]
    public async Task RejectionReasons_FromTheLifecycleSection_AreTheRejectFormsChoices()
    {
        using var factory = new CustomReasonsPortalFactory();
        var code = await Citizen.FileAsync(factory, "My scooter was stolen from outside Bhootnath market in Lucknow last night.");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        var page = await client.GetAsync($"/complaints/{code}");
        Assert.Equal(["abusive", "spam"], page.Document.QuerySelectorAll("form[data-action=reject] select[name=Reason] option").Skip(1).Select(o => o.GetAttribute("value")!).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/complaints/{code}/reject", [new("Reason", "abusive")])).Status);
        Assert.Equal("rejected", (await client.GetAsync($"/complaints/{code}")).Text("span#status"));
    }

    private sealed class CustomReasonsPortalFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("GrievanceLifecycle:RejectionReasons:0", "spam");
            builder.UseSetting("GrievanceLifecycle:RejectionReasons:1", "abusive");
        }
    }
}
