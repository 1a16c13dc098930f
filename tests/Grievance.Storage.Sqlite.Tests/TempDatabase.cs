using Microsoft.Data.Sqlite;

namespace Grievance.Storage.Sqlite.Tests;

/// <summary>A SQLite file in its own temporary folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("grievance-sqlite-");

    public string Path => System.IO.Path.Combine(_directory.FullName, "grievance.db");

    public string ConnectionString => $"Data Source={Path};Pooling=False";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a connection of a failed test; the temp folder is cleaned by the system.
        }
    }
}
