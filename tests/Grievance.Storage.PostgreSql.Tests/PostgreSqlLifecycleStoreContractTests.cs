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
            RawRejectionRows = async () =>
            {
                // Every column of every row, straight from the table, as the server renders it.
                var rows = await server.ScalarAsync($"SELECT string_agg(row_to_json(r)::text, E'\\n' ORDER BY r.position) FROM \"{schema}\".rejections AS r");
                return rows is string text ? text.Split('\n') : [];
            },
            OnDispose = async () =>
            {
                store.Dispose();
                await database.DisposeAsync();
                await server.DropSchemaAsync(schema);
            },
        });
    }
}
