using Microsoft.Extensions.Logging;

namespace Grievance.Samples.Worker;

/// <summary>The worker's log messages: source names, counts and exception types only, never what citizens wrote.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Polled {Source}: read {Read}, created {Created}, follow-ups {FollowUps}, duplicates {Duplicates}, rejected {Rejected}")]
    public static partial void Polled(ILogger logger, string source, int read, int created, int followUps, int duplicates, int rejected);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Source} is polled by another instance")]
    public static partial void HeldElsewhere(ILogger logger, string source);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Polling {Source} failed ({ExceptionType}); next pass in {Delay}")]
    public static partial void PollFailed(ILogger logger, string source, string exceptionType, TimeSpan delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Lost the lease on {Source} during a pass; another instance takes over")]
    public static partial void LeaseLost(ILogger logger, string source);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Dispatched the outbox: sent {Sent}, retrying {Retrying}, failed {Failed}")]
    public static partial void Dispatched(ILogger logger, int sent, int retrying, int failed);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Dispatching the outbox failed ({ExceptionType}); next try in {Delay}")]
    public static partial void DispatchFailed(ILogger logger, string exceptionType, TimeSpan delay);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Worker polling {Sources} desk accounts on {X} X with the {Store} store")]
    public static partial void Started(ILogger logger, int sources, WorkerXMode x, WorkerStore store);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Health checks report {Status}")]
    public static partial void HealthChanged(ILogger logger, string status);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Polled {Source}: nothing new")]
    public static partial void PolledNothing(ILogger logger, string source);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Writing the health file failed ({ExceptionType})")]
    public static partial void HealthFileFailed(ILogger logger, string exceptionType);
}
