namespace Grievance.Twitter.Text;

/// <summary>
/// An entity found in a post's text: a mention, list, URL, hashtag or cashtag, with its position.
/// </summary>
/// <remarks>
/// Positions are UTF-16 code unit indices into the text that was passed in (the unit of .NET string
/// indices), as in twitter-text's JavaScript and Java implementations: <see cref="Start"/> is inclusive and
/// <see cref="End"/> is exclusive, so <c>text[Start..End]</c> is the entity's text.
/// </remarks>
public sealed record TweetEntity
{
    /// <summary>Gets the entity's value: the screen name without <c>@</c>, the URL, or the tag without <c>#</c> or <c>$</c>.</summary>
    public required string Value { get; init; }

    /// <summary>Gets the list slug with its leading slash (<c>/slug</c>) for a list mention, otherwise an empty string.</summary>
    public string ListSlug { get; init; } = string.Empty;

    /// <summary>Gets the index of the entity's first UTF-16 code unit (for a mention or tag, of its <c>@</c>, <c>#</c> or <c>$</c>).</summary>
    public required int Start { get; init; }

    /// <summary>Gets the index just after the entity's last UTF-16 code unit.</summary>
    public required int End { get; init; }
}
