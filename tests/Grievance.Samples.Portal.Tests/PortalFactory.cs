using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Portal.Tests;

/// <summary>
/// Hosts the portal in memory on its own temporary SQLite file and a fake clock. The demo intake runs at start, so the
/// queue holds the demo feed's complaints (Lucknow police: the scooter theft and the Hazratganj chain snatching).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 3 November 2025, 10:00 in India: the demo feed is posted in the four hours before.</summary>
    public static readonly DateTimeOffset Start = new(2025, 11, 3, 4, 30, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grievance-portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Gets the clock the portal runs on.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Gets the queue page size (small, so paging shows on the demo feed).</summary>
    protected virtual int PageSize => 20;

    /// <summary>Gets the SQLite file of this factory.</summary>
    public string DatabasePath => Path.Combine(_directory, "portal.db");

    /// <summary>Creates a client that keeps cookies and does not follow redirects.</summary>
    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:Database", DatabasePath);
        builder.UseSetting("Portal:PageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>A portal factory with one complaint per queue page.</summary>
public sealed class SmallPagePortalFactory : PortalFactory
{
    protected override int PageSize => 1;
}

/// <summary>A browser-like client: cookies, antiforgery tokens from the last page, HTML parsed with AngleSharp.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public const string LucknowPolice = "lucknow.police";
    public const string KanpurPower = "kanpur.power";
    public const string StateCell = "state.cell";

    private static readonly Dictionary<string, string> Passwords = new(StringComparer.Ordinal)
    {
        [LucknowPolice] = "demo-lucknow",
        [KanpurPower] = "demo-kanpur",
        ["police.hq"] = "demo-police",
        [StateCell] = "demo-state",
    };

    public HttpClient Http { get; } = http;

    /// <summary>Gets the antiforgery token of the last page read that carried one.</summary>
    public string? Token { get; private set; }

    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await Page.ReadAsync(response, this);
    }

    /// <summary>Posts a form with the current antiforgery token (unless <paramref name="withToken"/> is false).</summary>
    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>>? fields = null, bool withToken = true)
    {
        var all = (fields ?? []).ToList();
        if (withToken)
        {
            Assert.NotNull(Token);
            all.Add(new("__RequestVerificationToken", Token!));
        }

        using var content = new FormUrlEncodedContent(all);
        var response = await Http.PostAsync(url, content);
        return await Page.ReadAsync(response, this);
    }

    public async Task<Page> SignInAsync(string userName)
    {
        await GetAsync("/signin");
        var page = await PostAsync("/signin", [new("UserName", userName), new("Password", Passwords[userName])]);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        await GetAsync("/queue");
        return page;
    }

    /// <summary>Reads every page of a queue listing, following <c>a[rel=next]</c>.</summary>
    public async Task<IReadOnlyList<string>> AllQueueCodesAsync(string url = "/queue")
    {
        var codes = new List<string>();
        for (string? next = url; next is not null;)
        {
            var page = await GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            codes.AddRange(page.QueueCodes);
            next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        return codes;
    }

    internal void Remember(IDocument document)
    {
        if (document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
        {
            Token = token;
        }
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A response: status, headers, raw body and the parsed document.</summary>
public sealed record Page(HttpStatusCode Status, HttpResponseMessage Response, string Html, IDocument Document)
{
    private static readonly HtmlParser Parser = new();

    public string? Location => Response.Headers.Location?.OriginalString;

    public static async Task<Page> ReadAsync(HttpResponseMessage response, PortalClient client)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = Parser.ParseDocument(html);
        client.Remember(document);
        return new Page(response.StatusCode, response, html, document);
    }

    public IReadOnlyList<string> QueueCodes =>
        [.. Document.QuerySelectorAll("#queue tr[data-code]").Select(r => r.GetAttribute("data-code")!)];

    public string? Text(string selector) => Document.QuerySelector(selector)?.TextContent;
}

/// <summary>Files complaints through the citizen web form, as an anonymous visitor.</summary>
public static class Citizen
{
    /// <summary>Files a complaint and returns its code.</summary>
    public static async Task<string> FileAsync(PortalFactory factory, string text, string? district = "LKO", string? name = null)
    {
        using var citizen = factory.CreatePortalClient();
        await citizen.GetAsync("/complain");
        var fields = new List<KeyValuePair<string, string>> { new("Text", text) };
        if (district is not null)
        {
            fields.Add(new("District", district));
        }

        if (name is not null)
        {
            fields.Add(new("Name", name));
        }

        var page = await citizen.PostAsync("/complain", fields);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var code = page.Text("span#code");
        Assert.False(string.IsNullOrWhiteSpace(code));
        return code!;
    }
}
