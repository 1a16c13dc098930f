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
}
