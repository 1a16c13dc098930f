using System.ComponentModel.DataAnnotations;

namespace Grievance.Storage.Sqlite;

/// <summary>Options of the SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the connection string, for example <c>Data Source=grievance.db</c>.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets whether every commit waits for the disk (<see langword="true"/>: SQLite <c>synchronous=FULL</c>) or
    /// only checkpoints do (<see langword="false"/>: <c>synchronous=NORMAL</c>, SQLite's recommendation for WAL mode).
    /// Either way a crash of the process loses nothing; with <see langword="false"/> a power cut may undo the last
    /// commits, and since the source checkpoint is undone with them, intake reads those messages again.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool SyncEveryCommit { get; set; }
}
