using Microsoft.Playwright;

namespace Grievance.Samples.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The system's Chromium, headless, driven by Playwright through the driver that ships inside the NuGet package.
/// Nothing is downloaded: the browser is an installed executable and every request that leaves the site under test is
/// refused and recorded, so a page that reaches for a CDN fails its test instead of quietly touching the internet.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    /// <summary>Environment variable naming the Chromium (or Chrome) executable to drive.</summary>
    public const string ExecutableVariable = "GRIEVANCE_CHROMIUM";

    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string DefaultExecutable = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly DirectoryInfo _profile;
    private readonly List<string> _refused;
    private readonly List<string> _consoleErrors;

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile, List<string> refused, List<string> consoleErrors)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
        _refused = refused;
        _consoleErrors = consoleErrors;
    }

    /// <summary>The browser context (one fresh profile per session).</summary>
    public IBrowserContext Context { get; }

    /// <summary>Requests the session refused because they left the site under test.</summary>
    public IReadOnlyList<string> RefusedRequests
    {
        get
        {
            lock (_refused)
            {
                return [.. _refused];
            }
        }
    }

    /// <summary>Console errors and uncaught script errors seen on any page (a Content-Security-Policy violation shows here).</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>The executable to drive: <see cref="ExecutableVariable"/> when set, else <see cref="DefaultExecutable"/>.</summary>
    public static string ConfiguredExecutable =>
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : DefaultExecutable;

    /// <summary>
    /// Starts headless Chromium with a fresh temporary profile. Only requests to <paramref name="site"/>'s origin
    /// are let through.
    /// </summary>
    /// <exception cref="InvalidOperationException">Chromium is not installed where expected.</exception>
    public static async Task<ChromiumSession> LaunchAsync(Uri site, string? executable = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        executable ??= ConfiguredExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{executable}'. The browser tests drive an installed Chromium headless and never download one: " +
                $"install Debian's package (apt-get install chromium) or set {ExecutableVariable} to a Chromium or Chrome executable.");
        }

        // The driver inherits this; launching with an explicit executable never downloads, and this makes sure of it.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("grievance-chromium-");
        IBrowserContext context;
        try
        {
            context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Arguments,
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Locale = "en-IN",
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });
        }
        catch
        {
            playwright.Dispose();
            profile.Delete(recursive: true);
            throw;
        }

        // Generous waits: these tests share two cores with the rest of the test run. A wait is not a timed assertion.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var refused = new List<string>();
        var consoleErrors = new List<string>();
        var origin = site.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (Uri.TryCreate(url, UriKind.Absolute, out var target) && string.Equals(target.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                await route.ContinueAsync();
                return;
            }

            lock (refused)
            {
                refused.Add(url);
            }

            await route.AbortAsync("blockedbyclient");
        });
        context.Page += (_, page) => Watch(page, consoleErrors);
        foreach (var page in context.Pages)
        {
            Watch(page, consoleErrors);
        }

        return new ChromiumSession(playwright, context, profile, refused, consoleErrors);
    }

    /// <summary>The page the browser opened with, or a new one.</summary>
    public async Task<IPage> PageAsync() => Context.Pages.Count > 0 ? Context.Pages[0] : await Context.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        finally
        {
            _playwright.Dispose();
            try
            {
                _profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be flushing its profile; the temporary folder is left to the OS.
            }
        }
    }

    private static void Watch(IPage page, List<string> errors)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"{message.Location}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"uncaught: {error}");
            }
        };
    }
}
