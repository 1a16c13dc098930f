using Microsoft.Extensions.Logging;

namespace Grievance.Open311.Internal;

/// <summary>The Open311 endpoints' log messages. Ids, codes and client names only: never descriptions, names, contact details or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Open311 request from client {Client} for service {ServiceCode}: {Outcome}, complaint {ComplaintId} code {Code}.")]
    public static partial void RequestPosted(ILogger logger, string client, string serviceCode, Grievance.Intake.IntakeOutcome outcome, Guid? complaintId, string? code);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Open311 request refused: {Reason}.")]
    public static partial void ApiKeyRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Open311 request from client {Client} for service {ServiceCode} refused by intake with {Count} reason(s).")]
    public static partial void RequestRejected(ILogger logger, string client, string serviceCode, int count);
}
