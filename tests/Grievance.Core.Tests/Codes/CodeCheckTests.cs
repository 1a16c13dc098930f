using Grievance.Codes;
using Grievance.Codes.Internal;

namespace Grievance.Core.Tests.Codes;

/// <summary>
/// The exhaustive proof that the check character detects every single substitution and every adjacent transposition
/// in every code, whatever its content and length (issue 4).
/// </summary>
/// <remarks>
/// A code is read as a sequence of symbol values folded from state 0 through the quasigroup; it is valid when the
/// check character brings the state back to 0. For a fixed symbol, <c>state ↦ state ∘ symbol</c> is a bijection (a
/// column of a Latin square), so if an error leaves the state different right after the characters it touched, the
/// state stays different through the unchanged rest of the code and the check fails. The tests below therefore only
/// need every state (32) and every error at every kind of position: that covers all codes of all lengths.
/// </remarks>
public class CodeCheckTests
{
    private const int Order = CodeCheck.Order;

    // Every character a citizen might type where a code character belongs: ASCII letters and digits (case is folded first).
    private static readonly char[] s_typed = [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];

    public enum Kind
    {
        Scope,
        Digit,
        Check,
    }

    [Fact]
    public void Operate_IsALatinSquare()
    {
        for (var x = 0; x < Order; x++)
        {
            var row = new HashSet<int>();
            var column = new HashSet<int>();
            for (var y = 0; y < Order; y++)
            {
                var value = CodeCheck.Operate(x, y);
                Assert.InRange(value, 0, Order - 1);
                row.Add(value);
                column.Add(CodeCheck.Operate(y, x));
            }

            Assert.Equal(Order, row.Count);
            Assert.Equal(Order, column.Count);
        }
    }

    [Fact]
    public void Operate_IsTotallyAntiSymmetric()
    {
        for (var c = 0; c < Order; c++)
        {
            for (var x = 0; x < Order; x++)
            {
                for (var y = 0; y < Order; y++)
                {
                    if (x != y)
                    {
                        Assert.NotEqual(CodeCheck.Operate(CodeCheck.Operate(c, x), y), CodeCheck.Operate(CodeCheck.Operate(c, y), x));
                    }
                }
            }
        }
    }

    [Fact]
    public void CheckValueFor_EveryState_BringsTheStateBackToZero()
    {
        for (var state = 0; state < Order; state++)
        {
            Assert.Equal(0, CodeCheck.Operate(state, CodeCheck.CheckValueFor(state)));
        }
    }

    [Fact]
    public void Symbols_AreCrockfordBase32()
    {
        Assert.Equal(Order, CodeCheck.Symbols.Distinct().Count());
        Assert.DoesNotContain('I', CodeCheck.Symbols);
        Assert.DoesNotContain('L', CodeCheck.Symbols);
        Assert.DoesNotContain('O', CodeCheck.Symbols);
        Assert.DoesNotContain('U', CodeCheck.Symbols);
    }

    [Theory]
    [InlineData(Kind.Scope)]
    [InlineData(Kind.Digit)]
    [InlineData(Kind.Check)]
    public void SingleSubstitution_AnyStateAnyCharacter_ChangesTheStateOrMeansTheSame(Kind kind)
    {
        var checkedCases = 0;
        for (var state = 0; state < Order; state++)
        {
            foreach (var original in Allowed(kind))
            {
                foreach (var typed in s_typed)
                {
                    foreach (var reading in Readings(kind, typed))
                    {
                        checkedCases++;
                        if (reading != original)
                        {
                            Assert.NotEqual(CodeCheck.Operate(state, original), CodeCheck.Operate(state, reading));
                        }
                    }
                }
            }
        }

        Assert.True(checkedCases > 1000);
    }

