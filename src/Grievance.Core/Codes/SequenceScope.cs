using System.Globalization;

namespace Grievance.Codes;

/// <summary>The scope of one sequence of complaint codes: a district (or the triage scope) and a period (year and month).</summary>
/// <remarks>Each scope has its own sequence starting at 0, so <c>LKO-2611-…</c> and <c>AGR-2611-…</c> count independently.</remarks>
public readonly record struct SequenceScope
{
    /// <summary>Initializes a new instance of the <see cref="SequenceScope"/> struct.</summary>
    /// <param name="scope">Three letters A-Z: a district id or the triage scope. Upper-cased.</param>
    /// <param name="year">The year, <see cref="ComplaintCode.MinYear"/> to <see cref="ComplaintCode.MaxYear"/>.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is not three letters A-Z.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> or <paramref name="month"/> is out of range.</exception>
    public SequenceScope(string scope, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ComplaintCode.IsValidScope(scope))
        {
            throw new ArgumentException($"A code's scope is exactly {ComplaintCode.ScopeLength} letters A-Z; '{scope}' is not.", nameof(scope));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, ComplaintCode.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, ComplaintCode.MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Scope = scope.ToUpperInvariant();
        Year = year;
        Month = month;
    }

    /// <summary>Gets the three-letter scope.</summary>
    public string Scope { get; }

    /// <summary>Gets the year of the period.</summary>
    public int Year { get; }

    /// <summary>Gets the month of the period, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>Returns the scope as it heads its codes, for example <c>LKO-2611</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Scope}-{Year % 100:D2}{Month:D2}");
}
