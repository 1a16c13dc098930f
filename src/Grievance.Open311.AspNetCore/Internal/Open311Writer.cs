using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Grievance.Open311.Internal;

/// <summary>The response formats of GeoReport v2.</summary>
internal enum Open311Format
{
    Json,
    Xml,
}

/// <summary>
/// Writes GeoReport v2 documents in JSON (arrays of objects) or XML (a root element of repeated elements, UTF-8 with the
/// declaration, no namespace), the same fields in the same order. Unknown values are JSON null and empty XML elements.
/// </summary>
internal static class Open311Writer
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string XmlContentType = "text/xml; charset=utf-8";

    private static readonly XmlWriterSettings s_xml = new() { Encoding = new UTF8Encoding(false), Indent = false, Async = true };

    public static bool TryParseFormat(string? text, out Open311Format format)
    {
        switch (text)
        {
            case "json":
                format = Open311Format.Json;
                return true;
            case "xml":
                format = Open311Format.Xml;
                return true;
            default:
                format = Open311Format.Json;
                return false;
        }
    }

    /// <summary>One row of a document: field names with string, number, boolean or null values, in order.</summary>
    public sealed class Row : List<(string Name, object? Value)>
    {
        public void Add(string name, object? value) => Add((name, value));
    }

    public static Row Request(Open311Request r) =>
    [
        ("service_request_id", r.ServiceRequestId),
        ("status", r.Status),
        ("status_notes", r.StatusNotes),
        ("service_name", r.ServiceName),
        ("service_code", r.ServiceCode),
        ("description", r.Description),
        ("agency_responsible", r.AgencyResponsible),
        ("service_notice", r.ServiceNotice),
        ("requested_datetime", r.RequestedDatetime),
        ("updated_datetime", r.UpdatedDatetime),
        ("expected_datetime", r.ExpectedDatetime),
        ("address", r.Address),
        ("address_id", null),
        ("zipcode", null),
        ("lat", null),
        ("long", null),
        ("media_url", null),
    ];

    public static Row Service(Open311ServiceOptions s) =>
    [
        ("service_code", s.Code),
        ("service_name", s.Name),
        ("description", s.Description),
        ("metadata", false),
        ("type", "realtime"),
        ("keywords", s.Keywords),
        ("group", s.Group),
    ];

    public static Task WriteErrorAsync(HttpContext context, Open311Format format, int status, string description) =>
        WriteAsync(context, format, status, "errors", "error", [[("code", status), ("description", description)]]);

    public static async Task WriteAsync(HttpContext context, Open311Format format, int status, string root, string element, IReadOnlyList<Row> rows)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (format == Open311Format.Json)
        {
            response.ContentType = JsonContentType;
            var json = new Utf8JsonWriter(response.Body);
            await using var _ = json.ConfigureAwait(false);
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                foreach (var (name, value) in row)
                {
                    switch (value)
                    {
                        case null:
                            json.WriteNull(name);
                            break;
                        case string text:
                            json.WriteString(name, text);
                            break;
                        case int number:
                            json.WriteNumber(name, number);
                            break;
                        case bool flag:
                            json.WriteBoolean(name, flag);
                            break;
                        default:
                            throw new InvalidOperationException($"Open311 field '{name}' has an unsupported value type.");
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            return;
        }

        response.ContentType = XmlContentType;
        using var buffer = new MemoryStream();
        var xml = XmlWriter.Create(buffer, s_xml);
        await using (xml.ConfigureAwait(false))
        {
            await xml.WriteStartDocumentAsync().ConfigureAwait(false);
            await xml.WriteStartElementAsync(null, root, null).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await xml.WriteStartElementAsync(null, element, null).ConfigureAwait(false);
                foreach (var (name, value) in row)
                {
                    await xml.WriteStartElementAsync(null, name, null).ConfigureAwait(false);
                    switch (value)
                    {
                        case null:
                            break;
                        case string text:
                            await xml.WriteStringAsync(XmlSafe(text)).ConfigureAwait(false);
                            break;
                        case int number:
                            await xml.WriteStringAsync(XmlConvert.ToString(number)).ConfigureAwait(false);
                            break;
                        case bool flag:
                            await xml.WriteStringAsync(flag ? "true" : "false").ConfigureAwait(false);
                            break;
                        default:
                            throw new InvalidOperationException($"Open311 field '{name}' has an unsupported value type.");
                    }

                    await xml.WriteEndElementAsync().ConfigureAwait(false);
                }

                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
            await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates), which a description may hold.</summary>
    private static string XmlSafe(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var keep = pair || (!char.IsSurrogate(c) && XmlConvert.IsXmlChar(c));
            if (!keep)
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                continue;
            }

            builder?.Append(c);
            if (pair)
            {
                builder?.Append(text[i + 1]);
                i++;
            }
        }

        return builder?.ToString() ?? text;
    }
}
