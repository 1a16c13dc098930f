using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Storage.Sqlite.Internal;
using Grievance.TestUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Storage.Sqlite.Tests;

public class SqliteMigratorTests
{
    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task FirstUse_CreatesSchemaInWalModeAndRecordsTheVersion()
    {
        using var database = new TempDatabase();
        using var store = new SqliteComplaintStore(Options.Create(new SqliteStoreOptions { ConnectionString = database.ConnectionString }), TimeProvider.System);

        await store.SetAsync("s", "1");

        Assert.Equal("wal", await ScalarAsync(database.ConnectionString, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteMigrator.LatestVersion, await ScalarAsync(database.ConnectionString, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal((long)SqliteMigrator.Migrations.Count, await ScalarAsync(database.ConnectionString, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task SecondStoreOnTheSameFile_DoesNotMigrateAgainAndSeesTheData()
    {
        using var database = new TempDatabase();
        var options = Options.Create(new SqliteStoreOptions { ConnectionString = database.ConnectionString });
        using (var first = new SqliteComplaintStore(options, TimeProvider.System))
        {
            await first.SetAsync("s", "41");
        }

        using var second = new SqliteComplaintStore(options, TimeProvider.System);

        Assert.Equal("41", await second.GetAsync("s"));
        Assert.Equal((long)SqliteMigrator.Migrations.Count, await ScalarAsync(database.ConnectionString, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task NewerSchema_IsRefusedWithAClearMessage()
    {
        using var database = new TempDatabase();
        var options = Options.Create(new SqliteStoreOptions { ConnectionString = database.ConnectionString });
        using (var store = new SqliteComplaintStore(options, TimeProvider.System))
        {
            await store.SetAsync("s", "1");
        }

        await ScalarAsync(database.ConnectionString, $"INSERT INTO schema_version (version, applied_at) VALUES ({SqliteMigrator.LatestVersion + 1}, 'later')");
        using var old = new SqliteComplaintStore(options, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => old.GetAsync("s"));
        Assert.Contains("newer than version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSqliteStore_PipelineDataSurvivesARestart()
    {
        using var database = new TempDatabase();
        var time = new FakeTimeProvider(Some.Now);

        ServiceProvider Build() => TestServices.Create(b => b.UseSqliteStore(database.ConnectionString), time: time);

        IntakeResult first;
        await using (var services = Build())
        {
            first = await services.GetRequiredService<IIntakePipeline>().ProcessAsync(Some.Message(externalId: "1930000000000000101"));
        }

        await using var restarted = Build();
        var again = await restarted.GetRequiredService<IIntakePipeline>().ProcessAsync(Some.Message(externalId: "1930000000000000101"));
        var stored = await restarted.GetRequiredService<IComplaintStore>().FindByCodeAsync(first.Code!.Value);

        Assert.Equal(IntakeOutcome.Created, first.Outcome);
        Assert.Equal(IntakeOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.ComplaintId, stored?.Id);
        Assert.Single(await restarted.GetRequiredService<IOutboxStore>().GetPendingAsync(10));
    }

    [Fact]
    public async Task UseSqliteStore_BadConnectionString_FailsAtStartup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddGrievance().UseSqliteStore(o => o.ConnectionString = "Mode=Memory");
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(ex.Failures, f => f.Contains("Data Source", StringComparison.Ordinal));
    }

    [Fact]
    public void UseSqliteStore_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddGrievance();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IGrievanceBuilder)null!).UseSqliteStore("Data Source=x.db")).ParamName);
        Assert.Equal("connectionString", Assert.Throws<ArgumentException>(() => builder.UseSqliteStore(" ")).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.UseSqliteStore((Action<SqliteStoreOptions>)null!)).ParamName);
    }
}
