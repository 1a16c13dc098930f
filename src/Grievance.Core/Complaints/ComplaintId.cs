using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;

namespace Grievance.Complaints;

/// <summary>The internal, never-reused identity of a complaint. Citizens see the <see cref="Codes.ComplaintCode"/>, not this.</summary>
/// <param name="Value">The underlying identifier.</param>
[JsonConverter(typeof(ComplaintIdJsonConverter))]
public readonly record struct ComplaintId(Guid Value)
{
    /// <summary>Creates a new, time-ordered identifier (UUID version 7) stamped with the given clock's time.</summary>
    /// <param name="timeProvider">The clock that stamps the identifier.</param>
    /// <returns>A new identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public static ComplaintId New(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new ComplaintId(Guid.CreateVersion7(timeProvider.GetUtcNow()));
    }

    /// <summary>Parses the text form produced by <see cref="ToString"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The parsed identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ComplaintId id)
    {
        if (Guid.TryParse(text, out var guid))
        {
            id = new ComplaintId(guid);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
