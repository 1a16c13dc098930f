namespace Grievance.Codes.Internal;

/// <summary>How the characters a citizen types are read in each segment of a complaint code.</summary>
/// <remarks>
/// Letters of the scope have the values 0 (A) to 25 (Z); digits have the values 0 to 9; the check character has its
/// value in <see cref="CodeCheck.Symbols"/>. The two value sets overlap, but only the check character follows a
/// digit and both read a digit as its own value, so every position maps the characters allowed there one-to-one.
/// </remarks>
internal static class CodeAlphabet
{
    /// <summary>No value: the character is not allowed in that segment.</summary>
    public const int None = -1;

    /// <summary>The value of <c>1</c> typed in the scope, which reads as I or L: the check character decides.</summary>
    public const int IOrL = -2;

    private const char DevanagariZero = '\u0966';
    private const char DevanagariNine = '\u096F';

    private static readonly sbyte[] s_checkValues = BuildCheckValues();

    /// <summary>Maps a character to the upper-case ASCII letter or digit it stands for, or <c>'\0'</c>.</summary>
    /// <param name="c">The character as typed.</param>
    /// <returns><c>A</c>-<c>Z</c>, <c>0</c>-<c>9</c> (Devanagari digits included), or <c>'\0'</c> for anything else.</returns>
    public static char Normalize(char c)
    {
        if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
        {
            return c;
        }

        if (char.IsAsciiLetterLower(c))
        {
            return (char)(c - ('a' - 'A'));
        }

        return c is >= DevanagariZero and <= DevanagariNine ? (char)('0' + (c - DevanagariZero)) : '\0';
    }

    /// <summary>Gets a value indicating whether the character only separates segments: white space and dashes.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for a separator.</returns>
    public static bool IsSeparator(char c) =>
        c is ' ' or '-' or '\t' or '\u00A0' or '\u202F' or '\u2212' or (>= '\u2010' and <= '\u2015');

    /// <summary>Gets a value indicating whether the character is a Devanagari digit.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for ० to ९.</returns>
    public static bool IsDevanagariDigit(char c) => c is >= DevanagariZero and <= DevanagariNine;

    /// <summary>Reads a normalized character in the letters-only scope: <c>0</c> is O, <c>1</c> is I or L.</summary>
    /// <param name="c">An upper-case ASCII letter or digit.</param>
    /// <returns>0 to 25, <see cref="IOrL"/>, or <see cref="None"/>.</returns>
    public static int ScopeValue(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        '0' => 'O' - 'A',
        '1' => IOrL,
        _ => None,
    };

    /// <summary>Reads a normalized character in the digits-only period and sequence: O is 0, I and L are 1.</summary>
    /// <param name="c">An upper-case ASCII letter or digit.</param>
    /// <returns>0 to 9, or <see cref="None"/>.</returns>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'O' => 0,
        'I' or 'L' => 1,
        _ => None,
    };

    /// <summary>Reads a normalized check character the way Crockford decodes base32: O is 0, I and L are 1, U is not allowed.</summary>
    /// <param name="c">An upper-case ASCII letter or digit.</param>
    /// <returns>0 to 31, or <see cref="None"/>.</returns>
    public static int CheckValue(char c) => c < s_checkValues.Length ? s_checkValues[c] : None;

    private static sbyte[] BuildCheckValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)None);
        for (var i = 0; i < CodeCheck.Symbols.Length; i++)
        {
            values[CodeCheck.Symbols[i]] = (sbyte)i;
        }

        values['O'] = 0;
        values['I'] = 1;
        values['L'] = 1;
        return values;
    }
}
