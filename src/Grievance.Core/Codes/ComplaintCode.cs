using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Grievance.Codes.Internal;

namespace Grievance.Codes;

/// <summary>
/// The short code a citizen quotes back for their complaint, for example <c>LKO-2611-0044D</c>: the scope (the district's
/// three-letter id from the gazetteer, or the triage scope), the period (year and month, <c>YYMM</c>), a sequence number
/// unique within scope and period, and a check character.
/// </summary>
/// <remarks>
/// <para>
/// The check character detects every single mistyped character and every swap of two adjacent characters
/// (separators are ignored), so a mistyped code is rejected rather than matched to someone else's complaint.
/// </para>
/// <para>
/// Reading is tolerant wherever the position makes the meaning unambiguous: case, spaces and dashes do not matter;
/// in the digits-only period and sequence, O reads as 0 and I or L as 1; in the letters-only scope, 0 reads as O and
/// 1 as I or L, whichever the check character confirms (the check is designed so that at most one reading is valid);
/// the check character is read as Crockford's base32 decodes it (O is 0, I and L are 1). Devanagari digits read as digits.
/// </para>
/// <para>
/// Equality is on the canonical text returned by <see cref="ToString()"/>. Codes of one scope and period order by
/// sequence number. A code never changes once issued, also when its complaint is transferred to another district.
/// </para>
/// </remarks>
public readonly struct ComplaintCode :
    IEquatable<ComplaintCode>, IComparable<ComplaintCode>, IComparable, ISpanFormattable, ISpanParsable<ComplaintCode>
{
    /// <summary>The number of letters of the scope.</summary>
    public const int ScopeLength = 3;

    /// <summary>The earliest year a code's period can name.</summary>
    public const int MinYear = 2000;

    /// <summary>The latest year a code's period can name.</summary>
    public const int MaxYear = 2099;

    /// <summary>The largest sequence number (18 digits).</summary>
    public const long MaxSequence = 999_999_999_999_999_999;

    /// <summary>The number of digits the sequence is padded to unless configured otherwise.</summary>
    public const int DefaultSequenceDigits = 4;

    /// <summary>The most digits a sequence number can have.</summary>
    public const int MaxSequenceDigits = 18;

    internal const int PeriodLength = 4;
    internal const int MinCompactLength = ScopeLength + PeriodLength + 2;
    internal const int MaxCompactLength = ScopeLength + PeriodLength + MaxSequenceDigits + 1;
    private const int SequenceOffset = ScopeLength + 1 + PeriodLength + 1;
    private const int MaxShownInErrors = 40;

    private readonly string? _value;

    private ComplaintCode(string value) => _value = value;

    /// <summary>Gets the canonical text of the code, for example <c>LKO-2611-0044D</c>; empty for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets the scope: the district id, or the triage scope for a complaint coded before it had a district.</summary>
    public string Scope => _value is null ? string.Empty : _value[..ScopeLength];

    /// <summary>Gets the year of the period in which the code was issued; 0 for the default value.</summary>
    public int Year => _value is null ? 0 : MinYear + (Digit(_value, 4) * 10) + Digit(_value, 5);

    /// <summary>Gets the month (1 to 12) of the period in which the code was issued; 0 for the default value.</summary>
    public int Month => _value is null ? 0 : (Digit(_value, 6) * 10) + Digit(_value, 7);

    /// <summary>Gets the sequence number within the scope and period.</summary>
    public long Sequence => _value is null ? 0 : long.Parse(_value.AsSpan(SequenceOffset, _value.Length - SequenceOffset - 1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Gets the check character (one of Crockford's base32 symbols); <c>'\0'</c> for the default value.</summary>
    public char CheckCharacter => _value is null ? '\0' : _value[^1];

    /// <summary>Determines whether the equality operator holds.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the canonical texts are equal.</returns>
    public static bool operator ==(ComplaintCode left, ComplaintCode right) => left.Equals(right);

    /// <summary>Determines whether the inequality operator holds.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when the canonical texts differ.</returns>
    public static bool operator !=(ComplaintCode left, ComplaintCode right) => !left.Equals(right);

    /// <summary>Determines whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator <(ComplaintCode left, ComplaintCode right) => left.CompareTo(right) < 0;

    /// <summary>Determines whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator <=(ComplaintCode left, ComplaintCode right) => left.CompareTo(right) <= 0;

    /// <summary>Determines whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator >(ComplaintCode left, ComplaintCode right) => left.CompareTo(right) > 0;

    /// <summary>Determines whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>The comparison's result.</returns>
    public static bool operator >=(ComplaintCode left, ComplaintCode right) => left.CompareTo(right) >= 0;

    /// <summary>Builds the code for a sequence number and computes its check character.</summary>
    /// <param name="scope">Three letters A-Z: a district id or the triage scope. Lower case is accepted and upper-cased.</param>
    /// <param name="year">The year of the period, <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <param name="month">The month of the period, 1 to 12.</param>
    /// <param name="sequence">The sequence number within scope and period, 0 to <see cref="MaxSequence"/>.</param>
    /// <param name="minimumSequenceDigits">The digits the sequence is padded to with leading zeros, 1 to <see cref="MaxSequenceDigits"/>. Larger numbers take more digits.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is not three letters A-Z.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its range.</exception>
    public static ComplaintCode Create(string scope, int year, int month, long sequence, int minimumSequenceDigits = DefaultSequenceDigits)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!IsValidScope(scope))
        {
            throw new ArgumentException($"A code's scope is exactly {ScopeLength} letters A-Z, like a district id of the gazetteer; '{Shorten(scope)}' is not.", nameof(scope));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSequenceDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumSequenceDigits, MaxSequenceDigits);

        var width = Math.Max(CountDigits(sequence), minimumSequenceDigits);
        var value = string.Create(SequenceOffset + width + 1, (Scope: scope, YearOfCentury: year - MinYear, Month: month, Sequence: sequence), static (span, state) =>
        {
            var check = 0;
            for (var i = 0; i < ScopeLength; i++)
            {
                var letter = (char)(state.Scope[i] & ~0x20);
                span[i] = letter;
                check = CodeCheck.Operate(check, letter - 'A');
            }

            span[ScopeLength] = '-';
            span[4] = (char)('0' + (state.YearOfCentury / 10));
            span[5] = (char)('0' + (state.YearOfCentury % 10));
            span[6] = (char)('0' + (state.Month / 10));
            span[7] = (char)('0' + (state.Month % 10));
            span[8] = '-';

            var remaining = state.Sequence;
            for (var i = span.Length - 2; i >= SequenceOffset; i--)
            {
                span[i] = (char)('0' + (remaining % 10));
                remaining /= 10;
            }

            for (var i = 4; i < span.Length - 1; i++)
            {
                if (i != 8)
                {
                    check = CodeCheck.Operate(check, span[i] - '0');
                }
            }

            span[^1] = CodeCheck.Symbols[CodeCheck.CheckValueFor(check)];
        });
        return new ComplaintCode(value);
    }

    /// <summary>Determines whether a text can be the scope of a code: exactly three ASCII letters.</summary>
    /// <param name="scope">The district id or triage scope.</param>
    /// <returns><see langword="true"/> when it can.</returns>
    public static bool IsValidScope([NotNullWhen(true)] string? scope) =>
        scope is { Length: ScopeLength } && char.IsAsciiLetter(scope[0]) && char.IsAsciiLetter(scope[1]) && char.IsAsciiLetter(scope[2]);

    /// <summary>Reads a code typed by a citizen or an officer.</summary>
    /// <param name="text">The text: a code and nothing else, in any case, with or without spaces and dashes.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a code, or its check character does not match.</exception>
    public static ComplaintCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var status = ComplaintCodeReader.TryRead(text.AsSpan(), text, out var code);
        return status == ReadStatus.Valid ? code : throw new FormatException(Describe(status, text.AsSpan()));
    }

    /// <summary>Reads a code typed by a citizen or an officer.</summary>
    /// <param name="text">The text: a code and nothing else.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is not a code, or its check character does not match.</exception>
    public static ComplaintCode Parse(ReadOnlySpan<char> text)
    {
        var status = ComplaintCodeReader.TryRead(text, null, out var code);
        return status == ReadStatus.Valid ? code : throw new FormatException(Describe(status, text));
    }

    /// <summary>Tries to read a code typed by a citizen or an officer.</summary>
    /// <param name="text">The text: a code and nothing else, in any case, with or without spaces and dashes.</param>
    /// <param name="code">The code, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a code with a matching check character.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ComplaintCode code)
    {
        if (text is null)
        {
            code = default;
            return false;
        }

        return ComplaintCodeReader.TryRead(text.AsSpan(), text, out code) == ReadStatus.Valid;
    }

    /// <summary>Tries to read a code typed by a citizen or an officer.</summary>
    /// <param name="text">The text: a code and nothing else.</param>
    /// <param name="code">The code, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a code with a matching check character.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ComplaintCode code) =>
        ComplaintCodeReader.TryRead(text, null, out code) == ReadStatus.Valid;

    /// <summary>Finds every valid code in a free text such as a tweet, in order of first appearance, each once.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The codes; empty when there are none.</returns>
    /// <remarks>
    /// A code is found when it stands on its own: not inside a longer word, hashtag, mention, cashtag, path or URL.
    /// Between scope, period and sequence it may have spaces or dashes (up to three), or none; a check character that
    /// is a letter may follow the sequence after one space. To keep phone and landline numbers out, a code whose
    /// period, sequence and check character run together as one number (possible only when the check character is a
    /// digit) is found only when written with a separator after the period, and a period before 2020 is not taken
    /// for a code. Codes with a wrong check character are not found.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ComplaintCode> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ComplaintCodeScanner.FindAll(text.AsSpan());
    }

    /// <inheritdoc />
    public bool Equals(ComplaintCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ComplaintCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Compares by scope, then period, then sequence number (numerically, so <c>…-9999</c> sorts before <c>…-10000</c>).</summary>
    /// <param name="other">The other code.</param>
    /// <returns>Negative, zero or positive as this code sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(ComplaintCode other)
    {
        if (_value is null || other._value is null)
        {
            return (_value is null ? 0 : 1) - (other._value is null ? 0 : 1);
        }

        var byScopeAndPeriod = _value.AsSpan(0, SequenceOffset).SequenceCompareTo(other._value.AsSpan(0, SequenceOffset));
        if (byScopeAndPeriod != 0)
        {
            return byScopeAndPeriod;
        }

        var bySequence = Sequence.CompareTo(other.Sequence);
        return bySequence != 0 ? bySequence : string.CompareOrdinal(_value, other._value);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ComplaintCode other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(ComplaintCode)}.", nameof(obj)),
    };

    /// <summary>Returns the canonical text, for example <c>LKO-2611-0044D</c>.</summary>
    /// <returns>The canonical text; empty for the default value.</returns>
    public override string ToString() => Value;

    /// <summary>Returns the canonical text.</summary>
    /// <param name="format"><see langword="null"/>, empty or <c>G</c>: the canonical form is the only one.</param>
    /// <param name="formatProvider">Ignored: codes do not depend on culture.</param>
    /// <returns>The canonical text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        EnsureFormat(format);
        return Value;
    }

    /// <summary>Writes the canonical text into a span.</summary>
    /// <param name="destination">The span to write to.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Empty or <c>G</c>.</param>
    /// <param name="provider">Ignored: codes do not depend on culture.</param>
    /// <returns><see langword="true"/> when the span was large enough.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        EnsureFormat(format);
        if (Value.TryCopyTo(destination))
        {
            charsWritten = Value.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    static ComplaintCode IParsable<ComplaintCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ComplaintCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ComplaintCode result) => TryParse(s, out result);

    static ComplaintCode ISpanParsable<ComplaintCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<ComplaintCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ComplaintCode result) => TryParse(s, out result);

    /// <summary>Wraps canonical text that the reader or <see cref="Create"/> produced.</summary>
    internal static ComplaintCode FromCanonical(string value) => new(value);

    private static int Digit(string value, int index) => value[index] - '0';

    private static int CountDigits(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private static void EnsureFormat(ReadOnlySpan<char> format)
    {
        if (!format.IsEmpty && !format.SequenceEqual("G"))
        {
            throw new FormatException($"The format '{format}' is not supported: a complaint code has one canonical form (format 'G').");
        }
    }

    private static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= MaxShownInErrors ? text.ToString() : string.Concat(text[..MaxShownInErrors], "…");

    private static string Describe(ReadStatus status, ReadOnlySpan<char> text)
    {
        var shown = Shorten(text.Trim());
        return status switch
        {
            ReadStatus.CheckMismatch => $"'{shown}' is not a valid complaint code: its check character does not match, so a character is mistyped.",
            ReadStatus.Ambiguous => $"'{shown}' is not a valid complaint code: the digit 1 in its letters could stand for I or L and more than one reading is valid; type the letters.",
            ReadStatus.BadMonth => $"'{shown}' is not a valid complaint code: the period must be a year and a month 01-12 (YYMM).",
            ReadStatus.BadCheckSymbol => $"'{shown}' is not a valid complaint code: it must end in a check character (a digit or a letter other than U).",
            _ => $"'{shown}' is not a complaint code: expected {ScopeLength} letters, a year and month (YYMM), a sequence number and a check character, as in LKO-2611-0044D.",
        };
    }
}
