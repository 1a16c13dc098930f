using System.Globalization;
using System.Text.RegularExpressions;
using Grievance.Twitter.Testing.Internal;

namespace Grievance.Twitter.Testing;

/// <summary>
/// A fake X API v2 that speaks the real wire format: seeded posts through <c>GET /2/users/:id/mentions</c>, replies
/// through <c>POST /2/tweets</c>, rate-limit headers and 429s on a <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
public sealed partial class FakeXApi
{
    /// <summary>The base address to give the client; requests never leave the process.</summary>
    public static readonly Uri BaseAddress = new("https://api.x.com/");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeXUser> _usersById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeXUser> _usersByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _userTokens = new(StringComparer.Ordinal);
    private readonly List<FakeXPost> _posts = [];
    private readonly List<FakeXCreatedPost> _created = [];
    private readonly List<FakeXRequest> _requests = [];
    private readonly Queue<FakeXPartialError> _partialErrors = new();
    private ulong _nextId = 1_930_000_000_000_001_000;

    /// <summary>Initializes a new instance of the <see cref="FakeXApi"/> class.</summary>
    /// <param name="timeProvider">The clock for <c>created_at</c> defaults and rate-limit windows; the system clock when <see langword="null"/>.</param>
    public FakeXApi(TimeProvider? timeProvider = null)
    {
        Time = timeProvider ?? TimeProvider.System;
        Limits = new FakeXRateLimits(Time);
    }

    /// <summary>Gets the clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets or sets the app-only bearer token the fake accepts on reads.</summary>
    /// <value>The default value is <c>fake-app-bearer</c>.</value>
    public string AppBearerToken { get; set; } = "fake-app-bearer";

    /// <summary>Gets or sets how many mentions requests a 15-minute window allows per account.</summary>
    /// <value>The default value is 450, X's app limit.</value>
    public int MentionsRequestsPerWindow { get; set; } = 450;

    /// <summary>Gets or sets how many posts a 15-minute window allows per account.</summary>
    /// <value>The default value is 100.</value>
    public int PostsPerWindow { get; set; } = 100;

    /// <summary>Gets the posts created through <c>POST /2/tweets</c>, in order.</summary>
    public IReadOnlyList<FakeXCreatedPost> CreatedPosts
    {
        get
        {
            lock (_gate)
            {
                return [.. _created];
            }
        }
    }

    /// <summary>Gets every request received, in order.</summary>
    public IReadOnlyList<FakeXRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    internal FakeXRateLimits Limits { get; }

