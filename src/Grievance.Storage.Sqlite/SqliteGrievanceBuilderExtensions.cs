using Grievance.Storage.Sqlite;
using Grievance.Storage.Sqlite.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Builder extensions live beside IGrievanceBuilder so they are found with it.
namespace Grievance.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Stores Grievance's data in SQLite.</summary>
public static class SqliteGrievanceBuilderExtensions
{
    /// <summary>Stores complaints, outbox and checkpoints in a SQLite file, replacing the in-memory default.</summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="connectionString">The connection string, for example <c>Data Source=grievance.db</c>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static IGrievanceBuilder UseSqliteStore(this IGrievanceBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseSqliteStore(o => o.ConnectionString = connectionString);
    }

    /// <summary>Stores complaints, outbox and checkpoints in SQLite, configured by a delegate.</summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseSqliteStore(this IGrievanceBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<SqliteStoreOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsCustomValidator>());
        services.TryAddSingleton<SqliteComplaintStore>();
        return builder.UseStore<SqliteComplaintStore>().UseSequenceBlocks<SqliteComplaintStore>();
    }
}
