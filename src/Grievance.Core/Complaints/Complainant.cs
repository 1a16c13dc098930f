namespace Grievance.Complaints;

/// <summary>The citizen who complained, as known to the channel. Personal data: never log it.</summary>
public sealed record Complainant
{
    /// <summary>Gets the channel's stable id for the account (for X, the numeric user id).</summary>
    public required string PlatformId { get; init; }

    /// <summary>Gets the account's handle without the leading <c>@</c>, when the channel has one.</summary>
    public string? Handle { get; init; }

    /// <summary>Gets the display name, when known.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the free-text location of the account's profile, when the channel reports one. Routing treats it as a weak hint.</summary>
    public string? Location { get; init; }
}
