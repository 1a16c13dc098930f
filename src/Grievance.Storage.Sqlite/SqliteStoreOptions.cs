using System.ComponentModel.DataAnnotations;

namespace Grievance.Storage.Sqlite;

/// <summary>Options of the SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the connection string, for example <c>Data Source=grievance.db</c>.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;
}
