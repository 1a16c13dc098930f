using Microsoft.Extensions.Logging;

namespace Grievance.Diagnostics.Internal;

/// <summary>Log messages of the per-citizen limits. Ids and codes only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Complaint {ComplaintId} ({Code}) on {Channel} held for review: the complainant reached the monthly limit of {Limit}.")]
    public static partial void ComplaintHeld(ILogger logger, Guid complaintId, string code, string channel, int limit);
}
