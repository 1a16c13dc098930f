using Microsoft.Extensions.Logging;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>The PostgreSQL store's log messages: schema versions, source names and lease state only, never complaint data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Applied PostgreSQL schema migration {Version} to schema {Schema}.")]
    public static partial void MigrationApplied(ILogger logger, int version, string schema);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "PostgreSQL schema {Schema} is at version {Version}.")]
    public static partial void SchemaCurrent(ILogger logger, string schema, int version);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Source lease on {Source} acquired.")]
    public static partial void LeaseAcquired(ILogger logger, string source);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Source lease on {Source} is held by another worker.")]
    public static partial void LeaseBusy(ILogger logger, string source);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Source lease on {Source} released.")]
    public static partial void LeaseReleased(ILogger logger, string source);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Source lease on {Source} lost: its database connection broke.")]
    public static partial void LeaseLost(ILogger logger, Exception? exception, string source);

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Group commit of {Count} intake commit(s) rolled back by the server ({SqlState}) on attempt {Attempt}; retrying.")]
    public static partial void GroupCommitRetried(ILogger logger, string sqlState, int count, int attempt);
}
