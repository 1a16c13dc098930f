using System.Text.Json.Serialization;
namespace Grievance.Complaints;

/// <summary>Identifies a district by its short id from the gazetteer (for example <c>LKO</c> for Lucknow). Compared in upper case.</summary>
[JsonConverter(typeof(DistrictIdJsonConverter))]
public readonly record struct DistrictId
{
    /// <summary>Initializes a new instance of the <see cref="DistrictId"/> struct.</summary>
    /// <param name="value">The identifier; trimmed and upper-cased.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public DistrictId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToUpperInvariant();
    }

    /// <summary>Gets the identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
