namespace Grievance.Codes;

/// <summary>The short code a citizen quotes back for their complaint (for example <c>LKO-2611-0042</c>).</summary>
/// <remarks>The text is kept in its canonical, upper-case form. Codes never change once issued.</remarks>
public readonly record struct ComplaintCode
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintCode"/> struct from its canonical text.</summary>
    /// <param name="value">The canonical code text.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public ComplaintCode(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim().ToUpperInvariant();
    }

    /// <summary>Gets the canonical text of the code.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