    [Theory]
    [InlineData(Kind.Scope, Kind.Scope)]
    [InlineData(Kind.Scope, Kind.Digit)]
    [InlineData(Kind.Digit, Kind.Digit)]
    [InlineData(Kind.Digit, Kind.Check)]
    public void AdjacentTransposition_AnyStateAnyPair_ChangesTheStateOrMeansTheSame(Kind first, Kind second)
    {
        // The characters at the two positions, as the canonical code shows them.
        var firstChars = Canonical(first);
        var secondChars = Canonical(second);
        var checkedCases = 0;
        for (var state = 0; state < Order; state++)
        {
            foreach (var x in firstChars)
            {
                foreach (var y in secondChars)
                {
                    var original = CodeCheck.Operate(CodeCheck.Operate(state, Value(first, x)), Value(second, y));

                    // Typed swapped: y where the first kind is read, x where the second kind is read.
                    foreach (var a in Readings(first, y))
                    {
                        foreach (var b in Readings(second, x))
                        {
                            checkedCases++;
                            if (a == Value(first, x) && b == Value(second, y))
                            {
                                continue; // swapping confusable twins such as O and 0: the same code
                            }

                            Assert.NotEqual(original, CodeCheck.Operate(CodeCheck.Operate(state, a), b));
                        }
                    }
                }
            }
        }

        Assert.True(checkedCases > 0);
    }

    [Fact]
    public void ScopeReadings_OfOnesTypedForIOrL_NeverFoldToTheSameState()
    {
        // A 1 typed in the letters-only scope reads as I or L; the check must let at most one reading through,
        // however many 1s there are. Every state, every scope pattern with at least one 1.
        var letters = Enumerable.Range('A', 26).Select(c => (char)c).Append('1').ToArray();
        for (var state = 0; state < Order; state++)
        {
            foreach (var a in letters)
            {
                foreach (var b in letters)
                {
                    foreach (var c in letters)
                    {
                        if (a != '1' && b != '1' && c != '1')
                        {
                            continue;
                        }

                        var states = (from x in Readings(Kind.Scope, a)
                                      from y in Readings(Kind.Scope, b)
                                      from z in Readings(Kind.Scope, c)
                                      select CodeCheck.Operate(CodeCheck.Operate(CodeCheck.Operate(state, x), y), z)).ToList();
                        Assert.Equal(states.Count, states.Distinct().Count());
                    }
                }
            }
        }
    }

    [Fact]
    public void Transposition_AtAnyDistanceWithinACode_IsDetected()
    {
        // A bonus of the linear quasigroup: swapping two different digits any distance apart is detected too,
        // because α^d + 1 is non-zero for every d below 31, the multiplicative order of α.
        var power = 1;
        for (var distance = 1; distance < ComplaintCode.MaxCompactLength; distance++)
        {
            power = CodeCheck.Operate(power, 0);
            Assert.NotEqual(1, power);
        }
    }

    private static IEnumerable<int> Allowed(Kind kind) => kind switch
    {
        Kind.Scope => Enumerable.Range(0, 26),
        Kind.Digit => Enumerable.Range(0, 10),
        _ => Enumerable.Range(0, Order),
    };

    private static IEnumerable<char> Canonical(Kind kind) => kind switch
    {
        Kind.Scope => Enumerable.Range('A', 26).Select(c => (char)c),
        Kind.Digit => Enumerable.Range('0', 10).Select(c => (char)c),
        _ => CodeCheck.Symbols,
    };

    private static int Value(Kind kind, char canonical) => kind switch
    {
        Kind.Scope => canonical - 'A',
        Kind.Digit => canonical - '0',
        _ => CodeCheck.Symbols.IndexOf(canonical, StringComparison.Ordinal),
    };

    /// <summary>Every value the reader may give a typed character at a position of the kind (none: the code is rejected).</summary>
    private static IEnumerable<int> Readings(Kind kind, char typed)
    {
        switch (kind)
        {
            case Kind.Scope:
                var scope = CodeAlphabet.ScopeValue(typed);
                if (scope == CodeAlphabet.IOrL)
                {
                    return ['I' - 'A', 'L' - 'A'];
                }

                return scope == CodeAlphabet.None ? [] : [scope];
            case Kind.Digit:
                var digit = CodeAlphabet.DigitValue(typed);
                return digit == CodeAlphabet.None ? [] : [digit];
            default:
                var check = CodeAlphabet.CheckValue(typed);
                return check == CodeAlphabet.None ? [] : [check];
        }
    }
}
