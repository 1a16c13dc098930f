using Grievance.Storage;
using Microsoft.Extensions.Logging;

namespace Grievance.Diagnostics.Internal;

/// <summary>All of the core's log messages. Ids and codes only: never text, names or handles.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Complaint {ComplaintId} created with code {Code} on {Channel}, routed to {Department} (confidence {Confidence}).")]
    public static partial void ComplaintCreated(ILogger logger, Guid complaintId, string code, string channel, string department, double confidence);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Follow-up {ExternalId} on {Channel} added to complaint {ComplaintId}.")]
    public static partial void FollowUpRecorded(ILogger logger, Guid complaintId, string channel, string externalId);

    [LoggerMessage(EventId = 1002, Message = "Message {ExternalId} on {Channel} rejected as {Kind} with {ReasonCount} reason(s); rejection {RejectionId}.")]
    public static partial void MessageRejected(ILogger logger, LogLevel level, Guid rejectionId, string channel, string externalId, RejectionKind kind, int reasonCount);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Message {ExternalId} on {Channel} was handled before ({Outcome}); skipped.")]
    public static partial void DuplicateMessage(ILogger logger, string channel, string externalId, MessageOutcome outcome);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Checkpoint of source {Source} committed at {Checkpoint}.")]
    public static partial void CheckpointCommitted(ILogger logger, string source, string checkpoint);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Message {ExternalId} on {Channel} routed to {Department}, district {District}, category {Category} (confidence {Confidence}, grievance: {IsGrievance}).")]
    public static partial void MessageRouted(ILogger logger, string channel, string externalId, string department, string district, string category, double confidence, bool isGrievance);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) for complaint {ComplaintId} sent on {Channel}.")]
    public static partial void MessageSent(ILogger logger, Guid messageId, Guid complaintId, string channel, Notifications.OutboundMessageKind kind);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Outbox message {MessageId} for complaint {ComplaintId} on {Channel} failed (attempt {Attempt}, permanent: {Permanent}).")]
    public static partial void DeliveryFailed(ILogger logger, Guid messageId, Guid complaintId, string channel, int attempt, bool permanent);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Channel {Channel} is rate limited; outbox dispatch resumes in {RetryAfter}.")]
    public static partial void DeliveryDeferred(ILogger logger, string channel, TimeSpan retryAfter);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "State-wide oversight query ({Operation}) by {Actor}: {Reason}.")]
    public static partial void OversightQuery(ILogger logger, string actor, string reason, string operation);
}
