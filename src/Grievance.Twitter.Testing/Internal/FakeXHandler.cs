using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>Answers X API v2 requests from the fake's state, in X's wire format.</summary>
internal sealed partial class FakeXHandler(FakeXApi api) : HttpMessageHandler
{
    private const int MentionsWindow = 800;
    private const int LongPostThreshold = 280;

    /// <summary>X answers errors as RFC 7807 problems with this media type.</summary>
    private const string ProblemJson = "application/problem+json";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var query = ParseQuery(request.RequestUri?.Query);

        var isPost = request.Method == HttpMethod.Post;
        var fault = api.Faults.Next(isPost);
        var hang = false;
        var response = api.WithLock(state =>
        {
            var segments = path.Trim('/').Split('/');
            var caller = FakeXAuth.Authenticate(state, request, body);
            HttpResponseMessage Serve() => (request.Method.Method, segments) switch
            {
                ("GET", ["2", "users", var id, "mentions"]) => Mentions(state, caller, id, query),
                ("GET", ["2", "users", var id, "tweets"]) => UserPosts(state, caller, id, query),
                ("POST", ["2", "tweets"]) => CreateTweet(state, caller, body),
                ("POST", ["2", "oauth2", "token"]) => FakeXAuth.Token(state, request, body),
                _ => MoreEndpoints(state, request.Method.Method, segments, caller, query, body) ?? Problem(HttpStatusCode.NotFound, "Not Found Error", $"The fake serves no {request.Method} {path}.", "https://api.x.com/2/problems/resource-not-found"),
            };

            var result = fault is { } kind ? Faulted(state, kind, isPost, Serve, out hang) : Serve();
            state.Requests.Add(new FakeXRequest(request.Method.Method, request.RequestUri?.PathAndQuery ?? path, hang ? 0 : (int)result!.StatusCode));
            return result;
        });

        if (hang)
        {
            // The answer never comes: only the client's cancellation (its timeout) ends the request.
            api.Faults.AdvanceClockWhileHanging?.Invoke(api.Faults.HangClockAdvance);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }

        response!.RequestMessage = request;
        return response;
    }

    private static HttpResponseMessage Mentions(FakeXState state, FakeXCaller caller, string userId, Dictionary<string, string> query)
    {
        if (!caller.IsApp && caller.UserId is null)
        {
            return Unauthorized();
        }

        if (TimelineQuery(query, out var maxResults, out var before) is { } invalid)
        {
            return invalid;
        }

        var limit = state.Api.Limits.Take("mentions:" + userId, state.Api.MentionsRequestsPerWindow);
        if (!limit.Allowed)
        {
            return WithLimit(TooManyRequests(), limit);
        }

        var fields = Set(query, "tweet.fields");
        var expansions = Set(query, "expansions");
        if (!state.UsersById.TryGetValue(userId, out var user))
        {
            return WithLimit(Json(HttpStatusCode.OK, w =>
            {
                w.WriteStartArray("errors");
                WritePartialError(w, userId, "user", "id", $"Could not find user with id: [{userId}].");
                w.WriteEndArray();
            }), limit);
        }

        var since = query.TryGetValue("since_id", out var s) ? ulong.Parse(s, CultureInfo.InvariantCulture) : 0UL;
        var until = query.TryGetValue("until_id", out var u) ? ulong.Parse(u, CultureInfo.InvariantCulture) : ulong.MaxValue;
        var now = state.Api.Time.GetUtcNow();
        var window = state.Posts
            .Where(p => p.AuthorId != userId && FakeXApi.IsIndexed(p, now) && Mentions(p.Text, user.Username))
            .OrderByDescending(p => ulong.Parse(p.Id, CultureInfo.InvariantCulture))
            .Take(MentionsWindow)
            .Where(p => ulong.Parse(p.Id, CultureInfo.InvariantCulture) is var id && id > since && id < until && (before is null || id < before))
            .ToList();
        var page = window.Take(maxResults).ToList();
        var nextToken = window.Count > page.Count ? "p" + ulong.Parse(page[^1].Id, CultureInfo.InvariantCulture).ToString("x", CultureInfo.InvariantCulture) : null;
        var errors = new List<FakeXPartialError>();
        while (state.PartialErrors.TryDequeue(out var error))
        {
            errors.Add(error);
        }

        return WithLimit(PostsPage(state, page, fields, expansions, nextToken, errors), limit);
    }

    /// <summary>A page of posts as mentions and search answer it: data, includes.users, partial errors, meta.</summary>
    private static HttpResponseMessage PostsPage(FakeXState state, List<FakeXPost> page, HashSet<string> fields, HashSet<string> expansions, string? nextToken, List<FakeXPartialError> errors) => Json(HttpStatusCode.OK, w =>
    {
        if (page.Count > 0)
        {
            w.WriteStartArray("data");
            foreach (var post in page)
            {
                WritePost(w, post, fields, state);
            }

            w.WriteEndArray();
            if (expansions.Contains("author_id"))
            {
                w.WriteStartObject("includes");
                w.WriteStartArray("users");
                foreach (var author in page.Select(p => p.AuthorId).Distinct(StringComparer.Ordinal).Select(id => state.UsersById[id]))
                {
                    w.WriteStartObject();
                    w.WriteString("id", author.Id);
                    w.WriteString("name", author.Name);
                    w.WriteString("username", author.Username);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        if (errors.Count > 0)
        {
            w.WriteStartArray("errors");
            foreach (var error in errors)
            {
                WritePartialError(w, error.ResourceId, "tweet", "referenced_tweets.id", $"Could not find tweet with referenced_tweets.id: [{error.ResourceId}].");
            }

            w.WriteEndArray();
        }

        WritePostsMeta(w, page, nextToken);
});

    /// <summary>The <c>meta</c> object of a page of posts, newest first: count, newest and oldest id, next token.</summary>
    private static void WritePostsMeta(Utf8JsonWriter w, List<FakeXPost> page, string? nextToken)
    {
        w.WriteStartObject("meta");
        w.WriteNumber("result_count", page.Count);
        if (page.Count > 0)
        {
            w.WriteString("newest_id", page[0].Id);
            w.WriteString("oldest_id", page[^1].Id);
        }

        if (nextToken is not null)
        {
            w.WriteString("next_token", nextToken);
        }

        w.WriteEndObject();
    }

    private static HttpResponseMessage CreateTweet(FakeXState state, FakeXCaller caller, string? body)
    {
        if (caller.UserId is not { } authorId)
        {
            return caller.IsApp
                ? Problem(HttpStatusCode.Forbidden, "Unsupported Authentication", "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint. Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].", "https://api.x.com/2/problems/unsupported-authentication")
                : Unauthorized();
        }

        string? text;
        string? replyTo = null;
        try
        {
            using var document = JsonDocument.Parse(body ?? string.Empty);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InvalidBody("The request body must be a JSON object.");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("text" or "reply" or "media" or "quote_tweet_id" or "reply_settings" or "for_super_followers_only" or "poll" or "geo" or "direct_message_deep_link" or "nullcast"))
                {
                    return InvalidBody($"The request body has an unknown property '{property.Name}'.");
                }
            }

            text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (root.TryGetProperty("reply", out var reply))
            {
                if (reply.ValueKind != JsonValueKind.Object || !reply.TryGetProperty("in_reply_to_tweet_id", out var target) || target.ValueKind != JsonValueKind.String)
                {
                    return InvalidBody("reply.in_reply_to_tweet_id is required in reply.");
                }

                foreach (var property in reply.EnumerateObject())
                {
                    if (property.Name is not ("in_reply_to_tweet_id" or "exclude_reply_user_ids"))
                    {
                        return InvalidBody($"reply has an unknown property '{property.Name}'.");
                    }
                }

                replyTo = target.GetString();
            }
        }
        catch (JsonException)
        {
            return InvalidBody("The request body is not valid JSON.");
        }

        if (string.IsNullOrEmpty(text))
        {
            return InvalidBody("text is required when no media is given.");
        }

        var limit = state.Api.Limits.Take("tweets:" + authorId, state.Api.PostsPerWindow);
        if (!limit.Allowed)
        {
            return WithLimit(TooManyRequests(), limit);
        }

        var daily = state.Api.Limits.Take("tweets24:" + authorId, state.Api.PostsPer24Hours, TimeSpan.FromDays(1));
        if (!daily.Allowed)
        {
            return WithDailyLimit(WithLimit(TooManyRequests(), limit), daily, user: true);
        }

        if (replyTo is not null && !state.Posts.Exists(p => p.Id == replyTo))
        {
            return WithLimit(Problem(HttpStatusCode.Forbidden, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.", "about:blank"), limit);
        }

        if (state.Created.Exists(c => c.AuthorId == authorId && c.Text == text))
        {
            return WithLimit(Problem(HttpStatusCode.Forbidden, "Forbidden", "You are not allowed to create a Tweet with duplicate content.", "about:blank"), limit);
        }

        var id = state.Api.NextIdLocked();
        var conversation = replyTo is null ? id : state.Posts.Find(p => p.Id == replyTo)!.ConversationId;
        state.Posts.Add(new FakeXPost
        {
            Id = id,
            AuthorId = authorId,
            Text = text,
            CreatedAt = state.Api.Time.GetUtcNow(),
            ConversationId = conversation,
            InReplyToId = replyTo,
            EditHistory = [id],
        });
        state.Api.PublishLocked(state.Posts[^1]);
        state.Created.Add(new FakeXCreatedPost { Id = id, AuthorId = authorId, Text = text, InReplyToId = replyTo, RequestBody = body! });

        return WithDailyLimit(WithLimit(Json(HttpStatusCode.Created, w =>
        {
            w.WriteStartObject("data");
            w.WriteString("id", id);
            w.WriteString("text", text);
            w.WriteStartArray("edit_history_tweet_ids");
            w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
        }), limit), daily, user: true);
    }

    internal static void WritePost(Utf8JsonWriter w, FakeXPost post, HashSet<string> fields, FakeXState state)
    {
        var isLong = FakeEntities.CodePoints(post.Text, post.Text.Length) > LongPostThreshold;
        var shown = isLong ? FakeEntities.Prefix(post.Text, LongPostThreshold - 1) + "…" : post.Text;

        w.WriteStartObject();
        w.WriteString("id", post.Id);
        w.WriteString("text", FakeEntities.Escape(shown));
        w.WriteStartArray("edit_history_tweet_ids");
        foreach (var id in post.EditHistory)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        if (fields.Contains("author_id"))
        {
            w.WriteString("author_id", post.AuthorId);
        }

        if (fields.Contains("created_at"))
        {
            w.WriteString("created_at", post.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (fields.Contains("conversation_id"))
        {
            w.WriteString("conversation_id", post.ConversationId);
        }

        if (fields.Contains("lang") && post.Lang is not null)
        {
            w.WriteString("lang", post.Lang);
        }

        if (post.InReplyToId is not null && fields.Contains("in_reply_to_user_id") && state.Posts.Find(p => p.Id == post.InReplyToId) is { } parent)
        {
            w.WriteString("in_reply_to_user_id", parent.AuthorId);
        }

        if (fields.Contains("referenced_tweets") && (post.InReplyToId is not null || post.RetweetOfId is not null))
        {
            w.WriteStartArray("referenced_tweets");
            w.WriteStartObject();
            w.WriteString("type", post.RetweetOfId is not null ? "retweeted" : "replied_to");
            w.WriteString("id", post.RetweetOfId ?? post.InReplyToId);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (fields.Contains("entities"))
        {
            WriteEntities(w, shown, state);
        }

        if (isLong && fields.Contains("note_tweet"))
        {
            w.WriteStartObject("note_tweet");
            w.WriteString("text", FakeEntities.Escape(post.Text));
            WriteEntities(w, post.Text, state);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter w, string text, FakeXState state)
    {
        var entities = FakeEntities.Find(text);
        if (entities.Count == 0)
        {
            return;
        }

        w.WriteStartObject("entities");
        foreach (var (kind, property) in new[] { ("mention", "mentions"), ("hashtag", "hashtags"), ("url", "urls") })
        {
            var ofKind = entities.Where(e => e.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            w.WriteStartArray(property);
            foreach (var entity in ofKind)
            {
                w.WriteStartObject();
                w.WriteNumber("start", entity.Start);
                w.WriteNumber("end", entity.End);
                switch (kind)
                {
                    case "mention":
                        var known = state.UsersByName.GetValueOrDefault(entity.Value);
                        w.WriteString("username", known?.Username ?? entity.Value);
                        if (known is not null)
                        {
                            w.WriteString("id", known.Id);
                        }

                        break;
                    case "hashtag":
                        w.WriteString("tag", entity.Value);
                        break;
                    default:
                        w.WriteString("url", entity.Value);
                        w.WriteString("expanded_url", entity.Value);
                        w.WriteString("display_url", entity.Value.Replace("https://", string.Empty, StringComparison.Ordinal));
                        break;
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static bool Mentions(string text, string username) =>
        FakeEntities.Find(text).Exists(e => e.Kind == "mention" && string.Equals(e.Value, username, StringComparison.OrdinalIgnoreCase));

    private static void WritePartialError(Utf8JsonWriter w, string value, string resourceType, string parameter, string detail)
    {
        w.WriteStartObject();
        w.WriteString("value", value);
        w.WriteString("detail", detail);
        w.WriteString("title", "Not Found Error");
        w.WriteString("resource_type", resourceType);
        w.WriteString("parameter", parameter);
        w.WriteString("resource_id", value);
        w.WriteString("type", "https://api.x.com/2/problems/resource-not-found");
        w.WriteEndObject();
    }

    internal static HttpResponseMessage Unauthorized() =>
        Problem(HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized", "about:blank");

    private static HttpResponseMessage InvalidBody(string message) =>
        Problem(HttpStatusCode.BadRequest, "Invalid Request", "One or more parameters to your request was invalid. " + message, "https://api.x.com/2/problems/invalid-request");

    internal static HttpResponseMessage InvalidRequest(string parameter, string value, string message) => Json(HttpStatusCode.BadRequest, ProblemJson, w =>
    {
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteStartObject("parameters");
        w.WriteStartArray(parameter);
        w.WriteStringValue(value);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("title", "Invalid Request");
        w.WriteString("detail", "One or more parameters to your request was invalid.");
        w.WriteString("type", "https://api.x.com/2/problems/invalid-request");
    });

    internal static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, string type) => Json(status, ProblemJson, w =>
    {
        w.WriteString("title", title);
        w.WriteString("detail", detail);
        w.WriteString("type", type);
        w.WriteNumber("status", (int)status);
    });

    internal static HttpResponseMessage Json(HttpStatusCode status, Action<Utf8JsonWriter> write) => Json(status, "application/json", write);

    internal static HttpResponseMessage Json(HttpStatusCode status, string mediaType, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return new HttpResponseMessage(status)
        {
            Content = new StringContent(Encoding.UTF8.GetString(stream.ToArray()), Encoding.UTF8, mediaType),
        };
    }

    internal static HttpResponseMessage WithLimit(HttpResponseMessage response, (bool Allowed, int Limit, int Remaining, DateTimeOffset Reset) limit)
    {
        response.Headers.Add("x-rate-limit-limit", limit.Limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("x-rate-limit-remaining", limit.Remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("x-rate-limit-reset", limit.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return response;
    }

    internal static HashSet<string> Set(Dictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var value) ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];

    private static Dictionary<string, string> ParseQuery(string? query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (query ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            result[key] = value;
        }

        return result;
    }

    /// <summary>The paging parameters the user timelines share (mentions, an account's posts), checked as X checks them.</summary>
    private static HttpResponseMessage? TimelineQuery(Dictionary<string, string> query, out int maxResults, out ulong? before)
    {
        maxResults = 10;
        before = null;
        if (query.TryGetValue("max_results", out var max) && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out maxResults) || maxResults is < 5 or > 100))
        {
            return InvalidRequest("max_results", max, $"The `max_results` query parameter value [{max}] is not between 5 and 100");
        }

        foreach (var name in new[] { "since_id", "until_id" })
        {
            if (query.TryGetValue(name, out var value) && !FakeXApi.IdPattern().IsMatch(value))
            {
                return InvalidRequest(name, value, $"The `{name}` query parameter value [{value}] does not match ^[0-9]{{1,19}}$");
            }
        }

        if (query.TryGetValue("pagination_token", out var pageToken))
        {
            if (!pageToken.StartsWith('p') || !ulong.TryParse(pageToken.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var last))
            {
                return InvalidRequest("pagination_token", pageToken, $"The `pagination_token` query parameter value [{pageToken}] is not valid");
            }

            before = last;
        }

        return null;
    }
}