    /// <summary>Adds an account.</summary>
    /// <param name="id">The numeric user id.</param>
    /// <param name="username">The username without <c>@</c>.</param>
    /// <param name="name">The display name; the username when <see langword="null"/>.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">The id is not numeric, the username is not valid on X, or either is taken.</exception>
    public FakeXUser AddUser(string id, string username, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"'{id}' is not an X id (1-19 digits).", nameof(id));
        }

        username = username.TrimStart('@');
        if (!UsernamePattern().IsMatch(username))
        {
            throw new ArgumentException($"'{username}' is not an X username (1-20 letters, digits or underscores, as twitter-text extracts them).", nameof(username));
        }

        var user = new FakeXUser(id, username, name ?? username);
        lock (_gate)
        {
            if (_usersById.ContainsKey(id) || _usersByName.ContainsKey(username))
            {
                throw new ArgumentException($"The account {id} / @{username} already exists.", nameof(username));
            }

            _usersById[id] = user;
            _usersByName[username] = user;
        }

        return user;
    }

    /// <summary>Gets the user access token the fake accepts for posting as an account (issued on first use).</summary>
    /// <param name="userId">The account's user id.</param>
    /// <returns>The token.</returns>
    public string UserTokenFor(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var token = "fake-user-" + userId;
        lock (_gate)
        {
            _userTokens[token] = userId;
        }

        return token;
    }

    /// <summary>Adds a post by an account. Mentions are found in the text, as X finds them.</summary>
    /// <param name="authorId">The author's user id.</param>
    /// <param name="text">The full text, unescaped.</param>
    /// <param name="createdAt">When it was posted; now when <see langword="null"/>.</param>
    /// <param name="inReplyTo">The post it replies to (the conversation follows it).</param>
    /// <param name="lang">The language tag.</param>
    /// <param name="id">The id to use; the next id when <see langword="null"/>.</param>
    /// <returns>The post.</returns>
    /// <exception cref="ArgumentException">The author is unknown, the id is taken or malformed, or the replied post does not exist.</exception>
    public FakeXPost AddPost(string authorId, string text, DateTimeOffset? createdAt = null, string? inReplyTo = null, string? lang = null, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            if (!_usersById.ContainsKey(authorId))
            {
                throw new ArgumentException($"Unknown author {authorId}; add the user first.", nameof(authorId));
            }

            if (id is null)
            {
                id = NextIdLocked(createdAt ?? Time.GetUtcNow());
            }
            else if (!IdPattern().IsMatch(id) || !_usedIds.Add(ulong.Parse(id, CultureInfo.InvariantCulture)))
            {
                throw new ArgumentException($"The post id '{id}' is malformed or taken.", nameof(id));
            }

            var conversation = id;
            if (inReplyTo is not null)
            {
                conversation = _posts.Find(p => p.Id == inReplyTo)?.ConversationId
                    ?? throw new ArgumentException($"The post {inReplyTo} replied to does not exist.", nameof(inReplyTo));
            }

            var post = new FakeXPost
            {
                Id = id,
                AuthorId = authorId,
                Text = text,
                CreatedAt = createdAt ?? Time.GetUtcNow(),
                ConversationId = conversation,
                InReplyToId = inReplyTo,
                EditHistory = [id],
                Lang = lang,
                IndexedAt = (createdAt ?? Time.GetUtcNow()) + IndexingDelay,
            };
            _posts.Add(post);
            PublishLocked(post);
            return post;
        }
    }

    /// <summary>Delivers the same post again under a new id, as an edit: the edit history starts with the original id.</summary>
    /// <param name="originalId">The post edited.</param>
    /// <param name="newText">The edited text.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="ArgumentException">The post does not exist.</exception>
    public FakeXPost EditPost(string originalId, string newText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(originalId);
        ArgumentNullException.ThrowIfNull(newText);
        lock (_gate)
        {
            var original = _posts.Find(p => p.Id == originalId) ?? throw new ArgumentException($"Unknown post {originalId}.", nameof(originalId));
            var id = NextIdLocked();
            var edit = original with { Id = id, Text = newText, EditHistory = [.. original.EditHistory, id], CreatedAt = Time.GetUtcNow(), IndexedAt = Time.GetUtcNow() + IndexingDelay };
            _posts.Add(edit);
            PublishLocked(edit);
            return edit;
        }
    }

    /// <summary>Adds a retweet of a post by an account.</summary>
    /// <param name="authorId">The account that retweets.</param>
    /// <param name="originalId">The post retweeted.</param>
    /// <returns>The retweet.</returns>
    /// <exception cref="ArgumentException">The author or the post is unknown.</exception>
    public FakeXPost Retweet(string authorId, string originalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(originalId);
        lock (_gate)
        {
            var original = _posts.Find(p => p.Id == originalId) ?? throw new ArgumentException($"Unknown post {originalId}.", nameof(originalId));
            var originalAuthor = _usersById[original.AuthorId];
            if (!_usersById.ContainsKey(authorId))
            {
                throw new ArgumentException($"Unknown author {authorId}.", nameof(authorId));
            }

            var id = NextIdLocked();
            var retweet = new FakeXPost
            {
                Id = id,
                AuthorId = authorId,
                Text = $"RT @{originalAuthor.Username}: {original.Text}",
                CreatedAt = Time.GetUtcNow(),
                ConversationId = id,
                RetweetOfId = originalId,
                EditHistory = [id],
                Lang = original.Lang,
            };
            _posts.Add(retweet);
            PublishLocked(retweet);
            return retweet;
        }
    }

    /// <summary>Makes the next mentions response carry a partial error (HTTP 200 with <c>errors[]</c>), as X does for a referenced post that is gone.</summary>
    /// <param name="resourceId">The id of the missing resource.</param>
    public void AddPartialErrorToNextMentionsPage(string resourceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceId);
        lock (_gate)
        {
            _partialErrors.Enqueue(new FakeXPartialError(resourceId));
        }
    }

    /// <summary>Creates a handler that serves this fake; give it to the X client's <see cref="HttpClient"/>.</summary>
    /// <returns>A new handler over the shared state.</returns>
    public HttpMessageHandler CreateHandler() => new FakeXHandler(this);

    internal string NextIdLocked() => NextIdLocked(Time.GetUtcNow());

    internal T WithLock<T>(Func<FakeXState, T> action)
    {
        lock (_gate)
        {
            return action(new FakeXState(_usersById, _usersByName, _userTokens, _posts, _created, _requests, _partialErrors, this));
        }
    }

    [GeneratedRegex("^[0-9]{1,19}$")]
    internal static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_]{1,20}$")]
    internal static partial Regex UsernamePattern();
}
