using System.Net;
using System.Text.Json;

namespace Grievance.Twitter.Testing.Internal;

internal sealed partial class FakeXHandler
{
    /// <summary>One stream line: the post, its author, the rules it matched, and <c>\r\n</c>.</summary>
    internal static byte[] StreamLine(FakeXState state, FakeXPost post, HashSet<string> fields, HashSet<string> expansions, List<FakeXStreamRule> rules)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WritePropertyName("data");
            WritePost(w, post, fields, state);
            if (expansions.Contains("author_id") && state.UsersById.TryGetValue(post.AuthorId, out var author))
            {
                w.WriteStartObject("includes");
                w.WriteStartArray("users");
                w.WriteStartObject();
                w.WriteString("id", author.Id);
                w.WriteString("name", author.Name);
                w.WriteString("username", author.Username);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteStartArray("matching_rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                if (rule.Tag is not null)
                {
                    w.WriteString("tag", rule.Tag);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return [.. stream.ToArray(), .. "\r\n"u8];
    }

    private static HttpResponseMessage Stream(FakeXState state, FakeXCaller caller, Dictionary<string, string> query)
    {
        if (AppOnly(state, caller) is { } refused)
        {
            return refused;
        }

        var now = state.Api.Time.GetUtcNow();
        if (state.Api.StreamFailuresLocked.TryDequeue(out var failure))
        {
            state.Api.StreamAttemptsLocked.Add(new FakeXStreamAttempt(now, (int)failure));
            return failure == HttpStatusCode.TooManyRequests
                ? TooManyRequests()
                : Problem(failure, "Service Unavailable", "The fake X failed the stream connection on purpose.", "about:blank");
        }

        if (state.Api.HasOpenStreamLocked)
        {
            state.Api.StreamAttemptsLocked.Add(new FakeXStreamAttempt(now, 429));
            return Problem(HttpStatusCode.TooManyRequests, "ConnectionException", "This stream is currently at the maximum allowed connection limit.", "https://api.x.com/2/problems/streaming-connection");
        }

        state.Api.StreamAttemptsLocked.Add(new FakeXStreamAttempt(now, 200));
        var connection = state.Api.OpenStreamLocked(Set(query, "tweet.fields"), Set(query, "expansions"));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = connection.CreateContent() };
    }
}
