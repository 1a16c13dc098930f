namespace Grievance.Intake;

/// <summary>The kind of a <see cref="MessageEntity"/>.</summary>
public enum MessageEntityKind
{
    /// <summary>A mention of an account (<c>@name</c>).</summary>
    Mention = 0,

    /// <summary>A hashtag (<c>#tag</c>).</summary>
    Hashtag = 1,

    /// <summary>A URL.</summary>
    Url = 2,

    /// <summary>A cashtag (<c>$TAG</c>).</summary>
    Cashtag = 3,
}

/// <summary>An entity found in a message's text.</summary>
/// <remarks>
/// Offsets are always UTF-16 code units into <see cref="InboundMessage.Text"/> (start inclusive, end exclusive),
/// whatever unit the channel itself uses: adapters convert (X counts code points).
/// </remarks>
public sealed record MessageEntity
{
    /// <summary>Gets the kind of entity.</summary>
    public required MessageEntityKind Kind { get; init; }

    /// <summary>Gets the start offset in UTF-16 code units (inclusive).</summary>
    public required int Start { get; init; }

    /// <summary>Gets the end offset in UTF-16 code units (exclusive).</summary>
    public required int End { get; init; }

    /// <summary>Gets the entity's value without its sigil: the handle, tag, or expanded URL.</summary>
    public required string Value { get; init; }

    /// <summary>Gets the channel's id of what the entity refers to (for a mention, the account id), when known.</summary>
    public string? ReferencedId { get; init; }
}
