using Grievance.Storage.PostgreSql.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Tests;

[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlMigratorTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServerFixture.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.SkipReason is null ? server.DropSchemaAsync(_schema) : Task.CompletedTask;

    [SkippableFact]
    public async Task FirstUse_CreatesSchemaTablesAndRecordsTheVersion()
    {
        server.SkipUnlessAvailable();
        await using var database = server.Database(_schema);
        using var store = PostgreSqlServerFixture.Store(database, TimeProvider.System);

        await store.SetAsync("s", "1");

        Assert.Equal(PostgreSqlMigrator.LatestVersion, await server.ScalarAsync($"SELECT MAX(version) FROM \"{_schema}\".schema_version"));
        Assert.Equal((long)PostgreSqlMigrator.Migrations.Count, await server.ScalarAsync($"SELECT COUNT(*) FROM \"{_schema}\".schema_version"));
        Assert.Equal(8L, await server.ScalarAsync(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name IN " +
            "('schema_version', 'complaints', 'processed_messages', 'audit_events', 'rejections', 'outbox', 'checkpoints', 'sequences')",
            ("schema", _schema)));
    }

    [SkippableFact]
    public async Task WorkersStartingTogether_MigrateOnceAndAllWork()
    {
        server.SkipUnlessAvailable();
        var databases = Enumerable.Range(0, 4).Select(_ => server.Database(_schema)).ToList();
        var stores = databases.Select(d => PostgreSqlServerFixture.Store(d, TimeProvider.System)).ToList();
        try
        {
            await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.SetAsync("worker-" + i, "1"))));

            Assert.Equal((long)PostgreSqlMigrator.Migrations.Count, await server.ScalarAsync($"SELECT COUNT(*) FROM \"{_schema}\".schema_version"));
            Assert.Equal(4L, await server.ScalarAsync($"SELECT COUNT(*) FROM \"{_schema}\".checkpoints"));
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task NewerSchema_IsRefusedWithAClearMessage()
    {
        server.SkipUnlessAvailable();
        await using (var database = server.Database(_schema))
        {
            using var store = PostgreSqlServerFixture.Store(database, TimeProvider.System);
            await store.SetAsync("s", "1");
        }

        await server.ScalarAsync($"INSERT INTO \"{_schema}\".schema_version (version, applied_at) VALUES ({PostgreSqlMigrator.LatestVersion + 1}, now())");
        await using var later = server.Database(_schema);
        using var old = PostgreSqlServerFixture.Store(later, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => old.GetAsync("s"));
        Assert.Contains("newer than version", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_schema, ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SchemaPreparedByAnAdministrator_IsUsedByARoleThatCannotCreateSchemas()
    {
        server.SkipUnlessAvailable();
        Skip.IfNot(await server.ScalarAsync("SELECT rolsuper FROM pg_roles WHERE rolname = current_user") is true, "Needs a superuser to create a role.");
        var role = "r_" + _schema;
        await server.ScalarAsync($"CREATE ROLE \"{role}\" LOGIN");
        try
        {
            await server.ScalarAsync($"CREATE SCHEMA \"{_schema}\" AUTHORIZATION \"{role}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = role, Pooling = false }.ConnectionString;
            await using var database = new PostgreSqlDatabase(Options.Create(new PostgreSqlStoreOptions { ConnectionString = connectionString, Schema = _schema }));
            using var store = new PostgreSqlComplaintStore(database, TimeProvider.System, NullLogger<PostgreSqlComplaintStore>.Instance);

            await store.SetAsync("s", "9");

            Assert.Equal("9", await store.GetAsync("s"));
            Assert.Equal(false, await server.ScalarAsync($"SELECT has_database_privilege('{role}', current_database(), 'CREATE')"));
        }
        finally
        {
            await server.DropSchemaAsync(_schema);
            await server.ScalarAsync($"DROP ROLE \"{role}\"");
        }
    }
}
