using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grievance.Twitter.Tests.OpenApi;

/// <summary>
/// A small checker of HTTP traffic against X's pinned OpenAPI description (the subset in
/// <c>x-api-v2.162-subset.json</c>): the path must be a documented operation, every query parameter must be declared and
/// fit its schema (type, bounds, pattern, enum, comma-separated arrays), required parameters present, the request body and
/// the response body valid against their JSON schemas, the status documented. It supports the schema keywords the subset
/// uses: <c>$ref</c>, <c>type</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>items</c>,
/// <c>minItems</c>/<c>maxItems</c>, <c>uniqueItems</c>, <c>enum</c>, <c>pattern</c>, <c>minLength</c>/<c>maxLength</c>,
/// <c>minimum</c>/<c>maximum</c>, <c>format: date-time</c>, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>. A discriminator is
/// not followed: a problem is checked against the base <c>Problem</c> schema.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> s_x = new(() =>
    {
        using var stream = typeof(OpenApiContract).Assembly.GetManifestResourceStream("OpenApi/x-api-v2.162-subset.json")
            ?? throw new InvalidOperationException("The OpenAPI subset is not embedded.");
        return new OpenApiContract(JsonNode.Parse(stream)!.AsObject());
    });

    private readonly JsonObject _spec;
    private readonly List<(string Template, string[] Segments, JsonObject Item)> _paths = [];

    private OpenApiContract(JsonObject spec)
    {
        _spec = spec;
        foreach (var (template, item) in spec["paths"]!.AsObject())
        {
            _paths.Add((template, template.Trim('/').Split('/'), item!.AsObject()));
        }
    }

    /// <summary>Gets the contract of X API v2 2.162, the operations Grievance uses.</summary>
    public static OpenApiContract X => s_x.Value;

    /// <summary>Finds the documented operation for a method and path.</summary>
    public Operation? Find(string method, string absolutePath)
    {
        var segments = absolutePath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        (string Template, string[] Segments, JsonObject Item)? best = null;
        var bestLiterals = -1;
        foreach (var path in _paths)
        {
            if (path.Segments.Length != segments.Length || path.Item[method.ToLowerInvariant()] is null)
            {
                continue;
            }

            var literals = 0;
            var match = true;
            for (var i = 0; i < segments.Length && match; i++)
            {
                if (path.Segments[i].StartsWith('{'))
                {
                    continue;
                }

                match = path.Segments[i] == segments[i];
                literals++;
            }

            if (match && literals > bestLiterals)
            {
                best = path;
                bestLiterals = literals;
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            if (found.Segments[i].StartsWith('{'))
            {
                pathValues[found.Segments[i].Trim('{', '}')] = segments[i];
            }
        }

        var operation = found.Item[method.ToLowerInvariant()]!.AsObject();
        var parameters = new List<JsonObject>();
        foreach (var p in (found.Item["parameters"]?.AsArray() ?? []).Concat(operation["parameters"]?.AsArray() ?? []))
        {
            parameters.Add(Resolve(p!).AsObject());
        }

        return new Operation(this, method.ToUpperInvariant() + " " + found.Template, operation, parameters, pathValues);
    }

    /// <summary>Checks a request; returns the violations (empty when it conforms).</summary>
    public IReadOnlyList<string> CheckRequest(HttpMethod method, Uri uri, string? contentType, string? body)
    {
        var operation = Find(method.Method, uri.AbsolutePath);
        if (operation is null)
        {
            return [$"{method} {uri.AbsolutePath}: no such operation in the OpenAPI description."];
        }

        return operation.CheckRequest(uri.Query, contentType, body);
    }

    internal JsonNode Resolve(JsonNode node)
    {
        while (node is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference)
        {
            JsonNode current = _spec;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                current = current[part] ?? throw new InvalidOperationException($"Unresolved reference {reference}.");
            }

            node = current;
        }

        return node;
    }

    internal void Validate(JsonElement value, JsonNode schemaNode, string at, List<string> errors)
    {
        var schema = Resolve(schemaNode).AsObject();
        if (value.ValueKind == JsonValueKind.Null && schema["nullable"]?.GetValue<bool>() == true)
        {
            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                Validate(value, part!, at, errors);
            }
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(part => Errors(value, part!, at).Count == 0))
        {
            errors.Add($"{at}: matches none of anyOf ({string.Join(" | ", anyOf.Select(p => string.Join("; ", Errors(value, p!, at))))}).");
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matches = oneOf.Count(part => Errors(value, part!, at).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{at}: matches {matches} of oneOf, exactly one required.");
            }
        }

        if (schema["type"]?.GetValue<string>() is { } type && !HasType(value, type))
        {
            errors.Add($"{at}: expected {type}, got {value.ValueKind}.");
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, JsonNode.Parse(value.GetRawText()))))
        {
            errors.Add($"{at}: {value.GetRawText()} is not one of the enum values.");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(value.GetString()!, schema, at, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(value.GetDecimal(), schema, at, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(value, schema, at, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(value, schema, at, errors);
                break;
        }
    }

    internal static void CheckString(string value, JsonObject schema, string at, List<string> errors)
    {
        var length = value.EnumerateRunes().Count();
        if (schema["minLength"] is { } min && length < min.GetValue<int>())
        {
            errors.Add($"{at}: shorter than minLength {min}.");
        }

        if (schema["maxLength"] is { } max && length > max.GetValue<int>())
        {
            errors.Add($"{at}: longer than maxLength {max}.");
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{at}: '{Short(value)}' does not match {pattern}.");
        }

        if (schema["format"]?.GetValue<string>() == "date-time"
            && !DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{at}: '{Short(value)}' is not an RFC 3339 date-time.");
        }
    }

    internal static void CheckNumber(decimal value, JsonObject schema, string at, List<string> errors)
    {
        if (schema["minimum"] is { } min && value < min.GetValue<decimal>())
        {
            errors.Add($"{at}: {value} is below the minimum {min}.");
        }

        if (schema["maximum"] is { } max && value > max.GetValue<decimal>())
        {
            errors.Add($"{at}: {value} is above the maximum {max}.");
        }
    }

    private void CheckArray(JsonElement value, JsonObject schema, string at, List<string> errors)
    {
        var count = value.GetArrayLength();
        if (schema["minItems"] is { } min && count < min.GetValue<int>())
        {
            errors.Add($"{at}: fewer than minItems {min}.");
        }

        if (schema["maxItems"] is { } max && count > max.GetValue<int>())
        {
            errors.Add($"{at}: more than maxItems {max}.");
        }

        if (schema["uniqueItems"]?.GetValue<bool>() == true && value.EnumerateArray().Select(e => e.GetRawText()).Distinct(StringComparer.Ordinal).Count() != count)
        {
            errors.Add($"{at}: items are not unique.");
        }

        if (schema["items"] is { } items)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(item, items, $"{at}[{i++}]", errors);
            }
        }
    }

    private void CheckObject(JsonElement value, JsonObject schema, string at, List<string> errors)
    {
        var properties = schema["properties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!value.TryGetProperty(required!.GetValue<string>(), out _))
            {
                errors.Add($"{at}: the required property '{required}' is missing.");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties?[property.Name] is { } propertySchema)
            {
                Validate(property.Value, propertySchema, $"{at}.{property.Name}", errors);
            }
            else if (schema["additionalProperties"] is { } additional)
            {
                if (additional is JsonValue flag && flag.GetValue<bool>() == false)
                {
                    errors.Add($"{at}: the property '{property.Name}' is not allowed.");
                }
                else if (additional is JsonObject)
                {
                    Validate(property.Value, additional, $"{at}.{property.Name}", errors);
                }
            }
        }
    }

    private List<string> Errors(JsonElement value, JsonNode schema, string at)
    {
        var errors = new List<string>();
        Validate(value, schema, at, errors);
        return errors;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => true,
    };

    private static string Short(string value) => value.Length <= 60 ? value : value[..60] + "…";

    /// <summary>One documented operation, with the path parameters of a concrete request.</summary>
    public sealed class Operation
    {
        private readonly OpenApiContract _contract;
        private readonly JsonObject _operation;
        private readonly List<JsonObject> _parameters;
        private readonly Dictionary<string, string> _pathValues;

        internal Operation(OpenApiContract contract, string name, JsonObject operation, List<JsonObject> parameters, Dictionary<string, string> pathValues)
        {
            _contract = contract;
            Name = name;
            _operation = operation;
            _parameters = parameters;
            _pathValues = pathValues;
        }

        /// <summary>Gets the method and path template, for example <c>GET /2/users/{id}/mentions</c>.</summary>
        public string Name { get; }

        /// <summary>Checks the query, path values and body of a request.</summary>
        public IReadOnlyList<string> CheckRequest(string query, string? contentType, string? body)
        {
            var errors = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
                if (!seen.Add(name))
                {
                    errors.Add($"{Name}: the query parameter '{name}' is repeated.");
                }

                var parameter = _parameters.Find(p => p["name"]!.GetValue<string>() == name && p["in"]!.GetValue<string>() == "query");
                if (parameter is null)
                {
                    errors.Add($"{Name}: the query parameter '{name}' is not declared.");
                    continue;
                }

                CheckParameter(parameter, value, errors);
            }

            foreach (var parameter in _parameters)
            {
                var name = parameter["name"]!.GetValue<string>();
                var where = parameter["in"]!.GetValue<string>();
                if (where == "path")
                {
                    if (_pathValues.TryGetValue(name, out var value))
                    {
                        CheckParameter(parameter, value, errors);
                    }
                }
                else if (where == "query" && parameter["required"]?.GetValue<bool>() == true && !seen.Contains(name))
                {
                    errors.Add($"{Name}: the required query parameter '{name}' is missing.");
                }
            }

            var requestBody = _operation["requestBody"] is { } rb ? _contract.Resolve(rb).AsObject() : null;
            if (requestBody is null)
            {
                if (!string.IsNullOrEmpty(body))
                {
                    errors.Add($"{Name}: the operation takes no body.");
                }
            }
            else if (string.IsNullOrEmpty(body))
            {
                if (requestBody["required"]?.GetValue<bool>() == true)
                {
                    errors.Add($"{Name}: the request body is required.");
                }
            }
            else
            {
                CheckContent(requestBody["content"]!.AsObject(), contentType, body, "request", errors);
            }

            return errors;
        }

        /// <summary>Checks a response's status and body.</summary>
        public IReadOnlyList<string> CheckResponse(int status, string? contentType, string body)
        {
            var errors = new List<string>();
            var responses = _operation["responses"]!.AsObject();
            var response = responses[status.ToString(CultureInfo.InvariantCulture)] ?? responses["default"];
            if (response is null)
            {
                errors.Add($"{Name}: the status {status} is not documented.");
                return errors;
            }

            var content = _contract.Resolve(response).AsObject()["content"]?.AsObject();
            if (content is null)
            {
                if (body.Length > 0)
                {
                    errors.Add($"{Name}: the {status} response has a body where none is documented.");
                }

                return errors;
            }

            CheckContent(content, contentType, body, $"response {status}", errors);
            return errors;
        }

        /// <summary>Checks one line of a streaming 200 response (a JSON object).</summary>
        public IReadOnlyList<string> CheckStreamLine(string line) => CheckResponse(200, "application/json", line);

        private void CheckContent(JsonObject content, string? contentType, string body, string what, List<string> errors)
        {
            var mediaType = contentType?.Split(';')[0].Trim();
            if (mediaType is null || content[mediaType] is not JsonObject media)
            {
                errors.Add($"{Name}: the {what} content type '{mediaType}' is not documented ({string.Join(", ", content.Select(c => c.Key))}).");
                return;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                errors.Add($"{Name}: the {what} body is not JSON ({ex.Message}).");
                return;
            }

            using (document)
            {
                _contract.Validate(document.RootElement, media["schema"]!, $"{Name} {what} $", errors);
            }
        }

        private void CheckParameter(JsonObject parameter, string value, List<string> errors)
        {
            var name = parameter["name"]!.GetValue<string>();
            var schema = _contract.Resolve(parameter["schema"]!).AsObject();
            var at = $"{Name} parameter '{name}'";
            switch (schema["type"]?.GetValue<string>())
            {
                case "integer":
                    if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    {
                        errors.Add($"{at}: '{value}' is not an integer.");
                    }
                    else
                    {
                        CheckNumber(number, schema, at, errors);
                    }

                    break;
                case "boolean":
                    if (value is not ("true" or "false"))
                    {
                        errors.Add($"{at}: '{value}' is not a boolean.");
                    }

                    break;
                case "array":
                    // style form, explode false: one comma-separated value.
                    var items = value.Split(',');
                    var itemSchema = _contract.Resolve(schema["items"]!).AsObject();
                    if (schema["minItems"] is { } min && items.Length < min.GetValue<int>())
                    {
                        errors.Add($"{at}: fewer than {min} items.");
                    }

                    if (schema["uniqueItems"]?.GetValue<bool>() == true && items.Distinct(StringComparer.Ordinal).Count() != items.Length)
                    {
                        errors.Add($"{at}: repeated items.");
                    }

                    foreach (var item in items)
                    {
                        CheckScalar(item, itemSchema, at, errors);
                    }

                    break;
                default:
                    CheckScalar(value, schema, at, errors);
                    break;
            }
        }

        private static void CheckScalar(string value, JsonObject schema, string at, List<string> errors)
        {
            if (schema["enum"] is JsonArray values && !values.Any(v => v!.GetValue<string>() == value))
            {
                errors.Add($"{at}: '{value}' is not one of the allowed values.");
            }

            CheckString(value, schema, at, errors);
        }
    }
}
