using Grievance.Complaints;
using Microsoft.Extensions.Logging;

namespace Grievance.Diagnostics.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Complaint {ComplaintId} ({Code}): {Action}, {From} → {To}.")]
    public static partial void ComplaintTransition(ILogger logger, Guid complaintId, string code, string action, ComplaintStatus from, ComplaintStatus to);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Personal data of complaint {ComplaintId} ({Code}) erased.")]
    public static partial void PersonalDataErased(ILogger logger, Guid complaintId, string code);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Complaint {ComplaintId} ({Code}) escalated from {FromLevel} to {ToLevel}.")]
    public static partial void ComplaintEscalated(ILogger logger, Guid complaintId, string code, string fromLevel, string toLevel);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug, Message = "Complaint {ComplaintId} changed while the time-limit monitor worked on it; it is looked at again next pass.")]
    public static partial void SlaConcurrency(ILogger logger, Guid complaintId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Officer notice {Kind} for complaint {ComplaintId} ({Code}), department {Department}, district {District}, level {Level}.")]
    public static partial void OfficerNotice(ILogger logger, Sla.OfficerNoticeKind kind, Guid complaintId, string code, string department, string district, string level);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Error, Message = "The time-limit monitor pass failed; it runs again after its interval.")]
    public static partial void SlaPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "Notifying officers about complaint {ComplaintId} failed; the notice is tried again next pass.")]
    public static partial void OfficerNoticeFailed(ILogger logger, Guid complaintId, Exception exception);
}
