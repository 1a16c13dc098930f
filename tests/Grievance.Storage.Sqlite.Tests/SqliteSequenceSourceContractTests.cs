using Grievance.Codes;
using Grievance.DependencyInjection;
using Grievance.TestUtilities.Codes;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Storage.Sqlite.Tests;

public sealed class SqliteSequenceSourceContractTests : SequenceSourceContractTests, IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly List<ServiceProvider> _processes = [];

    // Each source is a process (its own container, connection pool and blocks) reserving from the shared file.
    protected override ISequenceSource CreateSource()
    {
        var services = new ServiceCollection();
        services.AddGrievance().ConfigureCodes(o => o.SequenceBlockSize = 5).UseSqliteStore(_database.ConnectionString);
        var provider = services.BuildServiceProvider();
        _processes.Add(provider);
        return provider.GetRequiredService<ISequenceSource>();
    }

    public void Dispose()
    {
        foreach (var provider in _processes)
        {
            provider.Dispose();
        }

        _database.Dispose();
    }
}
