using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>Writes posts in the v1.1 format Account Activity deliveries use.</summary>
internal static class FakeWebhookWriter
{
    private const int ClassicLength = 140;

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static void WriteV1Tweet(Utf8JsonWriter w, FakeXPost post, FakeXState state, bool includeEditHistory)
    {
        var author = state.UsersById[post.AuthorId];
        var isLong = FakeEntities.CodePoints(post.Text, post.Text.Length) > ClassicLength;
        var shown = isLong ? FakeEntities.Prefix(post.Text, ClassicLength - 1) + "…" : post.Text;

        w.WriteStartObject();
        w.WriteString("created_at", post.CreatedAt.UtcDateTime.ToString("ddd MMM dd HH:mm:ss '+0000' yyyy", CultureInfo.InvariantCulture));
        w.WriteNumber("id", ulong.Parse(post.Id, CultureInfo.InvariantCulture));
        w.WriteString("id_str", post.Id);
        w.WriteString("text", FakeEntities.Escape(shown));
        w.WriteBoolean("truncated", isLong);
        var parent = post.InReplyToId is null ? null : state.Posts.Find(p => p.Id == post.InReplyToId);
        if (parent is not null)
        {
            w.WriteString("in_reply_to_status_id_str", parent.Id);
            w.WriteString("in_reply_to_user_id_str", parent.AuthorId);
            w.WriteString("in_reply_to_screen_name", state.UsersById[parent.AuthorId].Username);
        }
        else
        {
            w.WriteNull("in_reply_to_status_id_str");
            w.WriteNull("in_reply_to_user_id_str");
        }

        if (post.Lang is not null)
        {
            w.WriteString("lang", post.Lang);
        }

        w.WriteStartObject("user");
        w.WriteNumber("id", ulong.Parse(author.Id, CultureInfo.InvariantCulture));
        w.WriteString("id_str", author.Id);
        w.WriteString("name", author.Name);
        w.WriteString("screen_name", author.Username);
        w.WriteEndObject();

        WriteEntities(w, shown, state);
        if (isLong)
        {
            w.WriteStartObject("extended_tweet");
            w.WriteString("full_text", FakeEntities.Escape(post.Text));
            w.WriteStartArray("display_text_range");
            w.WriteNumberValue(0);
            w.WriteNumberValue(FakeEntities.CodePoints(post.Text, post.Text.Length));
            w.WriteEndArray();
            WriteEntities(w, post.Text, state);
            w.WriteEndObject();
        }

        if (post.RetweetOfId is not null && state.Posts.Find(p => p.Id == post.RetweetOfId) is { } original)
        {
            w.WritePropertyName("retweeted_status");
            WriteV1Tweet(w, original, state, includeEditHistory);
        }

        if (includeEditHistory)
        {
            w.WriteStartObject("edit_history");
            w.WriteString("initial_tweet_id", post.EditHistory.Count > 0 ? post.EditHistory[0] : post.Id);
            w.WriteStartArray("edit_tweet_ids");
            foreach (var id in post.EditHistory.Count > 0 ? post.EditHistory : [post.Id])
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter w, string text, FakeXState state)
    {
        var entities = FakeEntities.Find(text);
        w.WriteStartObject("entities");
        w.WriteStartArray("hashtags");
        foreach (var e in entities.Where(e => e.Kind == "hashtag"))
        {
            w.WriteStartObject();
            w.WriteString("text", e.Value);
            Indices(w, e.Start, e.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("urls");
        foreach (var e in entities.Where(e => e.Kind == "url"))
        {
            w.WriteStartObject();
            w.WriteString("url", e.Value);
            w.WriteString("expanded_url", e.Value);
            w.WriteString("display_url", e.Value.Replace("https://", string.Empty, StringComparison.Ordinal));
            Indices(w, e.Start, e.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("user_mentions");
        foreach (var e in entities.Where(e => e.Kind == "mention"))
        {
            var known = state.UsersByName.GetValueOrDefault(e.Value);
            w.WriteStartObject();
            if (known is not null)
            {
                w.WriteNumber("id", ulong.Parse(known.Id, CultureInfo.InvariantCulture));
                w.WriteString("id_str", known.Id);
                w.WriteString("name", known.Name);
            }

            w.WriteString("screen_name", known?.Username ?? e.Value);
            Indices(w, e.Start, e.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("symbols");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Indices(Utf8JsonWriter w, int start, int end)
    {
        w.WriteStartArray("indices");
        w.WriteNumberValue(start);
        w.WriteNumberValue(end);
        w.WriteEndArray();
    }
}
