using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grievance.Complaints;

/// <summary>Writes a strongly typed id as its plain string, so stored and exchanged JSON stays readable.</summary>
/// <typeparam name="T">The id type.</typeparam>
public abstract class StringIdJsonConverter<T> : JsonConverter<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new JsonException($"Expected a non-empty string for {typeof(T).Name}.");
        }

        try
        {
            return Create(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.", ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value!.ToString());
    }

    /// <summary>Creates the id from its text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The id.</returns>
    protected abstract T Create(string text);
}

/// <summary>Reads and writes a <see cref="DepartmentId"/> as a JSON string.</summary>
public sealed class DepartmentIdJsonConverter : StringIdJsonConverter<DepartmentId>
{
    /// <inheritdoc />
    protected override DepartmentId Create(string text) => new(text);
}

/// <summary>Reads and writes a <see cref="DistrictId"/> as a JSON string.</summary>
public sealed class DistrictIdJsonConverter : StringIdJsonConverter<DistrictId>
{
    /// <inheritdoc />
    protected override DistrictId Create(string text) => new(text);
}

/// <summary>Reads and writes a <see cref="CategoryId"/> as a JSON string.</summary>
public sealed class CategoryIdJsonConverter : StringIdJsonConverter<CategoryId>
{
    /// <inheritdoc />
    protected override CategoryId Create(string text) => new(text);
}

/// <summary>Reads and writes a <see cref="ComplaintId"/> as a JSON string.</summary>
public sealed class ComplaintIdJsonConverter : StringIdJsonConverter<ComplaintId>
{
    /// <inheritdoc />
    protected override ComplaintId Create(string text) => ComplaintId.TryParse(text, out var id) ? id : throw new FormatException();
}
