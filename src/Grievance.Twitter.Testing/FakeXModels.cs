namespace Grievance.Twitter.Testing;

/// <summary>An account known to the fake.</summary>
/// <param name="Id">The numeric user id.</param>
/// <param name="Username">The username without <c>@</c>.</param>
/// <param name="Name">The display name.</param>
public sealed record FakeXUser(string Id, string Username, string Name);

/// <summary>A post held by the fake.</summary>
public sealed record FakeXPost
{
    /// <summary>Gets the post id (numeric, as X's).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the author's user id.</summary>
    public required string AuthorId { get; init; }

    /// <summary>Gets the full text, unescaped. Texts over 280 characters are served as long posts (<c>note_tweet</c>).</summary>
    public required string Text { get; init; }

    /// <summary>Gets when the post was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the conversation id; a post that starts a thread has its own id.</summary>
    public required string ConversationId { get; init; }

    /// <summary>Gets the post this one replies to, when any.</summary>
    public string? InReplyToId { get; init; }

    /// <summary>Gets the post this one retweets, when it is a retweet.</summary>
    public string? RetweetOfId { get; init; }

    /// <summary>Gets the ids of the post's edit history, oldest first; a post never edited has only its own id.</summary>
    public IReadOnlyList<string> EditHistory { get; init; } = [];

    /// <summary>Gets the language tag X would detect.</summary>
    public string? Lang { get; init; }

    /// <summary>
    /// Gets when the post becomes visible to mentions and search (X indexes some posts late); <see langword="null"/>
    /// means at once. The filtered stream delivers a post when it is created.
    /// </summary>
    public DateTimeOffset? IndexedAt { get; init; }
}

/// <summary>A post created through <c>POST /2/tweets</c>.</summary>
public sealed record FakeXCreatedPost
{
    /// <summary>Gets the id the fake gave the post.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the posting account's user id.</summary>
    public required string AuthorId { get; init; }

    /// <summary>Gets the text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the post replied to, when any.</summary>
    public string? InReplyToId { get; init; }

    /// <summary>Gets the request body exactly as received.</summary>
    public required string RequestBody { get; init; }
}

/// <summary>A request the fake received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query.</param>
/// <param name="StatusCode">The status code the fake answered.</param>
public sealed record FakeXRequest(string Method, string PathAndQuery, int StatusCode);
