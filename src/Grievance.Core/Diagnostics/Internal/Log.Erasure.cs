using Microsoft.Extensions.Logging;

namespace Grievance.Diagnostics.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 1307, Level = LogLevel.Information, Message = "Personal data of {Count} rejected messages on channel {Channel} erased on request.")]
    public static partial void RejectionsErased(ILogger logger, int count, string channel);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Information, Message = "Personal data of {Count} rejected messages erased after the retention period.")]
    public static partial void RejectionsRetentionErased(ILogger logger, int count);

    [LoggerMessage(EventId = 1309, Level = LogLevel.Warning, Message = "The store {Store} cannot erase rejected messages, so they keep their personal data after the retention period.")]
    public static partial void RejectionsRetentionUnsupported(ILogger logger, string store, Exception exception);
}
