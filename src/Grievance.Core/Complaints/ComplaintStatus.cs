namespace Grievance.Complaints;

/// <summary>Where a complaint stands in its lifecycle.</summary>
public enum ComplaintStatus
{
    /// <summary>Received, coded and routed; the acknowledgement is queued. No officer has taken it yet.</summary>
    New = 0,

    /// <summary>Assigned to a unit or officer.</summary>
    Assigned = 1,

    /// <summary>An officer is working on it.</summary>
    InProgress = 2,

    /// <summary>Waiting for information from the citizen.</summary>
    AwaitingCitizen = 3,

    /// <summary>Resolved; the resolution note has been sent to the citizen.</summary>
    Resolved = 4,

    /// <summary>Rejected for a configured reason (spam, duplicate, sub judice).</summary>
    Rejected = 5,

    /// <summary>Reopened after resolution, for example because the citizen says it was not fixed.</summary>
    Reopened = 6,

    /// <summary>Closed for good.</summary>
    Closed = 7,

    /// <summary>
    /// Received and coded, but held for review because the complainant reached the monthly limit
    /// (<see cref="Intake.CitizenLimitOptions"/>): no time limit runs until an officer releases it (to <see cref="New"/>) or rejects it.
    /// </summary>
    HeldForReview = 8,
}
