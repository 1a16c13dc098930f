namespace Grievance.Diagnostics;

/// <summary>Names of Grievance's meters, instruments and activity source, for hosts that wire up OpenTelemetry.</summary>
public static class GrievanceTelemetry
{
    /// <summary>The name of the core meter.</summary>
    public const string MeterName = "Grievance.Core";

    /// <summary>The name of the core activity source.</summary>
    public const string ActivitySourceName = "Grievance.Core";

    /// <summary>Counter of messages handled by intake, tagged with <c>grievance.channel</c> and <c>grievance.outcome</c>.</summary>
    public const string MessagesProcessed = "grievance.intake.messages";

    /// <summary>Counter of complaints created, tagged with <c>grievance.channel</c>.</summary>
    public const string ComplaintsReceived = "grievance.complaints.received";

    /// <summary>Histogram of the time intake takes per message, in seconds.</summary>
    public const string IntakeDuration = "grievance.intake.duration";
}
