namespace Grievance.Complaints;

/// <summary>A photo, video or file attached to a message.</summary>
public sealed record Attachment
{
    /// <summary>Gets the channel's key for the media (for X, the <c>media_key</c>).</summary>
    public required string MediaKey { get; init; }

    /// <summary>Gets where the media can be fetched, when the channel gives it.</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the media type as the channel names it (<c>photo</c>, <c>video</c>, ...), when known.</summary>
    public string? MediaType { get; init; }
}
