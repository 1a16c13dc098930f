using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grievance.Twitter.Http.Internal.Dto;

/// <summary>
/// Reads a post's <c>entities</c> (most of the objects on a page of posts) in one pass of the reader instead of the
/// serializer's per-object machinery; same shape and result as the generated reader. Unknown properties (X adds
/// <c>annotations</c>, <c>unwound_url</c>, <c>images</c> and more) are skipped, null entries are left out.
/// </summary>
internal sealed class EntitiesDtoConverter : JsonConverter<EntitiesDto>
{
    public override EntitiesDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ExpectStartObject(ref reader);
        var entities = new EntitiesDto();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("mentions"u8))
            {
                entities.Mentions = ReadArray(ref reader, ReadMention);
            }
            else if (reader.ValueTextEquals("hashtags"u8))
            {
                entities.Hashtags = ReadArray(ref reader, ReadTag);
            }
            else if (reader.ValueTextEquals("cashtags"u8))
            {
                entities.Cashtags = ReadArray(ref reader, ReadTag);
            }
            else if (reader.ValueTextEquals("urls"u8))
            {
                entities.Urls = ReadArray(ref reader, ReadUrl);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return entities;
    }

    public override void Write(Utf8JsonWriter writer, EntitiesDto value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteArray(writer, "mentions", value.Mentions, (w, m) =>
        {
            WriteRange(w, m.Start, m.End);
            WriteIfNotNull(w, "username", m.Username);
            WriteIfNotNull(w, "id", m.Id);
        });
        WriteArray(writer, "hashtags", value.Hashtags, (w, t) => WriteTag(w, t));
        WriteArray(writer, "cashtags", value.Cashtags, (w, t) => WriteTag(w, t));
        WriteArray(writer, "urls", value.Urls, (w, u) =>
        {
            WriteRange(w, u.Start, u.End);
            WriteIfNotNull(w, "url", u.Url);
            WriteIfNotNull(w, "expanded_url", u.ExpandedUrl);
            WriteIfNotNull(w, "display_url", u.DisplayUrl);
        });
        writer.WriteEndObject();
    }

    private delegate T ReadItem<T>(ref Utf8JsonReader reader);

    private static List<T>? ReadArray<T>(ref Utf8JsonReader reader, ReadItem<T> readItem)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of entities, found {reader.TokenType}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                items.Add(readItem(ref reader));
            }
        }

        return items;
    }

    private static MentionDto ReadMention(ref Utf8JsonReader reader)
    {
        ExpectStartObject(ref reader);
        var mention = new MentionDto();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8))
            {
                mention.Start = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                mention.End = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("username"u8))
            {
                mention.Username = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                mention.Id = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return mention;
    }

    private static TagDto ReadTag(ref Utf8JsonReader reader)
    {
        ExpectStartObject(ref reader);
        var tag = new TagDto();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8))
            {
                tag.Start = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                tag.End = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("tag"u8))
            {
                tag.Tag = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return tag;
    }

    private static UrlDto ReadUrl(ref Utf8JsonReader reader)
    {
        ExpectStartObject(ref reader);
        var url = new UrlDto();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8))
            {
                url.Start = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                url.End = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                url.Url = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("expanded_url"u8))
            {
                url.ExpandedUrl = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("display_url"u8))
            {
                url.DisplayUrl = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return url;
    }

    private static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an entity object, found {reader.TokenType}.");
        }
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
        {
            throw new JsonException($"Expected an entity offset (a 32-bit integer), found {reader.TokenType}.");
        }

        return value;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
        };
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, List<T>? items, Action<Utf8JsonWriter, T> writeBody)
    {
        if (items is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writeBody(writer, item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTag(Utf8JsonWriter writer, TagDto tag)
    {
        WriteRange(writer, tag.Start, tag.End);
        WriteIfNotNull(writer, "tag", tag.Tag);
    }

    private static void WriteRange(Utf8JsonWriter writer, int start, int end)
    {
        writer.WriteNumber("start", start);
        writer.WriteNumber("end", end);
    }

    private static void WriteIfNotNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
