using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>
/// Applies the embedded migrations once per process, in order, in one transaction that holds a transaction-scoped
/// advisory lock, so workers starting together migrate one after the other. Refuses a database whose schema is newer
/// than this version knows, so an old binary never writes into a newer layout.
/// </summary>
internal sealed class PostgreSqlMigrator(PostgreSqlDatabase database, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = LoadMigrations();

    public static int LatestVersion => Migrations[^1].Version;

    public void Dispose() => _gate.Dispose();

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await MigrateAsync(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ScalarAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken,
            ("key", PostgreSqlDatabase.LockKey("grievance-migrations:" + database.Schema))).ConfigureAwait(false);

        // Look before creating: CREATE ... IF NOT EXISTS still needs the CREATE privilege, which a role working in a
        // schema prepared by an administrator may lack.
        if (!(bool)(await ScalarAsync(connection, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema)", cancellationToken, ("schema", database.Schema)).ConfigureAwait(false))!)
        {
            await ScalarAsync(connection, database.Sql("CREATE SCHEMA {schema}"), cancellationToken).ConfigureAwait(false);
        }

        if (!(bool)(await ScalarAsync(connection, "SELECT to_regclass(@table) IS NOT NULL", cancellationToken, ("table", database.QuotedSchema + ".schema_version")).ConfigureAwait(false))!)
        {
            await ScalarAsync(connection, database.Sql("CREATE TABLE {schema}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)"), cancellationToken).ConfigureAwait(false);
        }

        var current = await CurrentVersionAsync(connection, database.QuotedSchema, cancellationToken).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL schema '{database.Schema}' has schema version {current}, newer than version {LatestVersion} that this Grievance.Storage.PostgreSql knows. " +
                "Upgrade the package; refusing to run against a newer schema.");
        }

        foreach (var (version, name) in Migrations.Where(m => m.Version > current))
        {
            await ScalarAsync(connection, database.Sql(Read(name)), cancellationToken).ConfigureAwait(false);
            await ScalarAsync(connection, database.Sql("INSERT INTO {schema}.schema_version (version, applied_at) VALUES (@version, @at)"), cancellationToken,
                ("version", version), ("at", time.GetUtcNow())).ConfigureAwait(false);
            Log.MigrationApplied(logger, version, database.Schema);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var schemaVersion = Math.Max(current, LatestVersion);
        Log.SchemaCurrent(logger, database.Schema, schemaVersion);
    }

    internal static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, string quotedSchema, CancellationToken cancellationToken)
    {
        var value = await ScalarAsync(connection, $"SELECT COALESCE(MAX(version), 0) FROM {quotedSchema}.schema_version", cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
#pragma warning disable CA2100 // embedded migration scripts and constants qualified with the validated schema name; values are parameters
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int, string)> LoadMigrations()
    {
        const string prefix = "Grievance.Storage.PostgreSql.Migrations.";
        return [.. typeof(PostgreSqlMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (int.Parse(n.AsSpan(prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture), n))
            .OrderBy(m => m.Item1)];
    }

    private static string Read(string resource)
    {
        using var stream = typeof(PostgreSqlMigrator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded migration '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
