namespace Grievance.Text;

/// <summary>Where <see cref="PiiScanner"/> found personal data in a text. The value itself is not copied.</summary>
/// <param name="Kind">The kind of personal data.</param>
/// <param name="Start">The index of the first UTF-16 code unit of the finding in the scanned text.</param>
/// <param name="Length">The number of UTF-16 code units of the finding, including any separators and prefix inside it.</param>
public readonly record struct PiiMatch(PiiKind Kind, int Start, int Length)
{
    /// <summary>Gets the index just after the last UTF-16 code unit of the finding.</summary>
    public int End => Start + Length;
}
