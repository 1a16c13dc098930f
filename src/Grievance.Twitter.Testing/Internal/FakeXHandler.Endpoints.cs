using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>Recent search, users, direct messages, hiding replies and stream rules, in X's wire format.</summary>
internal sealed partial class FakeXHandler
{
    /// <summary>How far back recent search reaches.</summary>
    internal static readonly TimeSpan SearchWindow = TimeSpan.FromDays(7);

    private static HttpResponseMessage? MoreEndpoints(FakeXState state, string method, string[] segments, FakeXCaller caller, Dictionary<string, string> query, string? body) =>
        (method, segments) switch
        {
            ("GET", ["2", "tweets", "search", "recent"]) => SearchRecent(state, caller, query),
            ("GET", ["2", "users", "me"]) => UsersMe(state, caller),
            ("GET", ["2", "users", "by", "username", var username]) => UserByUsername(state, caller, username),
            ("POST", ["2", "dm_conversations", "with", var participant, "messages"]) => SendDirectMessage(state, caller, participant, body),
            ("GET", ["2", "dm_events"]) => DirectMessageEvents(state, caller, query),
            ("PUT", ["2", "tweets", var id, "hidden"]) => Hide(state, caller, id, body),
            ("GET", ["2", "tweets", "search", "stream", "rules"]) => GetRules(state, caller),
            ("POST", ["2", "tweets", "search", "stream", "rules"]) => ChangeRules(state, caller, body),
            ("GET", ["2", "tweets", "search", "stream"]) => Stream(state, caller, query),
            _ => null,
        };

