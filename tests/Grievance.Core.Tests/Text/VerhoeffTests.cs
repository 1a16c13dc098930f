using Grievance.Text.Internal;

namespace Grievance.Core.Tests.Text;

public class VerhoeffTests
{
    [Theory]
    [InlineData("236", 3)]       // the worked example of Verhoeff's scheme: 236 → 2363
    [InlineData("142857", 0)]    // 1428570 is the standard validation example
    [InlineData("1456789", 4)]   // 14567894 (Algorithm::CheckDigits documentation)
    [InlineData("12345", 1)]
    [InlineData("2363", 4)]
    [InlineData("23456789012", 4)]
    [InlineData("0", 4)]
    public void ComputeCheckDigit_KnownVector_ReturnsCheckDigit(string number, int expected)
    {
        Assert.Equal(expected, Verhoeff.ComputeCheckDigit(Digits(number)));
        Assert.True(Verhoeff.IsValid(Digits(number + expected)));
    }

    [Theory]
    [InlineData("2363", true)]
    [InlineData("1428570", true)]
    [InlineData("234567890124", true)]
    [InlineData("2364", false)]
    [InlineData("1428571", false)]
    [InlineData("234567890123", false)]
    [InlineData("", false)]
    public void IsValid_Number_ReturnsExpected(string number, bool expected)
    {
        Assert.Equal(expected, Verhoeff.IsValid(Digits(number)));
    }

    [Fact]
    public void IsValid_EverySingleDigitErrorAndAdjacentTransposition_IsDetected()
    {
        var valid = Digits("234567890124");
        Assert.True(Verhoeff.IsValid(valid));

        for (var i = 0; i < valid.Length; i++)
        {
            for (byte d = 0; d <= 9; d++)
            {
                if (d == valid[i])
                {
                    continue;
                }

                var changed = (byte[])valid.Clone();
                changed[i] = d;
                Assert.False(Verhoeff.IsValid(changed), $"digit {i} changed to {d}");
            }

            if (i + 1 < valid.Length && valid[i] != valid[i + 1])
            {
                var swapped = (byte[])valid.Clone();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                Assert.False(Verhoeff.IsValid(swapped), $"digits {i} and {i + 1} swapped");
            }
        }
    }

    [Fact]
    public void ComputeCheckDigit_ValueAboveNine_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("digits", () => Verhoeff.ComputeCheckDigit([1, 10]));
    }

    private static byte[] Digits(string number) => [.. number.Select(c => (byte)(c - '0'))];
}
