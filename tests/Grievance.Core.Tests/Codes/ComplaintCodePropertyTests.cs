using Grievance.Codes;

namespace Grievance.Core.Tests.Codes;

/// <summary>Property-style tests over 100,000 random codes of every shape: scopes rich in I, L and O, all periods, 1 to 18 digits.</summary>
public class ComplaintCodePropertyTests
{
    private const int Count = 100_000;
    private const string Typed = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    [Fact]
    public void RoundTrip_RandomCodes_ParseBackInEverySpelling()
    {
        var random = new Random(20261128);
        for (var i = 0; i < Count; i++)
        {
            var code = RandomCode(random);
            var text = code.Value;

            Assert.True(ComplaintCode.TryParse(text, out var parsed), text);
            Assert.Equal(code, parsed);
            Assert.True(ComplaintCode.TryParse(text.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), out parsed), text);
            Assert.Equal(code, parsed);
            Assert.True(ComplaintCode.TryParse(text.Replace("-", string.Empty, StringComparison.Ordinal), out parsed), text);
            Assert.Equal(code, parsed);
            Assert.Equal(code, ComplaintCode.Create(code.Scope, code.Year, code.Month, code.Sequence, text.Length - 10));
        }
    }

    [Fact]
    public void SingleSubstitution_EveryPositionEveryCharacter_IsRejectedUnlessAConfusableTwin()
    {
        var random = new Random(4);
        var checkedCount = 0L;
        var buffer = new char[32];
        for (var i = 0; i < Count; i++)
        {
            var code = RandomCode(random);
            var text = code.Value;
            text.CopyTo(buffer);
            var span = buffer.AsSpan(0, text.Length);
            for (var position = 0; position < text.Length; position++)
            {
                var original = text[position];
                if (original == '-')
                {
                    continue;
                }

                foreach (var typed in Typed)
                {
                    if (typed == original)
                    {
                        continue;
                    }

                    span[position] = typed;
                    checkedCount++;
                    if (ComplaintCode.TryParse(span, out var parsed))
                    {
                        Assert.True(parsed == code && AreTwins(original, typed), $"'{span}' was read as {parsed}; the code was {code}");
                    }
                }

                span[position] = original;
            }
        }

        Assert.True(checkedCount > Count * 300L);
    }

    [Fact]
    public void AdjacentTransposition_EveryPairIgnoringSeparators_IsRejectedUnlessConfusableTwins()
    {
        var random = new Random(11);
        var checkedCount = 0;
        var buffer = new char[32];
        for (var i = 0; i < Count; i++)
        {
            var code = RandomCode(random);
            var text = code.Value;
            text.CopyTo(buffer);
            var span = buffer.AsSpan(0, text.Length);
            for (var left = 0; left < text.Length - 1; left++)
            {
                if (text[left] == '-')
                {
                    continue;
                }

                var right = text[left + 1] == '-' ? left + 2 : left + 1;
                if (text[left] == text[right])
                {
                    continue;
                }

                (span[left], span[right]) = (span[right], span[left]);
                checkedCount++;
                if (ComplaintCode.TryParse(span, out var parsed))
                {
                    Assert.True(parsed == code && AreTwins(text[left], text[right]), $"'{span}' was read as {parsed}; the code was {code}");
                }

                (span[left], span[right]) = (span[right], span[left]);
            }
        }

        Assert.True(checkedCount > Count * 10);
    }

    [Fact]
    public void FindAll_RandomCodesInText_FindsEachExactlyOnce()
    {
        var random = new Random(7);
        for (var i = 0; i < Count / 10; i++)
        {
            var code = RandomCode(random, minYear: 2020);
            var text = $"@UPPolice status {code} please, मेरी शिकायत पर कार्रवाई नहीं हुई";

            Assert.Equal([code], ComplaintCode.FindAll(text));
        }
    }

    internal static ComplaintCode RandomCode(Random random, int minYear = ComplaintCode.MinYear)
    {
        Span<char> scope = stackalloc char[3];
        for (var i = 0; i < scope.Length; i++)
        {
            // A third of the letters are the confusable I, L and O.
            scope[i] = random.Next(3) == 0 ? "ILO"[random.Next(3)] : (char)('A' + random.Next(26));
        }

        var magnitude = random.Next(19);
        var sequence = magnitude == 0 ? 0 : random.NextInt64((long)Math.Pow(10, magnitude - 1), Math.Min((long)Math.Pow(10, magnitude), ComplaintCode.MaxSequence + 1));
        return ComplaintCode.Create(scope.ToString(), random.Next(minYear, ComplaintCode.MaxYear + 1), random.Next(1, 13), sequence, random.Next(1, 7));
    }

    /// <summary>Characters that mean the same where they stand: O and 0, I, L and 1 (the reader decides by position).</summary>
    private static bool AreTwins(char a, char b) =>
        ("O0".Contains(a, StringComparison.Ordinal) && "O0".Contains(b, StringComparison.Ordinal))
        || ("IL1".Contains(a, StringComparison.Ordinal) && "IL1".Contains(b, StringComparison.Ordinal));
}
