using Grievance.Codes;
using Grievance.Complaints;

namespace Grievance.Intake;

/// <summary>What kind of message the citizen sent.</summary>
public enum MessageKind
{
    /// <summary>A new grievance.</summary>
    NewComplaint = 0,

    /// <summary>More about an existing complaint (a reply in its thread).</summary>
    FollowUp = 1,

    /// <summary>A question about the status of a complaint, by code.</summary>
    StatusQuery = 2,

    /// <summary>Not a grievance: praise, thanks, greetings, spam.</summary>
    NotAGrievance = 3,

    /// <summary>The complainant's answer to "was it resolved?" (yes or no) or a rating, in a resolved complaint's thread.</summary>
    Feedback = 4,
}

/// <summary>The classifier's answer for one message.</summary>
public sealed record MessageClassification
{
    /// <summary>Gets the kind of message.</summary>
    public required MessageKind Kind { get; init; }

    /// <summary>Gets the complaint a follow-up belongs to.</summary>
    public ComplaintId? ComplaintId { get; init; }

    /// <summary>Gets the code a status query asked about.</summary>
    public ComplaintCode? Code { get; init; }

    /// <summary>Gets why the classifier decided so.</summary>
    public required string Reason { get; init; }
}
