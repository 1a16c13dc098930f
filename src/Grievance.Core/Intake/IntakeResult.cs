using Grievance.Codes;
using Grievance.Complaints;

namespace Grievance.Intake;

/// <summary>What the intake did with one message.</summary>
public enum IntakeOutcome
{
    /// <summary>A new complaint was created and its acknowledgement queued.</summary>
    Created = 0,

    /// <summary>The message was added to an existing complaint.</summary>
    FollowUp = 1,

    /// <summary>The message asked for a complaint's status; the answer was queued.</summary>
    StatusQuery = 2,

    /// <summary>The message had been handled before; nothing was written.</summary>
    Duplicate = 3,

    /// <summary>The message was recorded as rejected, with reasons.</summary>
    Rejected = 4,
}

/// <summary>The result of handling one message. Intake reports bad input here rather than throwing.</summary>
public sealed record IntakeResult
{
    /// <summary>Gets what was done.</summary>
    public required IntakeOutcome Outcome { get; init; }

    /// <summary>Gets the complaint created, followed up or asked about, when any.</summary>
    public ComplaintId? ComplaintId { get; init; }

    /// <summary>Gets the code of that complaint, when any.</summary>
    public ComplaintCode? Code { get; init; }

    /// <summary>Gets the reasons of a rejection; empty otherwise.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>Counts of what one read of a source produced.</summary>
public sealed record IntakeRunResult
{
    /// <summary>Gets how many messages were read.</summary>
    public int Read { get; init; }

    /// <summary>Gets how many complaints were created.</summary>
    public int Created { get; init; }

    /// <summary>Gets how many follow-ups were recorded.</summary>
    public int FollowUps { get; init; }

    /// <summary>Gets how many status queries were answered.</summary>
    public int StatusQueries { get; init; }

    /// <summary>Gets how many messages had been handled before.</summary>
    public int Duplicates { get; init; }

    /// <summary>Gets how many messages were rejected.</summary>
    public int Rejected { get; init; }

    /// <summary>Gets the checkpoint committed last, or <see langword="null"/> when none was committed.</summary>
    public string? Checkpoint { get; init; }
}
