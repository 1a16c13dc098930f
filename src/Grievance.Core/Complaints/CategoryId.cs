using System.Text.Json.Serialization;
namespace Grievance.Complaints;

/// <summary>Identifies a complaint category (for example <c>power-outage</c>). Compared in lower case.</summary>
[JsonConverter(typeof(CategoryIdJsonConverter))]
public readonly record struct CategoryId
{
    /// <summary>The category used when nothing more specific is known.</summary>
    public static readonly CategoryId Other = new("other");

    /// <summary>The category of a message that is not a grievance.</summary>
    public static readonly CategoryId None = new("none");

    /// <summary>Initializes a new instance of the <see cref="CategoryId"/> struct.</summary>
    /// <param name="value">The identifier; trimmed and lower-cased.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public CategoryId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
