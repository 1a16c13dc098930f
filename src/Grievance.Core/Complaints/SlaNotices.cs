namespace Grievance.Complaints;

/// <summary>The time-limit notices given in a complaint's current period, so each is given once.</summary>
[Flags]
#pragma warning disable CA1711 // "Notices" is the domain word, not a collection suffix.
public enum SlaNotices
#pragma warning restore CA1711
{
    /// <summary>None yet.</summary>
    None = 0,

    /// <summary>The officers were reminded that nobody has taken up the complaint in time.</summary>
    AcknowledgementReminder = 1,

    /// <summary>The citizen was sent the interim reply.</summary>
    InterimReply = 2,

    /// <summary>The officers were reminded that the complaint is soon due.</summary>
    ResolutionReminder = 4,
}
