using System.Net;
using Grievance.Samples.Portal.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grievance.Samples.Portal.BrowserTests;

/// <summary>The browser part on its own: the installed Chromium, the packaged driver, no network beyond loopback.</summary>
public sealed class ChromiumHarnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Chromium_LoopbackPage_FillsAndSubmitsAFormAndSavesAScreenshot()
    {
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/", () => Results.Content(
                """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Harness</title></head>
                <body><h1>Harness</h1>
                <form id="echo" method="post" action="/echo"><input name="Text"><button type="submit">Send</button></form>
                </body></html>
                """,
                "text/html"));
            app.MapPost("/echo", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                return Results.Content(
                    $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Echo</title></head><body><p id="echo">{WebUtility.HtmlEncode(form["Text"].ToString())}</p></body></html>""",
                    "text/html");
            });
        });
        await using var chromium = await ChromiumSession.LaunchAsync(site.Address);
        var page = await chromium.PageAsync();

        var response = await page.GotoAsync(site.Address.ToString());
        Assert.Equal(200, response!.Status);
        Assert.Equal("Harness", await page.TitleAsync());
        await page.Locator("#echo input[name=Text]").FillAsync("<b>not bold</b> हज़रतगंज");
        await page.Locator("#echo button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Uri(site.Address, "/echo").ToString());

        Assert.Equal("<b>not bold</b> हज़रतगंज", await page.Locator("p#echo").TextContentAsync());
        Assert.Equal(0, await page.Locator("p#echo b").CountAsync());
        var screenshot = TestArtifacts.PathFor("harness.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await File.ReadAllBytesAsync(screenshot)).Take(4).ToArray());
        Assert.Empty(chromium.RefusedRequests);
        Assert.Empty(chromium.ConsoleErrors);
    }

    [Fact]
    public async Task Chromium_PageReachingOutsideTheSite_RequestIsRefusedAndRecorded()
    {
        // Another loopback address stands in for a CDN: the request is stopped inside the browser, before any connection.
        const string Outside = "http://127.0.0.2:9/library.js";
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/", () => Results.Content(
            $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outside</title><script src="{Outside}"></script></head><body><p>page</p></body></html>""",
            "text/html")));
        await using var chromium = await ChromiumSession.LaunchAsync(site.Address);
        var page = await chromium.PageAsync();

        await page.GotoAsync(site.Address.ToString());

        Assert.Equal("page", await page.Locator("p").TextContentAsync());
        Assert.Equal([Outside], chromium.RefusedRequests);
    }

    [Fact]
    public async Task LaunchAsync_ChromiumMissing_FailsNamingTheInstallAndTheVariable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder", "chromium");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ChromiumSession.LaunchAsync(new Uri("http://127.0.0.1:1/"), missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains(ChromiumSession.ExecutableVariable, error.Message, StringComparison.Ordinal);
    }
}
