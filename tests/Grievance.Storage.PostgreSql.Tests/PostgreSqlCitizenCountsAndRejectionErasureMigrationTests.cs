using System.Text.Json;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Storage.PostgreSql.Internal;
using Grievance.TestUtilities;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Tests;

/// <summary>Schema version 5: per-citizen counts from an index, and rejections stored before it can still be erased.</summary>
[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlCitizenCountsAndRejectionErasureMigrationTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private const string Ravi = "1600000000000000777";
    private readonly string _schema = PostgreSqlServerFixture.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.SkipReason is null ? server.DropSchemaAsync(_schema) : Task.CompletedTask;

    /// <summary>Creates the schema an earlier release left: the embedded migrations up to <paramref name="version"/>.</summary>
    private async Task MigrateUpToAsync(int version)
    {
        var quoted = "\"" + _schema + "\"";
        await server.ScalarAsync($"CREATE SCHEMA {quoted}");
        await server.ScalarAsync($"CREATE TABLE {quoted}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)");
        foreach (var (v, name) in PostgreSqlMigrator.Migrations.Where(m => m.Version <= version))
        {
            await using var stream = typeof(PostgreSqlMigrator).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            await server.ScalarAsync((await reader.ReadToEndAsync()).Replace("{schema}", quoted, StringComparison.Ordinal));
            await server.ScalarAsync($"INSERT INTO {quoted}.schema_version (version, applied_at) VALUES (@v, now())", ("v", v));
        }
    }

    private async Task<IReadOnlyList<string>> RawRejectionRowsAsync() =>
        (await server.ScalarAsync($"SELECT string_agg(row_to_json(r)::text, E'\\n' ORDER BY r.position) FROM \"{_schema}\".rejections AS r") as string ?? string.Empty).Split('\n');

    [SkippableFact]
    public async Task UpgradeFromVersion4_RejectionsStoredBeforeAreFoundByTheirAuthorAndErased()
    {
        server.SkipUnlessAvailable();
        await MigrateUpToAsync(4);
        var message = Some.Message("@Uppolice thank you from ravi, call 9876543210", "1960000000000000001")
            with { Author = new Complainant { PlatformId = Ravi, Handle = "ravi_lko_77", DisplayName = "Ravi Verma" } };
        var others = Some.Message("@Uppolice good morning from sita", "1960000000000000002")
            with { Author = new Complainant { PlatformId = "1600000000000000888", Handle = "sita_gkp_88" } };
        foreach (var m in new[] { message, others })
        {
            await server.ScalarAsync(
                $"INSERT INTO \"{_schema}\".rejections (id, kind, channel, external_id, reasons, rejected_at, message) VALUES (@id, 1, 'x', @external, '[\"praise or thanks\"]'::jsonb, now(), @message::jsonb)",
                ("id", Guid.NewGuid()), ("external", m.ExternalId), ("message", JsonSerializer.Serialize(m, PostgreSqlJson.Default.InboundMessage)));
        }

        await using var database = server.Database(_schema);
        using var store = PostgreSqlServerFixture.Store(database, TimeProvider.System);
        var erased = await store.EraseRejectionsAsync(Channels.X, Ravi);

        Assert.Equal(1, erased);
        Assert.Equal(PostgreSqlMigrator.LatestVersion, await server.ScalarAsync($"SELECT MAX(version) FROM \"{_schema}\".schema_version"));
        var rows = await RawRejectionRowsAsync();
        var mine = Assert.Single(rows, r => r.Contains(message.ExternalId, StringComparison.Ordinal));
        Assert.DoesNotContain("ravi_lko_77", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(Ravi, mine, StringComparison.Ordinal);
        var theirs = Assert.Single(rows, r => r.Contains(others.ExternalId, StringComparison.Ordinal));
        Assert.Contains("sita_gkp_88", theirs, StringComparison.Ordinal);
        Assert.Contains("\"author_id\":\"1600000000000000888\"", theirs, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CountByComplainant_CanBeAnsweredFromTheIndexOnChannelCitizenAndCreationTime()
    {
        server.SkipUnlessAvailable();
        await using var database = server.Database(_schema);
        using var store = PostgreSqlServerFixture.Store(database, TimeProvider.System);
        Assert.Equal(0, await store.CountByComplainantAsync(Channels.X, Ravi, Some.Now, Some.Now.AddMonths(1)));

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            $"EXPLAIN SELECT count(*) FROM \"{_schema}\".complaints WHERE channel = 'x' AND complainant_id = '1' AND created_at >= now() AND created_at < now() + interval '1 month'", connection);
        await using var reader = await explain.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains("Index Only Scan using ix_complaints_complainant_created", StringComparison.Ordinal));
    }
}
