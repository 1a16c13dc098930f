namespace Grievance.Twitter.Http;

public partial interface ITwitterApiClient
{
    /// <summary>
    /// Sends a direct message from a desk account (<c>POST /2/dm_conversations/with/:participant_id/messages</c>), to ask
    /// a citizen for personal details privately. Never retried automatically: a failed send may still have been delivered.
    /// </summary>
    /// <param name="participantId">The citizen's numeric user id.</param>
    /// <param name="text">The message text.</param>
    /// <param name="fromAccount">The desk account (username) to send from; its own token is used when configured.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The ids of the conversation and of the message event.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is empty, or the participant id is not numeric.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error (403 when the citizen does not accept messages from the desk).</exception>
    Task<DirectMessageSent> SendDirectMessageAsync(string participantId, string text, string? fromAccount = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a desk account's direct-message events (<c>GET /2/dm_events</c>), newest first.</summary>
    /// <param name="query">The account and page.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The page size is outside 1 to 100.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error.</exception>
    Task<DirectMessageEventsPage> GetDirectMessageEventsAsync(DirectMessageEventsQuery query, CancellationToken cancellationToken = default);
}

/// <summary>The ids X gave a sent direct message.</summary>
/// <param name="ConversationId">The one-to-one conversation's id.</param>
/// <param name="EventId">The message event's id.</param>
public sealed record DirectMessageSent(string ConversationId, string EventId);

/// <summary>What to read from a desk account's direct messages.</summary>
public sealed record DirectMessageEventsQuery
{
    /// <summary>Gets the desk account (username) whose messages to read; the default user token when <see langword="null"/>.</summary>
    public string? Account { get; init; }

    /// <summary>Gets the page token from the previous page's <see cref="DirectMessageEventsPage.NextToken"/>.</summary>
    public string? PaginationToken { get; init; }

    /// <summary>Gets the page size, 1 to 100.</summary>
    public int MaxResults { get; init; } = 100;
}

/// <summary>One page of direct-message events.</summary>
public sealed record DirectMessageEventsPage
{
    /// <summary>Gets the events, newest first.</summary>
    public required IReadOnlyList<DirectMessageEvent> Events { get; init; }

    /// <summary>Gets the token of the next (older) page, or <see langword="null"/> on the last page.</summary>
    public string? NextToken { get; init; }
}

/// <summary>A direct-message event. Its text is personal data: never log it.</summary>
public sealed record DirectMessageEvent
{
    /// <summary>Gets the event id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the kind of event: <c>MessageCreate</c>, <c>ParticipantsJoin</c> or <c>ParticipantsLeave</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the text of a message, when the event is one.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the sender's user id, when X gave it.</summary>
    public string? SenderId { get; init; }

    /// <summary>Gets the conversation id, when X gave it.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Gets when the event happened, when X gave it.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
