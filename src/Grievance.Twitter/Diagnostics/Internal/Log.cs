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

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "X budget of {Endpoint} ({Auth}) is spent; waiting {Wait} for the reset.")]
    public static partial void WaitingForReset(ILogger logger, string endpoint, string auth, TimeSpan wait);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "X budget of {Endpoint} ({Auth}) is spent for {Wait}; request not sent.")]
    public static partial void RequestHeldBack(ILogger logger, string endpoint, string auth, TimeSpan wait);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Daily X spend cap of {Cap} USD reached on {Endpoint}; posting stops until the next UTC day.")]
    public static partial void SpendCapReached(ILogger logger, string endpoint, decimal cap);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Reply for outbox message {MessageId} may have been published; reconciling with the desk account's posts.")]
    public static partial void ReplyPossiblySent(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Reconciliation of outbox message {MessageId}: {Outcome} (post {TweetId}).")]
    public static partial void ReplyReconciled(ILogger logger, Guid messageId, string outcome, string? tweetId);
}
