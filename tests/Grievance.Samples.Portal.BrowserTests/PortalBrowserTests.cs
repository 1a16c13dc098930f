using Grievance.Codes;
using Grievance.Samples.Portal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grievance.Samples.Portal.BrowserTests;

/// <summary>
/// The portal in a real browser (issue 11): Debian's Chromium, headless, against the portal on Kestrel on loopback,
/// started as <c>dotnet run</c> starts it (the demo feed taken in from the fake X). Without Chromium these tests fail;
/// they never skip.
/// </summary>
public sealed class PortalBrowserTests(ITestOutputHelper output)
{
    private const string ResolutionNote = "Scooter recovered near Bhootnath market and handed back at the police station.";

    [Fact]
    public async Task Officer_SignsInFiltersTheQueueAndResolvesAComplaint_SeesStatusReplyAndHistory()
    {
        using var portal = PortalServer.Start();
        await using var chromium = await ChromiumSession.LaunchAsync(portal.Address);
        var page = await chromium.PageAsync();

        // The queue needs a signed-in officer: the browser lands on the sign-in form and comes back to the queue.
        await page.GotoAsync(portal.Url("/queue"));
        Assert.Equal("/signin", Path(page));
        await SignInAsync(page, "lucknow.police", "demo-lucknow");
        Assert.Equal("/queue", Path(page));
        var session = Assert.Single(await chromium.Context.CookiesAsync([portal.Address.ToString()]), c => c.Name == "grievance.portal");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        var everything = await Codes(page);
        Assert.NotEmpty(everything);

        // Filter: new complaints of Lucknow, chosen in the form as an officer would.
        var filter = page.Locator("form#queue-filter");
        await filter.Locator("select[name=status]").SelectOptionAsync(new SelectOptionValue { Label = "new" });
        await filter.Locator("select[name=district]").SelectOptionAsync(new SelectOptionValue { Label = "Lucknow" });
        await SubmitAsync(page, filter.Locator("button[type=submit]"));
        Assert.Equal("/queue", Path(page));
        Assert.Contains("status=new", page.Url, StringComparison.Ordinal);
        Assert.Contains("district=LKO", page.Url, StringComparison.Ordinal);
        var rows = page.Locator("#queue tr[data-code]");
        var filtered = await Codes(page);
        Assert.NotEmpty(filtered);
        Assert.Subset(everything.ToHashSet(), filtered.ToHashSet());
        foreach (var row in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("new", row, StringComparison.Ordinal);
            Assert.Contains("Lucknow", row, StringComparison.Ordinal);
        }

        // Open the first complaint through its link.
        var code = filtered[0];
        await SubmitAsync(page, rows.First.Locator($"a[href='/complaints/{code}']"));
        Assert.Equal($"/complaints/{code}", Path(page));
        Assert.Equal("new", await StatusAsync(page));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#complaint-text").InnerTextAsync()));
        Assert.NotEqual(0, await page.Locator("#routing li").CountAsync());
        Assert.Equal(0, await page.Locator("#history > li[data-action=resolved]").CountAsync());
        var historyBefore = await page.Locator("#history > li").CountAsync();

        // A new complaint is started before it is resolved (the lifecycle allows resolving only work in hand).
        // Each action posts its form and comes back to the complaint page.
        await SubmitAsync(page, page.Locator("form[data-action=start] button[type=submit]"));
        Assert.Equal($"/complaints/{code}", Path(page));
        Assert.Equal("in-progress", await StatusAsync(page));

        var resolve = page.Locator("form[data-action=resolve]");
        await resolve.Locator("textarea[name=Note]").FillAsync(ResolutionNote);
        await SubmitAsync(page, resolve.Locator("button[type=submit]"));

        Assert.Equal($"/complaints/{code}", Path(page));
        Assert.Equal(0, await page.Locator("#error").CountAsync());
        Assert.Equal("resolved", await StatusAsync(page));
        var resolution = page.Locator("#replies > li[data-kind=Resolution]");
        Assert.Equal(1, await resolution.CountAsync());
        Assert.Contains(ResolutionNote, await resolution.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(historyBefore + 2, await page.Locator("#history > li").CountAsync());
        Assert.Equal(1, await page.Locator("#history > li[data-action=started]").CountAsync());
        var resolved = page.Locator("#history > li[data-action=resolved]");
        Assert.Equal(1, await resolved.CountAsync());
        Assert.Contains("in-progress → resolved", await resolved.InnerTextAsync(), StringComparison.Ordinal);

        await ScreenshotAsync(page, "officer-resolved-complaint.png");

        // The district dashboard draws its charts as inline SVG, which the browser renders under the portal's
        // Content-Security-Policy (no console error below); the resolved complaint is counted.
        await SubmitAsync(page, page.Locator("header a[href='/dashboard']"));
        var dashboard = page.Locator("form#dashboard-filter");
        await dashboard.Locator("select[name=district]").SelectOptionAsync(new SelectOptionValue { Label = "Lucknow" });
        await SubmitAsync(page, dashboard.Locator("button[type=submit]"));
        Assert.Equal("/dashboard", Path(page));
        Assert.Contains("district=LKO", page.Url, StringComparison.Ordinal);
        foreach (var chart in new[] { "#by-status svg", "#by-age svg" })
        {
            var box = await page.Locator(chart).BoundingBoxAsync();
            Assert.True(box is { Width: > 0, Height: > 0 }, $"{chart} is not drawn");
        }

        var columns = await page.Locator("#by-status table tr").First.Locator("th").AllInnerTextsAsync();
        var lucknow = await page.Locator("#by-status table tr:has(td:text-is('Lucknow')) td").AllInnerTextsAsync();
        Assert.Equal(columns.Count, lucknow.Count);
        Assert.Equal("1", lucknow[columns.ToList().IndexOf("resolved")].Trim());
        await ScreenshotAsync(page, "officer-dashboard.png");

        // The new-complaints queue no longer lists it; the resolved one does.
        await page.GotoAsync(portal.Url("/queue?status=new&district=LKO"));
        Assert.DoesNotContain(code, await Codes(page));
        await page.GotoAsync(portal.Url("/queue?status=resolved&district=LKO"));
        Assert.Contains(code, await Codes(page));

        Assert.Empty(chromium.RefusedRequests);
        Assert.Empty(chromium.ConsoleErrors);
    }

    [Fact]
    public async Task Citizen_FilesThroughTheWebForm_GetsACodeThePublicStatusPageShowsWithoutPersonalData()
    {
        const string Name = "Ramesh Chandra Verma";
        const string Phone = "9876543210";
        const string Text = "My bicycle was stolen outside the Hazratganj market in Lucknow this morning. Please call me on " + Phone + ".";
        using var portal = PortalServer.Start();
        await using var chromium = await ChromiumSession.LaunchAsync(portal.Address);
        var page = await chromium.PageAsync();

        await page.GotoAsync(portal.Url("/complain"));
        var form = page.Locator("form#complain");
        await form.Locator("textarea[name=Text]").FillAsync(Text);
        await form.Locator("select[name=District]").SelectOptionAsync(new SelectOptionValue { Label = "Lucknow" });
        await form.Locator("input[name=Name]").FillAsync(Name);
        await SubmitAsync(page, form.Locator("button[type=submit]"));

        var code = (await page.Locator("span#code").InnerTextAsync()).Trim();
        Assert.True(ComplaintCode.TryParse(code, out _), $"'{code}' is not a complaint code");
        Assert.StartsWith("LKO-", code, StringComparison.Ordinal);
        await ScreenshotAsync(page, "citizen-code.png");

        // The answer page links to the public status page; the status form finds the same complaint by code.
        await SubmitAsync(page, page.Locator($"a[href='/status/{code}']"));
        await AssertPublicStatusAsync(page, code);
        await page.GotoAsync(portal.Url("/status"));
        await page.Locator("form#status-lookup input[name=code]").FillAsync(code);
        await SubmitAsync(page, page.Locator("form#status-lookup button[type=submit]"));
        Assert.Equal("/status", Path(page));
        await AssertPublicStatusAsync(page, code);
        await ScreenshotAsync(page, "citizen-status.png");

        // The same complaint is in the Lucknow police officer's queue: the web form feeds the same pipeline as X.
        await page.GotoAsync(portal.Url("/signin"));
        await SignInAsync(page, "lucknow.police", "demo-lucknow");
        await page.GotoAsync(portal.Url("/queue?status=new&district=LKO"));
        Assert.Contains(code, await Codes(page));

        Assert.Empty(chromium.RefusedRequests);
        Assert.Empty(chromium.ConsoleErrors);

        async Task AssertPublicStatusAsync(IPage status, string expected)
        {
            Assert.Equal(expected, (await status.Locator("#public-status #code").InnerTextAsync()).Trim());
            Assert.Equal("new", await StatusAsync(status));
            Assert.Equal("Lucknow", (await status.Locator("#public-status #district").InnerTextAsync()).Trim());
            Assert.False(string.IsNullOrWhiteSpace(await status.Locator("#public-status #department").InnerTextAsync()));
            Assert.False(string.IsNullOrWhiteSpace(await status.Locator("#public-status #due").InnerTextAsync()));
            var body = await status.ContentAsync();
            Assert.DoesNotContain("Ramesh", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Verma", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Phone, body, StringComparison.Ordinal);
            Assert.DoesNotContain("bicycle", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Hazratganj", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ComplaintTextWithMarkup_ShownAsTextInTheOfficersBrowser_NothingRuns()
    {
        const string Markup = "<script>document.title='pwned'</script><img src=\"/x.png\" onerror=\"document.title='pwned'\"><b>bold</b>";
        const string Text = "My scooter was stolen near Hazratganj, Lucknow. " + Markup;
        using var portal = PortalServer.Start();
        await using var chromium = await ChromiumSession.LaunchAsync(portal.Address);
        var page = await chromium.PageAsync();

        await page.GotoAsync(portal.Url("/complain"));
        var form = page.Locator("form#complain");
        await form.Locator("textarea[name=Text]").FillAsync(Text);
        await form.Locator("select[name=District]").SelectOptionAsync(new SelectOptionValue { Label = "Lucknow" });
        await SubmitAsync(page, form.Locator("button[type=submit]"));
        var code = (await page.Locator("span#code").InnerTextAsync()).Trim();

        await page.GotoAsync(portal.Url("/signin"));
        await SignInAsync(page, "lucknow.police", "demo-lucknow");
        await page.GotoAsync(portal.Url($"/complaints/{code}"));

        // The browser shows the markup as the citizen typed it; it built no element from it and ran nothing.
        var shown = page.Locator("#complaint-text");
        Assert.Contains(Markup, await shown.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await shown.Locator("script, img, b").CountAsync());
        Assert.DoesNotContain("pwned", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("body script").CountAsync());
        await ScreenshotAsync(page, "officer-markup-as-text.png");

        Assert.Empty(chromium.RefusedRequests);
        Assert.Empty(chromium.ConsoleErrors);
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        var form = page.Locator("form#signin");
        await form.Locator("input[name=UserName]").FillAsync(userName);
        await form.Locator("input[name=Password][type=password]").FillAsync(password);
        await SubmitAsync(page, form.Locator("button[type=submit]"));
    }

    /// <summary>Clicks a link or a submit button and waits until the page it leads to has loaded (a post that redirects back included).</summary>
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await button.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    private static string Path(IPage page) => new Uri(page.Url).AbsolutePath;

    private static async Task<List<string>> Codes(IPage page)
    {
        var codes = new List<string>();
        foreach (var row in await page.Locator("#queue tr[data-code]").AllAsync())
        {
            codes.Add(await row.GetAttributeAsync("data-code") ?? string.Empty);
        }

        return codes;
    }

    private static async Task<string> StatusAsync(IPage page) => (await page.Locator("span#status").InnerTextAsync()).Trim();

    private async Task ScreenshotAsync(IPage page, string fileName)
    {
        var path = TestArtifacts.PathFor(fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
