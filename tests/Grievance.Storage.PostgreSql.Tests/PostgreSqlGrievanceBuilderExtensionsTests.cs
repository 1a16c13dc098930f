using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Storage.PostgreSql.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Storage.PostgreSql.Tests;

[Collection(PostgreSqlServerGroup.Name)]
public sealed class PostgreSqlGrievanceBuilderExtensionsTests(PostgreSqlServerFixture server)
{
    private const string Valid = "Host=127.0.0.1;Database=grievance;Username=grievance";

    private static async Task<OptionsValidationException> StartFailsAsync(Action<PostgreSqlStoreOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddGrievance().UsePostgreSqlStore(configure);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task UsePostgreSqlStore_UnknownConnectionStringKey_FailsAtStartup()
    {
        var ex = await StartFailsAsync(o => o.ConnectionString = "Host=127.0.0.1;Flavour=strawberry");

        Assert.Contains(ex.Failures, f => f.Contains("not a valid Npgsql connection string", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsePostgreSqlStore_NoHost_FailsAtStartup()
    {
        var ex = await StartFailsAsync(o => o.ConnectionString = "Database=grievance;Username=grievance");

        Assert.Contains(ex.Failures, f => f.Contains("Host", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Grievance")]
    [InlineData("grievance; DROP TABLE x")]
    [InlineData("1grievance")]
    public async Task UsePostgreSqlStore_BadSchema_FailsAtStartup(string schema)
    {
        var ex = await StartFailsAsync(o =>
        {
            o.ConnectionString = Valid;
            o.Schema = schema;
        });

        Assert.Contains(ex.Failures, f => f.Contains("Schema", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsePostgreSqlStore_LeaseCheckIntervalOutOfRange_FailsAtStartup()
    {
        var ex = await StartFailsAsync(o =>
        {
            o.ConnectionString = Valid;
            o.LeaseCheckInterval = TimeSpan.Zero;
        });

        Assert.Contains(ex.Failures, f => f.Contains("LeaseCheckInterval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsePostgreSqlStore_ReplacesTheStoreAndTheSourceLeasesAndDisposesTheDataSource()
    {
        var services = TestServices.Create(b => b.UsePostgreSqlStore(Valid));

        var store = services.GetRequiredService<IComplaintStore>();
        var database = services.GetRequiredService<PostgreSqlDatabase>();

        Assert.IsType<PostgreSqlComplaintStore>(store);
        Assert.Same(store, services.GetRequiredService<IOutboxStore>());
        Assert.Same(store, services.GetRequiredService<ICheckpointStore>());
        Assert.IsType<PostgreSqlSourceLeaseProvider>(services.GetRequiredService<ISourceLeaseProvider>());
        Assert.Single(services.GetServices<ISourceLeaseProvider>());
        Assert.Equal("grievance", database.Schema);
        await services.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await database.DataSource.OpenConnectionAsync());
    }

    [Fact]
    public void UsePostgreSqlStore_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddGrievance();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IGrievanceBuilder)null!).UsePostgreSqlStore(Valid)).ParamName);
        Assert.Equal("connectionString", Assert.Throws<ArgumentNullException>(() => builder.UsePostgreSqlStore((string)null!)).ParamName);
        Assert.Equal("connectionString", Assert.Throws<ArgumentException>(() => builder.UsePostgreSqlStore(" ")).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.UsePostgreSqlStore((Action<PostgreSqlStoreOptions>)null!)).ParamName);
    }

    [SkippableFact]
    public async Task UsePostgreSqlStore_PipelineOnTwoWorkers_OneComplaintPerMessageAndSurvivesARestart()
    {
        server.SkipUnlessAvailable();
        var schema = PostgreSqlServerFixture.NewSchema();
        var time = new FakeTimeProvider(Some.Now);
        ServiceProvider Worker() => TestServices.Create(b => b.UsePostgreSqlStore(o =>
        {
            o.ConnectionString = server.ConnectionString;
            o.Schema = schema;
        }), time: time);

        try
        {
            IntakeResult[] results;
            await using (var a = Worker())
            await using (var b = Worker())
            {
                var message = Some.Message(externalId: "1930000000000000101");
                results = await Task.WhenAll(
                    a.GetRequiredService<IIntakePipeline>().ProcessAsync(message),
                    b.GetRequiredService<IIntakePipeline>().ProcessAsync(message));
            }

            await using var restarted = Worker();
            var again = await restarted.GetRequiredService<IIntakePipeline>().ProcessAsync(Some.Message(externalId: "1930000000000000101"));
            var created = Assert.Single(results, r => r.Outcome == IntakeOutcome.Created);
            var stored = await restarted.GetRequiredService<IComplaintStore>().FindByCodeAsync(created.Code!.Value);

            Assert.Single(results, r => r.Outcome == IntakeOutcome.Duplicate);
            Assert.Equal(IntakeOutcome.Duplicate, again.Outcome);
            Assert.Equal(created.ComplaintId, stored?.Id);
            Assert.Single(await restarted.GetRequiredService<IOutboxStore>().GetPendingAsync(10));
        }
        finally
        {
            await server.DropSchemaAsync(schema);
        }
    }
}
