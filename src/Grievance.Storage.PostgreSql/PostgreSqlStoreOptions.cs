using System.ComponentModel.DataAnnotations;

namespace Grievance.Storage.PostgreSql;

/// <summary>Options of the PostgreSQL store.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>Gets or sets the Npgsql connection string, for example <c>Host=db;Database=grievance;Username=grievance;Password=...</c>.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the schema that holds Grievance's tables. It is created on first use when missing (which needs the
    /// <c>CREATE</c> privilege on the database); a schema created beforehand by an administrator is used as it is.
    /// Lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.
    /// </summary>
    /// <value>The default value is <c>grievance</c>.</value>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string Schema { get; set; } = "grievance";

    /// <summary>
    /// Gets or sets how often a held source lease checks its database connection. When the check fails, the lease's
    /// <see cref="ISourceLease.Lost"/> token is cancelled, because the advisory lock went with the connection.
    /// </summary>
    /// <value>The default value is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
