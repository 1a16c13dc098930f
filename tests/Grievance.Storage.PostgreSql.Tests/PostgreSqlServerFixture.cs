using Grievance.Storage.PostgreSql.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Tests;

/// <summary>
/// One PostgreSQL server for the whole test run: the one named by <c>GRIEVANCE_TEST_POSTGRES</c> (a connection string),
/// or a throwaway server started from the local binaries. Without either, the tests skip with the reason, unless
/// <c>GRIEVANCE_REQUIRE_POSTGRES=1</c> (as in CI), which makes them fail. Each test works in a schema of its own,
/// dropped afterwards, so tests never see each other's rows, locks or sequences.
/// </summary>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    public const string ConnectionVariable = "GRIEVANCE_TEST_POSTGRES";
    public const string RequireVariable = "GRIEVANCE_REQUIRE_POSTGRES";

    private TemporaryPostgreSqlServer? _server;
    private string? _connectionString;

    /// <summary>Gets why the tests skip, or <see langword="null"/> when a server is available.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Gets the connection string of the server's test database.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _connectionString = configured;
            return;
        }

        var binaries = TemporaryPostgreSqlServer.FindBinaries();
        if (binaries is null)
        {
            var reason = $"No PostgreSQL server: set {ConnectionVariable} to a connection string, or install PostgreSQL (initdb, pg_ctl and postgres on PATH or in /usr/lib/postgresql/*/bin).";
            if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                throw new InvalidOperationException(reason + $" {RequireVariable}=1 makes this a failure.");
            }

            SkipReason = reason;
            return;
        }

        _server = await TemporaryPostgreSqlServer.StartAsync(binaries);
        _connectionString = _server.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Skips the calling test when no server is available.</summary>
    public void SkipUnlessAvailable() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>Creates a fresh schema name; the store creates the schema on first use.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>Options for a store in <paramref name="schema"/>.</summary>
    public IOptions<PostgreSqlStoreOptions> Options(string schema, TimeSpan? leaseCheckInterval = null) =>
        Microsoft.Extensions.Options.Options.Create(new PostgreSqlStoreOptions
        {
            ConnectionString = ConnectionString,
            Schema = schema,
            LeaseCheckInterval = leaseCheckInterval ?? TimeSpan.FromSeconds(10),
        });

    /// <summary>Creates a database handle (its own connection pool, as another worker process would have).</summary>
    internal PostgreSqlDatabase Database(string schema, TimeSpan? leaseCheckInterval = null) => new(Options(schema, leaseCheckInterval));

    /// <summary>Creates a store over <paramref name="database"/>.</summary>
    internal static PostgreSqlComplaintStore Store(PostgreSqlDatabase database, TimeProvider time) =>
        new(database, time, NullLogger<PostgreSqlComplaintStore>.Instance);

    /// <summary>Runs one statement on a fresh connection of its own.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>Drops a test's schema and everything in it.</summary>
    public Task DropSchemaAsync(string schema) => ScalarAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlServerGroup : ICollectionFixture<PostgreSqlServerFixture>
{
    public const string Name = "PostgreSQL";
}
