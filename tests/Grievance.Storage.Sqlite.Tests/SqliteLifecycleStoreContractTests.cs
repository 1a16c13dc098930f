using Grievance.Storage.Sqlite.Internal;
using Grievance.TestUtilities.Contracts;
using Microsoft.Extensions.Options;

namespace Grievance.Storage.Sqlite.Tests;

public class SqliteLifecycleStoreContractTests : ComplaintLifecycleStoreContractTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var database = new TempDatabase();
        var store = new SqliteComplaintStore(Options.Create(new SqliteStoreOptions { ConnectionString = database.ConnectionString }), Time);
        return Task.FromResult(new StoreUnderTest(store, store, store)
        {
            OnDispose = () =>
            {
                store.Dispose();
                database.Dispose();
                return ValueTask.CompletedTask;
            },
        });
    }
}
