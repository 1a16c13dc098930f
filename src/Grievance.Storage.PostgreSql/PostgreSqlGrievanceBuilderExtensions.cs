using Grievance.Storage;
using Grievance.Storage.PostgreSql;
using Grievance.Storage.PostgreSql.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Builder extensions live beside IGrievanceBuilder so they are found with it.
namespace Grievance.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Stores Grievance's data in PostgreSQL, shared by several worker instances.</summary>
public static class PostgreSqlGrievanceBuilderExtensions
{
    /// <summary>
    /// Stores complaints, outbox and checkpoints in PostgreSQL, replacing the in-memory default, and coordinates source
    /// readers across processes with advisory locks (replacing the in-process source leases).
    /// </summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="connectionString">The Npgsql connection string, for example <c>Host=db;Database=grievance;Username=grievance;Password=...</c>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static IGrievanceBuilder UsePostgreSqlStore(this IGrievanceBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSqlStore(o => o.ConnectionString = connectionString);
    }

    /// <summary>Stores complaints, outbox and checkpoints in PostgreSQL, configured by a delegate; see <see cref="UsePostgreSqlStore(IGrievanceBuilder, string)"/>.</summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UsePostgreSqlStore(this IGrievanceBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<PostgreSqlStoreOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsCustomValidator>());
        services.TryAddSingleton<PostgreSqlDatabase>();
        services.TryAddSingleton<PostgreSqlComplaintStore>();
        services.Replace(ServiceDescriptor.Singleton<ISourceLeaseProvider, PostgreSqlSourceLeaseProvider>());
        return builder.UseStore<PostgreSqlComplaintStore>().UseSequenceBlocks<PostgreSqlComplaintStore>();
    }
}
