using Grievance.Intake;

namespace Grievance.Samples.Portal;

/// <summary>The portal's log messages: ids, codes and counts only, never what citizens wrote or who they are.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Demo intake over {Sources} desk accounts: {Created} complaints created, {Read} mentions read.")]
    public static partial void DemoIntake(ILogger logger, int sources, int created, int read);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Officer {Officer} signed in.")]
    public static partial void SignedIn(ILogger logger, string officer);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "A sign-in failed.")]
    public static partial void SignInFailed(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Officer {Officer} did {Action} on complaint {Code}.")]
    public static partial void Action(ILogger logger, string officer, string action, string code);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Officer {Officer} could not do {Action} on complaint {Code}: {Error}.")]
    public static partial void ActionRefused(ILogger logger, string officer, string action, string code, string error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Web form: {Outcome}, complaint {Code}.")]
    public static partial void WebIntake(ILogger logger, IntakeOutcome outcome, string? code);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Sending queued replies failed; they stay in the outbox.")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);
}