    private static HttpResponseMessage SearchRecent(FakeXState state, FakeXCaller caller, Dictionary<string, string> query)
    {
        if (!IsAppOrUser(state, caller))
        {
            return Unauthorized();
        }

        if (!query.TryGetValue("query", out var text) || text.Length == 0)
        {
            return InvalidRequest("query", string.Empty, "The `query` query parameter can not be empty");
        }

        if (text.Length > 512)
        {
            return InvalidRequest("query", text, "The `query` query parameter value is longer than 512 characters");
        }

        var parsed = FakeQuery.TryParse(text, out var queryError);
        if (parsed is null)
        {
            return InvalidRequest("query", text, queryError!);
        }

        var maxResults = 10;
        if (query.TryGetValue("max_results", out var max) && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxResults) || maxResults is < 10 or > 100))
        {
            return InvalidRequest("max_results", max, $"The `max_results` query parameter value [{max}] is not between 10 and 100");
        }

        foreach (var name in new[] { "since_id", "until_id" })
        {
            if (query.TryGetValue(name, out var value) && !FakeXApi.IdPattern().IsMatch(value))
            {
                return InvalidRequest(name, value, $"The `{name}` query parameter value [{value}] does not match ^[0-9]{{1,19}}$");
            }
        }

        var now = state.Api.Time.GetUtcNow();
        var earliest = now - SearchWindow;
        var startTime = earliest;
        if (query.TryGetValue("start_time", out var start))
        {
            if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out startTime))
            {
                return InvalidRequest("start_time", start, $"The `start_time` query parameter value [{start}] is not a valid time");
            }

            if (startTime < earliest)
            {
                return InvalidRequest("start_time", start, $"Invalid 'start_time':'{start}'. 'start_time' must be on or after {earliest.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}");
            }
        }

        ulong? before = null;
        var pageToken = query.GetValueOrDefault("next_token") ?? query.GetValueOrDefault("pagination_token");
        if (pageToken is not null)
        {
            if (!pageToken.StartsWith('s') || !ulong.TryParse(pageToken.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var last))
            {
                return InvalidRequest("next_token", pageToken, $"The `next_token` query parameter value [{pageToken}] is not valid");
            }

            before = last;
        }

        var limit = state.Api.Limits.Take("search:" + (caller.UserId ?? "app"), state.Api.SearchRequestsPerWindow);
        if (!limit.Allowed)
        {
            return WithLimit(TooManyRequests(), limit);
        }

        var since = query.TryGetValue("since_id", out var s) ? ulong.Parse(s, CultureInfo.InvariantCulture) : 0UL;
        var until = query.TryGetValue("until_id", out var u) ? ulong.Parse(u, CultureInfo.InvariantCulture) : ulong.MaxValue;
        var matches = state.Posts
            .Where(p => FakeXApi.IsIndexed(p, now) && p.CreatedAt >= startTime && parsed.Matches(p, state))
            .Select(p => (Post: p, Id: ulong.Parse(p.Id, CultureInfo.InvariantCulture)))
            .Where(p => p.Id > since && p.Id < until && (before is null || p.Id < before))
            .OrderByDescending(p => p.Id)
            .Select(p => p.Post)
            .ToList();
        var page = matches.Take(maxResults).ToList();
        var nextToken = matches.Count > page.Count ? "s" + ulong.Parse(page[^1].Id, CultureInfo.InvariantCulture).ToString("x", CultureInfo.InvariantCulture) : null;
        return WithLimit(PostsPage(state, page, Set(query, "tweet.fields"), Set(query, "expansions"), nextToken, []), limit);
    }

    private static HttpResponseMessage UsersMe(FakeXState state, FakeXCaller caller)
    {
        if (UserOf(state, caller, out var userId) is { } refused)
        {
            return refused;
        }

        return state.UsersById.TryGetValue(userId, out var user) ? Json(HttpStatusCode.OK, w => WriteUser(w, "data", user)) : Unauthorized();
    }

    private static HttpResponseMessage UserByUsername(FakeXState state, FakeXCaller caller, string username)
    {
        if (!IsAppOrUser(state, caller))
        {
            return Unauthorized();
        }

        if (username.Length is 0 or > 15 || !username.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return InvalidRequest("username", username, $"The `username` query parameter value [{username}] does not match ^[A-Za-z0-9_]{{1,15}}$");
        }

        if (!state.UsersByName.TryGetValue(username, out var user))
        {
            return Json(HttpStatusCode.OK, w =>
            {
                w.WriteStartArray("errors");
                w.WriteStartObject();
                w.WriteString("value", username);
                w.WriteString("detail", $"Could not find user with username: [{username}].");
                w.WriteString("title", "Not Found Error");
                w.WriteString("resource_type", "user");
                w.WriteString("parameter", "username");
                w.WriteString("resource_id", username);
                w.WriteString("type", "https://api.x.com/2/problems/resource-not-found");
                w.WriteEndObject();
                w.WriteEndArray();
            });
        }

        return Json(HttpStatusCode.OK, w => WriteUser(w, "data", user));
    }

    private static HttpResponseMessage SendDirectMessage(FakeXState state, FakeXCaller caller, string participantId, string? body)
    {
        if (UserOf(state, caller, out var senderId) is { } refused)
        {
            return refused;
        }

        if (!FakeXApi.IdPattern().IsMatch(participantId))
        {
            return InvalidRequest("participant_id", participantId, $"The `participant_id` query parameter value [{participantId}] does not match ^[0-9]{{1,19}}$");
        }

        string? text;
        try
        {
            using var document = JsonDocument.Parse(body ?? string.Empty);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => p.Name is not ("text" or "attachments")))
            {
                return InvalidBody("The request body must be an object with text and/or attachments.");
            }

            text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return InvalidBody("The request body is not valid JSON.");
        }

        if (string.IsNullOrEmpty(text))
        {
            return InvalidBody("text is required when no attachments are given.");
        }

        if (!state.UsersById.ContainsKey(participantId) || state.Api.ClosedDirectMessagesLocked.Contains(participantId))
        {
            return Problem(HttpStatusCode.Forbidden, "Forbidden", "You cannot send messages to this user.", "about:blank");
        }

        var limit = state.Api.Limits.Take("dm:" + senderId, state.Api.DirectMessagesPerWindow);
        if (!limit.Allowed)
        {
            return WithLimit(TooManyRequests(), limit);
        }

        var message = state.Api.AddDirectMessageLocked(senderId, participantId, text);
        return WithLimit(Json(HttpStatusCode.Created, w =>
        {
            w.WriteStartObject("data");
            w.WriteString("dm_conversation_id", message.ConversationId);
            w.WriteString("dm_event_id", message.Id);
            w.WriteEndObject();
        }), limit);
    }

    private static HttpResponseMessage DirectMessageEvents(FakeXState state, FakeXCaller caller, Dictionary<string, string> query)
    {
        if (UserOf(state, caller, out var userId) is { } refused)
        {
            return refused;
        }

        var maxResults = 100;
        if (query.TryGetValue("max_results", out var max) && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxResults) || maxResults is < 1 or > 100))
        {
            return InvalidRequest("max_results", max, $"The `max_results` query parameter value [{max}] is not between 1 and 100");
        }

        ulong? before = null;
        if (query.TryGetValue("pagination_token", out var pageToken))
        {
            if (!pageToken.StartsWith("dmpage", StringComparison.Ordinal) || !ulong.TryParse(pageToken.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var last))
            {
                return InvalidRequest("pagination_token", pageToken, $"The `pagination_token` query parameter value [{pageToken}] is not valid");
            }

            before = last;
        }

        var fields = Set(query, "dm_event.fields");
        var events = state.Api.DirectMessagesLocked
            .Where(m => m.SenderId == userId || m.RecipientId == userId)
            .Select(m => (Message: m, Id: ulong.Parse(m.Id, CultureInfo.InvariantCulture)))
            .Where(m => before is null || m.Id < before)
            .OrderByDescending(m => m.Id)
            .Select(m => m.Message)
            .ToList();
        var page = events.Take(maxResults).ToList();
        var next = events.Count > page.Count ? "dmpage" + page[^1].Id.PadLeft(19, '0') : null;
        return Json(HttpStatusCode.OK, w =>
        {
            if (page.Count > 0)
            {
                w.WriteStartArray("data");
                foreach (var message in page)
                {
                    w.WriteStartObject();
                    w.WriteString("id", message.Id);
                    w.WriteString("event_type", "MessageCreate");
                    w.WriteString("text", message.Text);
                    if (fields.Contains("sender_id"))
                    {
                        w.WriteString("sender_id", message.SenderId);
                    }

                    if (fields.Contains("dm_conversation_id"))
                    {
                        w.WriteString("dm_conversation_id", message.ConversationId);
                    }

                    if (fields.Contains("created_at"))
                    {
                        w.WriteString("created_at", message.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("meta");
            w.WriteNumber("result_count", page.Count);
            if (next is not null)
            {
                w.WriteString("next_token", next);
            }

            w.WriteEndObject();
        });
    }

    private static HttpResponseMessage Hide(FakeXState state, FakeXCaller caller, string id, string? body)
    {
        if (UserOf(state, caller, out var userId) is { } refused)
        {
            return refused;
        }

        bool hidden;
        try
        {
            using var document = JsonDocument.Parse(body ?? string.Empty);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("hidden", out var h) || h.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return InvalidBody("hidden (a boolean) is required.");
            }

            hidden = h.GetBoolean();
        }
        catch (JsonException)
        {
            return InvalidBody("The request body is not valid JSON.");
        }

        var post = state.Posts.Find(p => p.Id == id);
        if (post is null)
        {
            return Problem(HttpStatusCode.NotFound, "Not Found Error", $"Could not find tweet with id: [{id}].", "https://api.x.com/2/problems/resource-not-found");
        }

        var root = state.Posts.Find(p => p.Id == post.ConversationId);
        if (post.InReplyToId is null || root is null || root.AuthorId != userId || post.AuthorId == userId)
        {
            return Problem(HttpStatusCode.Forbidden, "Forbidden", "You can only hide or unhide replies to conversations you authored.", "about:blank");
        }

        if (hidden)
        {
            state.Api.HiddenLocked.Add(id);
        }
        else
        {
            state.Api.HiddenLocked.Remove(id);
        }

        return Json(HttpStatusCode.OK, w =>
        {
            w.WriteStartObject("data");
            w.WriteBoolean("hidden", hidden);
            w.WriteEndObject();
        });
    }

    private static HttpResponseMessage GetRules(FakeXState state, FakeXCaller caller)
    {
        if (AppOnly(state, caller) is { } refused)
        {
            return refused;
        }

        var rules = state.Api.RulesLocked;
        return Json(HttpStatusCode.OK, w =>
        {
            if (rules.Count > 0)
            {
                w.WriteStartArray("data");
                foreach (var rule in rules)
                {
                    WriteRule(w, rule);
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("meta");
            w.WriteString("sent", Sent(state));
            w.WriteNumber("result_count", rules.Count);
            w.WriteEndObject();
        });
    }

    private static HttpResponseMessage ChangeRules(FakeXState state, FakeXCaller caller, string? body)
    {
        if (AppOnly(state, caller) is { } refused)
        {
            return refused;
        }

        var rules = state.Api.RulesLocked;
        try
        {
            using var document = JsonDocument.Parse(body ?? string.Empty);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("add", out var add) && add.ValueKind == JsonValueKind.Array)
            {
                var created = new List<FakeXStreamRule>();
                var duplicates = new List<string>();
                foreach (var item in add.EnumerateArray())
                {
                    var value = item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
                    var tag = item.TryGetProperty("tag", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    if (value.Length is 0 or > 1024 || FakeQuery.TryParse(value, out _) is null)
                    {
                        return InvalidBody($"The rule '{value}' is not valid.");
                    }

                    if (rules.Exists(r => r.Value == value))
                    {
                        duplicates.Add(value);
                        continue;
                    }

                    var rule = new FakeXStreamRule(state.Api.NextIdLocked(), value, tag);
                    rules.Add(rule);
                    created.Add(rule);
                }

                return Json(HttpStatusCode.OK, w =>
                {
                    if (created.Count > 0)
                    {
                        w.WriteStartArray("data");
                        foreach (var rule in created)
                        {
                            WriteRule(w, rule);
                        }

                        w.WriteEndArray();
                    }

                    if (duplicates.Count > 0)
                    {
                        w.WriteStartArray("errors");
                        foreach (var value in duplicates)
                        {
                            w.WriteStartObject();
                            w.WriteString("value", value);
                            w.WriteString("id", rules.Find(r => r.Value == value)!.Id);
                            w.WriteString("title", "DuplicateRule");
                            w.WriteString("type", "https://api.x.com/2/problems/duplicate-rules");
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteStartObject("meta");
                    w.WriteString("sent", Sent(state));
                    w.WriteStartObject("summary");
                    w.WriteNumber("created", created.Count);
                    w.WriteNumber("not_created", duplicates.Count);
                    w.WriteNumber("valid", created.Count + duplicates.Count);
                    w.WriteNumber("invalid", 0);
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("delete", out var delete) && delete.TryGetProperty("ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                var deleted = 0;
                var notDeleted = 0;
                foreach (var id in ids.EnumerateArray().Select(i => i.GetString()))
                {
                    if (rules.RemoveAll(r => r.Id == id) > 0)
                    {
                        deleted++;
                    }
                    else
                    {
                        notDeleted++;
                    }
                }

                return Json(HttpStatusCode.OK, w =>
                {
                    w.WriteStartObject("meta");
                    w.WriteString("sent", Sent(state));
                    w.WriteStartObject("summary");
                    w.WriteNumber("deleted", deleted);
                    w.WriteNumber("not_deleted", notDeleted);
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
            }
        }
        catch (JsonException)
        {
            return InvalidBody("The request body is not valid JSON.");
        }

        return InvalidBody("The body must hold either 'add' or 'delete'.");
    }

    private static string Sent(FakeXState state) =>
        state.Api.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteRule(Utf8JsonWriter w, FakeXStreamRule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("value", rule.Value);
        if (rule.Tag is not null)
        {
            w.WriteString("tag", rule.Tag);
        }

        w.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter w, string property, FakeXUser user)
    {
        w.WriteStartObject(property);
        w.WriteString("id", user.Id);
        w.WriteString("name", user.Name);
        w.WriteString("username", user.Username);
        w.WriteEndObject();
    }

    private static bool IsAppOrUser(FakeXState state, FakeXCaller caller) => caller.IsApp || caller.UserId is not null;

    /// <summary>Endpoints that act as a user: the app token is refused as X refuses it.</summary>
    private static HttpResponseMessage? UserOf(FakeXState state, FakeXCaller caller, out string userId)
    {
        userId = string.Empty;
        if (caller.IsApp)
        {
            return UnsupportedAppAuthentication();
        }

        if (caller.UserId is not { } id)
        {
            return Unauthorized();
        }

        userId = id;
        return null;
    }

    /// <summary>Stream and rules take only the app token.</summary>
    private static HttpResponseMessage? AppOnly(FakeXState state, FakeXCaller caller) =>
        caller.IsApp ? null
        : caller.UserId is not null
            ? Problem(HttpStatusCode.Forbidden, "Unsupported Authentication", "Authenticating with OAuth 2.0 User Context is forbidden for this endpoint. Supported authentication types are [OAuth 2.0 Application-Only].", "https://api.x.com/2/problems/unsupported-authentication")
            : Unauthorized();

    private static HttpResponseMessage UnsupportedAppAuthentication() =>
        Problem(HttpStatusCode.Forbidden, "Unsupported Authentication", "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint. Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].", "https://api.x.com/2/problems/unsupported-authentication");

    private static HttpResponseMessage TooManyRequests() => Json(HttpStatusCode.TooManyRequests, ProblemJson, w =>
    {
        w.WriteString("title", "Too Many Requests");
        w.WriteString("detail", "Too Many Requests");
        w.WriteString("type", "about:blank");
        w.WriteNumber("status", 429);
    });
}
