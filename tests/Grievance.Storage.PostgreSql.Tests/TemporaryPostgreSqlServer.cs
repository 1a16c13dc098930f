using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Grievance.Storage.PostgreSql.Tests;

/// <summary>
/// A throwaway PostgreSQL server started from the machine's binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) in a
/// temporary folder: loopback only, on a free port, socket in the folder, durability off for speed. Stopped and deleted
/// when disposed. <c>initdb</c> refuses to run as root, so as root the folder is given to the <c>postgres</c> user and
/// the binaries run through <c>runuser -u postgres --</c>. Shared by the tests and the benchmarks.
/// </summary>
public sealed class TemporaryPostgreSqlServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string _binaries;
    private readonly DirectoryInfo _directory;
    private readonly bool _asServiceUser;

    private TemporaryPostgreSqlServer(string binaries, DirectoryInfo directory, bool asServiceUser, int port)
    {
        _binaries = binaries;
        _directory = directory;
        _asServiceUser = asServiceUser;
        Port = port;
    }

    /// <summary>Gets the port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Gets a connection string for the superuser's <c>postgres</c> database.</summary>
    public string ConnectionString =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database=postgres;Timeout=30");

    private string DataDirectory => Path.Combine(_directory.FullName, "data");

    private string LogFile => Path.Combine(_directory.FullName, "server.log");

    /// <summary>Finds a folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>: first on PATH, then the newest <c>/usr/lib/postgresql/*/bin</c>.</summary>
    /// <returns>The folder, or <see langword="null"/> when the binaries are not installed.</returns>
    public static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => new[] { "initdb", "pg_ctl", "postgres" }.All(b => File.Exists(Path.Combine(d, b))));
    }

    /// <summary>Initialises a cluster in a new temporary folder and starts it.</summary>
    /// <param name="binaries">The folder holding the binaries (see <see cref="FindBinaries"/>).</param>
    /// <returns>The running server.</returns>
    public static async Task<TemporaryPostgreSqlServer> StartAsync(string binaries)
    {
        var asServiceUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var directory = Directory.CreateTempSubdirectory("grievance-pg-");
        var server = new TemporaryPostgreSqlServer(binaries, directory, asServiceUser, FreePort());
        try
        {
            if (asServiceUser)
            {
                await RunAsync("chown", [ServiceUser + ":", directory.FullName]);
            }

            await server.RunToolAsync("initdb", ["-D", server.DataDirectory, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            var settings = string.Join(' ',
                "-c listen_addresses=127.0.0.1",
                "-p " + server.Port.ToString(CultureInfo.InvariantCulture),
                "-k " + directory.FullName,
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
            try
            {
                await server.RunToolAsync("pg_ctl", ["-D", server.DataDirectory, "-l", server.LogFile, "-o", settings, "-w", "-t", "60", "-s", "start"], redirect: false);
            }
            catch (InvalidOperationException ex)
            {
                var log = File.Exists(server.LogFile) ? await File.ReadAllTextAsync(server.LogFile) : "(no server log)";
                throw new InvalidOperationException(ex.Message + Environment.NewLine + "Server log:" + Environment.NewLine + log, ex);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server at once (its data is thrown away) and deletes the folder.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-s", "stop"], redirect: false);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, bool redirect = true)
    {
        var path = Path.Combine(_binaries, tool);
        return _asServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], redirect)
            : RunAsync(path, arguments, redirect);
    }

    // pg_ctl start leaves the server running; it must not inherit pipes we wait on, so its output is not redirected.
    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool redirect = true)
    {
        var info = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = redirect, RedirectStandardError = redirect };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = redirect ? process.StandardOutput.ReadToEndAsync() : Task.FromResult(string.Empty);
        var error = redirect ? process.StandardError.ReadToEndAsync() : Task.FromResult(string.Empty);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}.{Environment.NewLine}{await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
