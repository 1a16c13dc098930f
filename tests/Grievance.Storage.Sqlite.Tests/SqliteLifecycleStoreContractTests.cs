using System.Globalization;
using Grievance.Storage.Sqlite.Internal;
using Grievance.TestUtilities.Contracts;
using Microsoft.Data.Sqlite;
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
            RawRejectionRows = () => RawRowsAsync(database.ConnectionString, "rejections"),
            OnDispose = () =>
            {
                store.Dispose();
                database.Dispose();
                return ValueTask.CompletedTask;
            },
        });
    }

    /// <summary>Every column of every row of <paramref name="table"/>, read straight from the file, joined into one string per row.</summary>
    internal static async Task<IReadOnlyList<string>> RawRowsAsync(string connectionString, string table)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM " + table;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + "=" + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
