using Grievance.TestUtilities.Contracts;

namespace Grievance.Storage.PostgreSql.Tests;

[Collection(PostgreSqlServerGroup.Name)]
public class PostgreSqlLifecycleStoreContractTests(PostgreSqlServerFixture server) : ComplaintLifecycleStoreContractTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        server.SkipUnlessAvailable();
        var schema = PostgreSqlServerFixture.NewSchema();
        var database = server.Database(schema);
        var store = PostgreSqlServerFixture.Store(database, Time);
        return Task.FromResult(new StoreUnderTest(store, store, store)
        {
            OnDispose = async () =>
            {
                store.Dispose();
                await database.DisposeAsync();
                await server.DropSchemaAsync(schema);
            },
        });
    }
}
