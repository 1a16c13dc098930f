using System.Globalization;
using System.Net;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>Injected faults, the 24-hour headers and an account's own posts (<c>GET /2/users/:id/tweets</c>).</summary>
internal sealed partial class FakeXHandler
{
    private const int UserPostsWindow = 3200;

    /// <summary>Serves a fault in X's wire format. <paramref name="hang"/> tells the caller to hold the response until cancelled.</summary>
    private static HttpResponseMessage? Faulted(FakeXState state, FakeXFaultKind kind, bool isPost, Func<HttpResponseMessage> serve, out bool hang)
    {
        hang = false;
        var faults = state.Api.Faults;
        var now = state.Api.Time.GetUtcNow();
        var windowLimit = isPost ? state.Api.PostsPerWindow : state.Api.MentionsRequestsPerWindow;
        switch (kind)
        {
            case FakeXFaultKind.RateLimited:
                return WithLimit(TooManyRequests(), (false, windowLimit, 0, now + faults.RateLimitResetAfter));

            case FakeXFaultKind.DailyCapReached:
                var dailyLimit = isPost ? state.Api.PostsPer24Hours : state.Api.MentionsRequestsPerWindow * 96;
                return WithDailyLimit(WithLimit(TooManyRequests(), (true, windowLimit, windowLimit - 1, now + TimeSpan.FromMinutes(15))), (false, dailyLimit, 0, now + TimeSpan.FromDays(1)), user: isPost);

            case FakeXFaultKind.UsageCapped:
                // As X answers a spent monthly product cap; it does not clear at the window's reset.
                return WithLimit(Json(HttpStatusCode.TooManyRequests, ProblemJson, w =>
                {
                    w.WriteString("account_id", "1400000000000000000");
                    w.WriteString("product_name", "standard-basic");
                    w.WriteString("title", "UsageCapExceeded");
                    w.WriteString("period", "Monthly");
                    w.WriteString("scope", "Product");
                    w.WriteString("detail", "Usage cap exceeded: Monthly product cap");
                    w.WriteString("type", "https://api.twitter.com/2/problems/usage-capped");
                }), (true, windowLimit, windowLimit - 1, now + TimeSpan.FromMinutes(15)));

            case FakeXFaultKind.ServerError:
                return Problem(HttpStatusCode.InternalServerError, "Internal Server Error", "Internal Server Error", "about:blank");

            case FakeXFaultKind.ServiceUnavailable:
                return Problem(HttpStatusCode.ServiceUnavailable, "Service Unavailable", "Service Unavailable", "about:blank");

            case FakeXFaultKind.TimeoutAfterPosting when isPost:
                using (serve())
                {
                    hang = true;
                    return null;
                }

            case FakeXFaultKind.DuplicateContent when isPost:
                var created = serve();
                if (created.StatusCode != HttpStatusCode.Created)
                {
                    return created;
                }

                created.Dispose();
                return DuplicateContent();

            default:
                hang = true;
                return null;
        }
    }

    /// <summary>X's 403 for a post whose text the account already posted, byte for byte as X sends it.</summary>
    internal static HttpResponseMessage DuplicateContent() => new(HttpStatusCode.Forbidden)
    {
        Content = new StringContent(
            """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""",
            System.Text.Encoding.UTF8,
            ProblemJson),
    };

    private static HttpResponseMessage WithDailyLimit(HttpResponseMessage response, (bool Allowed, int Limit, int Remaining, DateTimeOffset Reset) limit, bool user)
    {
        var prefix = user ? "x-user-limit-24hour-" : "x-app-limit-24hour-";
        response.Headers.Add(prefix + "limit", limit.Limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(prefix + "remaining", limit.Remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(prefix + "reset", limit.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary><c>GET /2/users/:id/tweets</c>: the account's own posts (replies included), newest first, the 3,200 newest at most.</summary>
    private static HttpResponseMessage UserPosts(FakeXState state, FakeXCaller caller, string userId, Dictionary<string, string> query)
    {
        if (!IsAppOrUser(state, caller))
        {
            return Unauthorized();
        }

        if (TimelineQuery(query, out var maxResults, out var before) is { } invalid)
        {
            return invalid;
        }

        var limit = state.Api.Limits.Take("usertweets:" + userId, state.Api.UserPostsRequestsPerWindow);
        if (!limit.Allowed)
        {
            return WithLimit(TooManyRequests(), limit);
        }

        var fields = Set(query, "tweet.fields");
        var since = query.TryGetValue("since_id", out var s) ? ulong.Parse(s, CultureInfo.InvariantCulture) : 0UL;
        var until = query.TryGetValue("until_id", out var u) ? ulong.Parse(u, CultureInfo.InvariantCulture) : ulong.MaxValue;
        var window = state.Posts
            .Where(p => p.AuthorId == userId)
            .OrderByDescending(p => ulong.Parse(p.Id, CultureInfo.InvariantCulture))
            .Take(UserPostsWindow)
            .Where(p => ulong.Parse(p.Id, CultureInfo.InvariantCulture) is var id && id > since && id < until && (before is null || id < before))
            .ToList();
        var page = window.Take(maxResults).ToList();
        var nextToken = window.Count > page.Count ? "p" + ulong.Parse(page[^1].Id, CultureInfo.InvariantCulture).ToString("x", CultureInfo.InvariantCulture) : null;
        return WithLimit(Json(HttpStatusCode.OK, w =>
        {
            if (page.Count > 0)
            {
                w.WriteStartArray("data");
                foreach (var post in page)
                {
                    WritePost(w, post, fields, state);
                }

                w.WriteEndArray();
            }

            WritePostsMeta(w, page, nextToken);
        }), limit);
    }
}
