namespace Grievance.Twitter.Http;

public static partial class TwitterEndpoints
{
    /// <summary><c>GET /2/tweets/search/recent</c>.</summary>
    public const string SearchRecent = "tweets.search.recent";

    /// <summary><c>GET /2/users/me</c>.</summary>
    public const string UsersMe = "users.me";

    /// <summary><c>GET /2/users/by/username/:username</c>.</summary>
    public const string UserByUsername = "users.by.username";

    /// <summary><c>POST /2/dm_conversations/with/:participant_id/messages</c>.</summary>
    public const string SendDirectMessage = "dm.send";

    /// <summary><c>GET /2/dm_events</c>.</summary>
    public const string DirectMessageEvents = "dm.events";

    /// <summary><c>PUT /2/tweets/:id/hidden</c>.</summary>
    public const string HideReply = "tweets.hidden";

    /// <summary><c>GET</c> and <c>POST /2/tweets/search/stream/rules</c>.</summary>
    public const string StreamRules = "tweets.search.stream.rules";

    /// <summary><c>GET /2/tweets/search/stream</c>.</summary>
    public const string Stream = "tweets.search.stream";
}
