using System.Text.Json;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Storage.Sqlite.Internal;
using Grievance.TestUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Grievance.Storage.Sqlite.Tests;

/// <summary>Schema version 5: per-citizen counts from an index, and rejections stored before it can still be erased.</summary>
public class SqliteCitizenCountsAndRejectionErasureMigrationTests
{
    private const string Ravi = "1600000000000000777";

    private static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Creates the schema an earlier release left: the embedded migrations up to <paramref name="version"/>.</summary>
    private static async Task MigrateUpToAsync(string connectionString, int version)
    {
        await ExecuteAsync(connectionString, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);");
        foreach (var (v, name) in SqliteMigrator.Migrations.Where(m => m.Version <= version))
        {
            await using var stream = typeof(SqliteMigrator).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            await ExecuteAsync(connectionString, await reader.ReadToEndAsync());
            await ExecuteAsync(connectionString, "INSERT INTO schema_version (version, applied_at) VALUES ($v, 'earlier')", ("$v", v));
        }
    }

    [Fact]
    public async Task UpgradeFromVersion4_RejectionsStoredBeforeAreFoundByTheirAuthorAndErased()
    {
        using var database = new TempDatabase();
        await MigrateUpToAsync(database.ConnectionString, 4);
        var message = Some.Message("@Uppolice thank you from ravi, call 9876543210", "1960000000000000001")
            with { Author = new Complainant { PlatformId = Ravi, Handle = "ravi_lko_77", DisplayName = "Ravi Verma" } };
        var others = Some.Message("@Uppolice good morning from sita", "1960000000000000002")
            with { Author = new Complainant { PlatformId = "1600000000000000888", Handle = "sita_gkp_88" } };
        foreach (var (m, i) in new[] { (message, 1), (others, 2) })
        {
            await ExecuteAsync(database.ConnectionString,
                "INSERT INTO rejections (id, kind, channel, external_id, reasons, rejected_at, message) VALUES ($id, 1, 'x', $external, '[\"praise or thanks\"]', $at, $message)",
                ("$id", Guid.NewGuid().ToString()), ("$external", m.ExternalId), ("$at", Some.Now.UtcTicks + i), ("$message", JsonSerializer.Serialize(m, SqliteJson.Default.InboundMessage)));
        }

        using var store = new SqliteComplaintStore(Options.Create(new SqliteStoreOptions { ConnectionString = database.ConnectionString }), TimeProvider.System);
        var erased = await store.EraseRejectionsAsync(Channels.X, Ravi);

        Assert.Equal(1, erased);
        var rows = await SqliteLifecycleStoreContractTests.RawRowsAsync(database.ConnectionString, "rejections");
        var mine = Assert.Single(rows, r => r.Contains(message.ExternalId, StringComparison.Ordinal));
        Assert.DoesNotContain("ravi_lko_77", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(Ravi, mine, StringComparison.Ordinal);
        var theirs = Assert.Single(rows, r => r.Contains(others.ExternalId, StringComparison.Ordinal));
        Assert.Contains("sita_gkp_88", theirs, StringComparison.Ordinal);
        Assert.Contains("author_id=1600000000000000888", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountByComplainant_ReadsOnlyTheIndexOnChannelCitizenAndCreationTime()
    {
        using var database = new TempDatabase();
        using var store = new SqliteComplaintStore(Options.Create(new SqliteStoreOptions { ConnectionString = database.ConnectionString }), TimeProvider.System);
        await store.CountByComplainantAsync(Channels.X, Ravi, Some.Now, Some.Now.AddMonths(1));

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT count(*) FROM complaints WHERE channel = 'x' AND complainant_id = '1' AND created_at >= 0 AND created_at < 1";
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        var step = Assert.Single(plan);
        Assert.Contains("COVERING INDEX ix_complaints_complainant_created", step, StringComparison.Ordinal);
    }
}
