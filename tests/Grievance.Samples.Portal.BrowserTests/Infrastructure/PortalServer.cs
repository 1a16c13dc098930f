using System.Net;
using Grievance.TestUtilities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The portal sample on real Kestrel, on 127.0.0.1 with a port the OS picks, with its own temporary SQLite file and a
/// clock that stands still at <see cref="Some.Now"/>. It starts with the demo feed taken in, as <c>dotnet run</c> does.
/// </summary>
internal sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("grievance-portal-browser-");

    private PortalServer()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The clock the portal runs on.</summary>
    public FakeTimeProvider Time { get; } = new(Some.Now);

    /// <summary>The portal's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public static PortalServer Start()
    {
        var server = new PortalServer();
        try
        {
            server.StartServer();
            var addresses = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            server.Address = new Uri(addresses.Single());
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>An absolute URL on the portal.</summary>
    public string Url(string pathAndQuery) => new Uri(Address, pathAndQuery).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:Database", Path.Combine(_scratch.FullName, "portal.db"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory disposes through both its synchronous and asynchronous paths; the folder goes once.
        _scratch.Refresh();
        if (disposing && _scratch.Exists)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _scratch.Delete(recursive: true);
        }
    }
}
