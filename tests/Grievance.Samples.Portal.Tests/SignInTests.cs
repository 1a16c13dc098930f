using System.Net;

namespace Grievance.Samples.Portal.Tests;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task GetSignIn_ShowsTheContractForm()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector("form#signin");
        Assert.NotNull(form);
        Assert.Equal("post", form!.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=UserName]"));
        Assert.Equal("password", form.QuerySelector("input[name=Password]")?.GetAttribute("type"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task PostSignIn_RightPassword_RedirectsToQueueWithAStrictHttpOnlyCookie()
    {
        using var client = factory.CreatePortalClient();
        await client.GetAsync("/signin");
        var page = await client.PostAsync("/signin", [new("UserName", "lucknow.police"), new("Password", "demo-lucknow")]);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/queue", page.Location);
        var cookie = Assert.Single(page.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("grievance.portal=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queue")).Status);
    }

    [Theory]
    [InlineData("lucknow.police", "demo-kanpur")]
    [InlineData("lucknow.police", "")]
    [InlineData("nobody", "demo-lucknow")]
    public async Task PostSignIn_WrongNameOrPassword_ShowsAnErrorAndSetsNoCookie(string userName, string password)
    {
        using var client = factory.CreatePortalClient();
        await client.GetAsync("/signin");
        var page = await client.PostAsync("/signin", [new("UserName", userName), new("Password", password)]);

        Assert.Equal(HttpStatusCode.Unauthorized, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#error"));
        Assert.False(page.Response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("grievance.portal=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/queue")).Status);
    }

    [Fact]
    public async Task PostSignIn_WithoutAntiforgeryToken_Is400()
    {
        using var client = factory.CreatePortalClient();
        await client.GetAsync("/signin");
        var page = await client.PostAsync("/signin", [new("UserName", "lucknow.police"), new("Password", "demo-lucknow")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/queue")).Status);
    }

    [Fact]
    public async Task PostSignIn_LocalReturnUrl_IsFollowed_ForeignOneIsNot()
    {
        using var client = factory.CreatePortalClient();
        var challenge = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        Assert.StartsWith("http://localhost/signin?ReturnUrl=%2Fdashboard", challenge.Location, StringComparison.Ordinal);

        await client.GetAsync("/signin?ReturnUrl=%2Fdashboard");
        var local = await client.PostAsync("/signin", [new("UserName", "lucknow.police"), new("Password", "demo-lucknow"), new("ReturnUrl", "/dashboard")]);
        Assert.Equal("/dashboard", local.Location);

        using var other = factory.CreatePortalClient();
        await other.GetAsync("/signin");
        var foreign = await other.PostAsync("/signin", [new("UserName", "lucknow.police"), new("Password", "demo-lucknow"), new("ReturnUrl", "//evil.example/queue")]);
        Assert.Equal("/queue", foreign.Location);
    }

    [Fact]
    public async Task PostSignOut_EndsTheSession_AndNeedsAToken()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(PortalClient.LucknowPolice);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/signout", withToken: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queue")).Status);

        var page = await client.PostAsync("/signout");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/signin", page.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/queue")).Status);
    }

    [Fact]
    public async Task PostSignOut_Unauthenticated_RedirectsToSignIn()
    {
        using var client = factory.CreatePortalClient();
        await client.GetAsync("/signin");
        var page = await client.PostAsync("/signout");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/signin", page.Location, StringComparison.Ordinal);
    }
}
