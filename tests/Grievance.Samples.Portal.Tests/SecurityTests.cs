using System.Net;

namespace Grievance.Samples.Portal.Tests;

public sealed class SecurityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/complain")]
    [InlineData("/status")]
    [InlineData("/status/LKO-2511-99999")]
    [InlineData("/portal.css")]
    [InlineData("/queue")]
    [InlineData("/dashboard")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_Anonymous_CarriesTheSecurityHeaders(string url)
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync(url);

        AssertSecurityHeaders(page.Response);
    }

    [Theory]
    [InlineData("/queue")]
    [InlineData("/queue?status=new&district=LKO&category=theft&overdue=true&page=1")]
    [InlineData("/dashboard")]
    [InlineData("/complaints/LKO-2511-99999")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_SignedIn_CarriesTheSecurityHeaders_AndNoScript(string url)
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);
        var page = await client.GetAsync(url);

        AssertSecurityHeaders(page.Response);
        Assert.Empty(page.Document.QuerySelectorAll("script, [style]"));
        Assert.DoesNotContain(" on", string.Join(" ", page.Document.All.SelectMany(e => e.Attributes).Select(a => " " + a.Name)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_ComplaintPageActionsAndErrors_CarryTheSecurityHeaders()
    {
        var code = await Citizen.FileAsync(factory, "My scooter was stolen from Aminabad market in Lucknow.");
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        var page = await client.GetAsync($"/complaints/{code}");
        AssertSecurityHeaders(page.Response);
        Assert.Empty(page.Document.QuerySelectorAll("script, [style]"));
        AssertSecurityHeaders((await client.PostAsync($"/complaints/{code}/start")).Response);
        AssertSecurityHeaders((await client.PostAsync($"/complaints/{code}/start")).Response);
        AssertSecurityHeaders((await client.PostAsync($"/complaints/{code}/note", withToken: false)).Response);
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndSameSiteStrict()
    {
        using var client = factory.CreatePortalClient();
        var signIn = await client.GetAsync("/signin");
        var antiforgery = Assert.Single(signIn.Response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        var posted = await client.PostAsync("/signin", [new("UserName", "lucknow.police"), new("Password", "demo-lucknow")]);
        var auth = Assert.Single(posted.Response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cookies_OverHttps_AreSecure()
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        });
        using var client = new PortalClient(http);
        var signIn = await client.GetAsync("/signin");
        Assert.Contains("secure", Assert.Single(signIn.Response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        var posted = await client.PostAsync("/signin", [new("UserName", "lucknow.police"), new("Password", "demo-lucknow")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains("secure", Assert.Single(posted.Response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AntiforgeryToken_OfAnotherSession_Is400()
    {
        using var attacker = factory.CreatePortalClient();
        await attacker.SignInAsync(PortalClient.KanpurPower);
        var foreignToken = attacker.Token!;

        var code = await Citizen.FileAsync(factory, "My scooter was stolen from Aminabad market in Lucknow.");
        using var victim = factory.CreatePortalClient();
        await victim.SignInAsync(PortalClient.LucknowPolice);
        var page = await victim.PostAsync($"/complaints/{code}/start", [new("__RequestVerificationToken", foreignToken)], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("new", (await victim.GetAsync($"/complaints/{code}")).Text("span#status"));
    }
}
