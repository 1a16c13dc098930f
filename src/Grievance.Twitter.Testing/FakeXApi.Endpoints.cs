namespace Grievance.Twitter.Testing;

/// <summary>Direct messages, hidden replies and filtered-stream rules held by the fake.</summary>
public sealed partial class FakeXApi
{
    private readonly List<FakeXDirectMessage> _directMessages = [];
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private readonly List<FakeXStreamRule> _rules = [];
    private readonly HashSet<string> _closedDirectMessages = new(StringComparer.Ordinal);

    /// <summary>Gets every direct message, oldest first: those sent through the API and those added by the test.</summary>
    public IReadOnlyList<FakeXDirectMessage> DirectMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _directMessages];
            }
        }
    }

    /// <summary>Gets the ids of the replies hidden through <c>PUT /2/tweets/:id/hidden</c>.</summary>
    public IReadOnlyCollection<string> HiddenReplies
    {
        get
        {
            lock (_gate)
            {
                return [.. _hidden];
            }
        }
    }

    /// <summary>Gets the filtered stream's rules.</summary>
    public IReadOnlyList<FakeXStreamRule> StreamRules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Adds a direct message from one account to another, as a citizen writing to a desk.</summary>
    /// <param name="senderId">The sender's user id.</param>
    /// <param name="recipientId">The recipient's user id.</param>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException">An account is unknown or the text is empty.</exception>
    public FakeXDirectMessage AddDirectMessage(string senderId, string recipientId, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        lock (_gate)
        {
            if (!_usersById.ContainsKey(senderId) || !_usersById.ContainsKey(recipientId))
            {
                throw new ArgumentException("Both accounts must exist; add the users first.", nameof(senderId));
            }

            return AddDirectMessageLocked(senderId, recipientId, text);
        }
    }

    /// <summary>Makes a user refuse direct messages (X answers 403 to senders), as a citizen who does not follow the desk and keeps messages closed.</summary>
    /// <param name="userId">The user's id.</param>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty.</exception>
    public void CloseDirectMessages(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        lock (_gate)
        {
            _closedDirectMessages.Add(userId);
        }
    }

    internal HashSet<string> ClosedDirectMessagesLocked => _closedDirectMessages;

    internal List<FakeXDirectMessage> DirectMessagesLocked => _directMessages;

    internal HashSet<string> HiddenLocked => _hidden;

    internal List<FakeXStreamRule> RulesLocked => _rules;

    internal FakeXDirectMessage AddDirectMessageLocked(string senderId, string recipientId, string text)
    {
        var ids = new[] { ulong.Parse(senderId, System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(recipientId, System.Globalization.CultureInfo.InvariantCulture) };
        Array.Sort(ids);
        var message = new FakeXDirectMessage
        {
            Id = NextIdLocked(),
            ConversationId = $"{ids[0]}-{ids[1]}",
            SenderId = senderId,
            RecipientId = recipientId,
            Text = text,
            CreatedAt = Time.GetUtcNow(),
        };
        _directMessages.Add(message);
        return message;
    }

    internal static bool IsIndexed(FakeXPost post, DateTimeOffset now) => post.IndexedAt is not { } at || at <= now;
}

/// <summary>A direct message held by the fake.</summary>
public sealed record FakeXDirectMessage
{
    /// <summary>Gets the message event's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the one-to-one conversation's id (the two user ids, smaller first, joined by <c>-</c>).</summary>
    public required string ConversationId { get; init; }

    /// <summary>Gets the sender's user id.</summary>
    public required string SenderId { get; init; }

    /// <summary>Gets the recipient's user id.</summary>
    public required string RecipientId { get; init; }

    /// <summary>Gets the text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets when it was sent.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A filtered-stream rule held by the fake.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Value">The rule, in the filter language the fake understands.</param>
/// <param name="Tag">The tag, when any.</param>
public sealed record FakeXStreamRule(string Id, string Value, string? Tag);
