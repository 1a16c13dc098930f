using System.Text.Json.Serialization;
namespace Grievance.Complaints;

/// <summary>Identifies a department (for example <c>police</c> or <c>power</c>). Compared in lower case.</summary>
[JsonConverter(typeof(DepartmentIdJsonConverter))]
public readonly record struct DepartmentId
{
    /// <summary>Initializes a new instance of the <see cref="DepartmentId"/> struct.</summary>
    /// <param name="value">The identifier; trimmed and lower-cased.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public DepartmentId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the identifier text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
