using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Grievance.Storage.Sqlite.Internal;

/// <summary>
/// Applies the embedded migrations once per process, in order, each in its own transaction, and refuses a database
/// whose schema is newer than this version knows (so an old binary never writes into a newer layout).
/// </summary>
internal sealed class SqliteMigrator(string connectionString) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public void Dispose() => _gate.Dispose();

    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = LoadMigrations();

    public static int LatestVersion => Migrations[^1].Version;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done)
            {
                return;
            }

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);", cancellationToken).ConfigureAwait(false);

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database has schema version {current}, newer than version {LatestVersion} that this Grievance.Storage.Sqlite knows. Upgrade the package; refusing to run against a newer schema.");
            }

            foreach (var (version, name) in Migrations.Where(m => m.Version > current))
            {
                await ExecuteAsync(connection, transaction, Read(name), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction,
                    string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version (version, applied_at) VALUES ({version}, datetime('now'))"), cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // embedded migration scripts, no user input
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int, string)> LoadMigrations()
    {
        const string prefix = "Grievance.Storage.Sqlite.Migrations.";
        return [.. typeof(SqliteMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (int.Parse(n.AsSpan(prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture), n))
            .OrderBy(m => m.Item1)];
    }

    private static string Read(string resource)
    {
        using var stream = typeof(SqliteMigrator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded migration '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
