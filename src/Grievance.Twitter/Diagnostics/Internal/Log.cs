using Microsoft.Extensions.Logging;

namespace Grievance.Twitter.Diagnostics.Internal;

/// <summary>All of the X adapter's log messages. Ids only: never text, names, handles or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "X answered {StatusCode} on {Endpoint} (problem {ProblemType}).")]
    public static partial void ApiError(ILogger logger, string endpoint, int statusCode, string? problemType);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "X returned {Count} partial error(s) on {Endpoint}.")]
    public static partial void PartialErrors(ILogger logger, string endpoint, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Read {Count} mention(s) of account {UserId} in {Pages} page(s); window newest id {NewestId}.")]
    public static partial void MentionsWindowRead(ILogger logger, string userId, int count, int pages, string? newestId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Reply {TweetId} posted for outbox message {MessageId}.")]
    public static partial void ReplyPosted(ILogger logger, Guid messageId, string tweetId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Reconciliation search read {Count} post(s) addressed to account {UserId} in {Pages} page(s); newest id {NewestId}.")]
    public static partial void SearchWindowRead(ILogger logger, string userId, int count, int pages, string? newestId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Filtered stream connected.")]
    public static partial void StreamConnected(ILogger logger);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Filtered stream lost ({Failure}); reconnecting in {Delay}.")]
    public static partial void StreamReconnecting(ILogger logger, string failure, TimeSpan delay);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Filtered stream rules for the desk accounts: {Added} added, {Deleted} stale deleted.")]
    public static partial void StreamRulesEnsured(ILogger logger, int added, int deleted);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Reply {TweetId} hidden for outbox message {MessageId}.")]
    public static partial void ReplyHidden(ILogger logger, Guid messageId, string tweetId);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Information, Message = "Direct message {EventId} sent for outbox message {MessageId}.")]
    public static partial void DirectMessageSent(ILogger logger, Guid messageId, string eventId);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "OAuth 2.0 user token of account {UserId} refreshed; the new one expires at {ExpiresAt}.")]
    public static partial void TokenRefreshed(ILogger logger, string userId, DateTimeOffset? expiresAt);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Warning, Message = "X refused to refresh the OAuth 2.0 user token of account {UserId} ({StatusCode}).")]
    public static partial void TokenRefreshRefused(ILogger logger, string userId, int statusCode);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Warning, Message = "The refreshed OAuth 2.0 tokens of account {UserId} were not stored: the store changed meanwhile; keeping the stored ones.")]
    public static partial void TokenRotationLostRace(ILogger logger, string userId);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "Answered an X webhook CRC challenge.")]
    public static partial void WebhookCrcAnswered(ILogger logger);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Warning, Message = "Refused an X webhook delivery of {Length} bytes: {Status}.")]
    public static partial void WebhookRefused(ILogger logger, Grievance.Twitter.Webhooks.TwitterWebhookStatus status, int length);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Information, Message = "X webhook delivery for account {ForUserId}: {Processed} processed, {Created} new, {Duplicates} duplicate(s), {Ignored} ignored.")]
    public static partial void WebhookProcessed(ILogger logger, string? forUserId, int processed, int created, int duplicates, int ignored);

    [LoggerMessage(EventId = 2050, Level = LogLevel.Information, Message = "X budget of {Endpoint} ({Auth}) is spent; waiting {Wait} for the reset.")]
    public static partial void WaitingForReset(ILogger logger, string endpoint, string auth, TimeSpan wait);

    [LoggerMessage(EventId = 2051, Level = LogLevel.Warning, Message = "X budget of {Endpoint} ({Auth}) is spent for {Wait}; request not sent.")]
    public static partial void RequestHeldBack(ILogger logger, string endpoint, string auth, TimeSpan wait);

    [LoggerMessage(EventId = 2052, Level = LogLevel.Warning, Message = "Daily X spend cap of {Cap} USD reached on {Endpoint}; posting stops until the next UTC day.")]
    public static partial void SpendCapReached(ILogger logger, string endpoint, decimal cap);

    [LoggerMessage(EventId = 2053, Level = LogLevel.Warning, Message = "Reply for outbox message {MessageId} may have been published; reconciling with the desk account's posts.")]
    public static partial void ReplyPossiblySent(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 2054, Level = LogLevel.Information, Message = "Reconciliation of outbox message {MessageId}: {Outcome} (post {TweetId}).")]
    public static partial void ReplyReconciled(ILogger logger, Guid messageId, string outcome, string? tweetId);

    [LoggerMessage(EventId = 2055, Level = LogLevel.Information, Message = "Outbox message {MessageId}: the citizen does not accept direct messages from the desk account (403); marked failed.")]
    public static partial void DirectMessageRefused(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 2056, Level = LogLevel.Information, Message = "Outbox message {MessageId}: X does not let the desk account hide reply {TweetId} ({Status}; the conversation was not started by the desk or the reply is gone); it stays visible.")]
    public static partial void ReplyNotHideable(ILogger logger, Guid messageId, string tweetId, int status);

    [LoggerMessage(EventId = 2060, Level = LogLevel.Debug, Message = "X request {Endpoint} answered {StatusCode} in {ElapsedMs:0.0} ms.")]
    public static partial void HttpRequestCompleted(ILogger logger, string endpoint, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2061, Level = LogLevel.Warning, Message = "X request {Endpoint} failed after {ElapsedMs:0.0} ms with {ExceptionType} (status {StatusCode}).")]
    public static partial void HttpRequestFailed(ILogger logger, string endpoint, int? statusCode, string exceptionType, double elapsedMs);
}
