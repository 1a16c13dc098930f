using System.Globalization;
using Grievance.Codes;
using Grievance.TestUtilities;

namespace Grievance.Core.Tests.Codes;

public class ComplaintCodeTests
{
    [Theory]
    [InlineData("LKO", 2026, 11, 42, "LKO-2611-00421")]
    [InlineData("LKO", 2026, 11, 0, "LKO-2611-0000N")]
    [InlineData("AGR", 2026, 11, 7, "AGR-2611-00073")]
    [InlineData("VNS", 2026, 12, 1234, "VNS-2612-12343")]
    [InlineData("KNP", 2027, 1, 99, "KNP-2701-0099X")]
    [InlineData("TRI", 2026, 11, 5, "TRI-2611-0005W")]
    [InlineData("LLP", 2026, 11, 3, "LLP-2611-0003R")]
    [InlineData("GKP", 2026, 11, 999_999, "GKP-2611-999999C")]
    [InlineData("LKO", 2026, 11, 1_000_000, "LKO-2611-1000000D")]
    public void Create_KnownValues_MatchAnIndependentComputation(string scope, int year, int month, long sequence, string expected)
    {
        var code = ComplaintCode.Create(scope, year, month, sequence);

        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
        Assert.Equal(scope, code.Scope);
        Assert.Equal(year, code.Year);
        Assert.Equal(month, code.Month);
        Assert.Equal(sequence, code.Sequence);
        Assert.Equal(expected[^1], code.CheckCharacter);
    }

    [Fact]
    public void Create_FirstMillionOfAScope_AtMost16CharactersUpperCase()
    {
        var longest = 0;
        for (var sequence = 0L; sequence < 1_000_000; sequence += 997)
        {
            longest = Math.Max(longest, ComplaintCode.Create("LKO", 2026, 11, sequence).Value.Length);
        }

        Assert.Equal(16, ComplaintCode.Create("LKO", 2026, 11, 999_999).Value.Length);
        Assert.True(longest <= 16);
        Assert.Equal(17, ComplaintCode.Create("LKO", 2026, 11, 1_000_000).Value.Length);
        Assert.Equal(14, ComplaintCode.Create("LKO", 2026, 11, 0).Value.Length);
    }

    [Fact]
    public void Create_BeyondTheMinimumDigits_GrowsInsteadOfWrapping()
    {
        var codes = new[] { 9_999L, 10_000, 999_999, 1_000_000, ComplaintCode.MaxSequence }
            .Select(s => ComplaintCode.Create("LKO", 2026, 11, s))
            .ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("LKO-2611-10000", codes[1].Value[..^1]);
        Assert.Equal(ComplaintCode.MaxSequence, codes[^1].Sequence);
    }

    [Fact]
    public void Create_MinimumDigits_PadsTheSequence()
    {
        Assert.Equal("LKO-2611-000042", ComplaintCode.Create("LKO", 2026, 11, 42, 6).Value[..^1]);
        Assert.Equal("LKO-2611-42", ComplaintCode.Create("LKO", 2026, 11, 42, 1).Value[..^1]);
    }

    [Fact]
    public void Create_LowerCaseScope_IsUpperCased()
    {
        Assert.Equal(Some.Code(), ComplaintCode.Create("lko", 2026, 11, 42));
    }

    [Theory]
    [InlineData("LK")]
    [InlineData("LKOW")]
    [InlineData("LK0")]
    [InlineData("L-O")]
    [InlineData("")]
    public void Create_ScopeNotThreeLetters_ThrowsArgumentException(string scope)
    {
        var ex = Assert.Throws<ArgumentException>(() => ComplaintCode.Create(scope, 2026, 11, 1));

        Assert.Equal("scope", ex.ParamName);
    }

    [Fact]
    public void Create_NullScope_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ComplaintCode.Create(null!, 2026, 11, 1));

        Assert.Equal("scope", ex.ParamName);
    }

    [Theory]
    [InlineData(1999, 11, 1, 4, "year")]
    [InlineData(2100, 11, 1, 4, "year")]
    [InlineData(2026, 0, 1, 4, "month")]
    [InlineData(2026, 13, 1, 4, "month")]
    [InlineData(2026, 11, -1, 4, "sequence")]
    [InlineData(2026, 11, ComplaintCode.MaxSequence + 1, 4, "sequence")]
    [InlineData(2026, 11, 1, 0, "minimumSequenceDigits")]
    [InlineData(2026, 11, 1, 19, "minimumSequenceDigits")]
    public void Create_NumberOutOfRange_ThrowsArgumentOutOfRangeException(int year, int month, long sequence, int digits, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintCode.Create("LKO", year, month, sequence, digits));

        Assert.Equal(parameter, ex.ParamName);
    }

    [Theory]
    [InlineData("LKO-2611-00421")]
    [InlineData("lko-2611-00421")]
    [InlineData("LKO261100421")]
    [InlineData("LKO 2611 00421")]
    [InlineData("  lko 2611 0042 1 ")]
    [InlineData("LKO--2611---00421")]
    [InlineData("L-K-O-2-6-1-1-0-0-4-2-1")]
    [InlineData("LKO–2611—00421")]
    [InlineData("LK0-2611-00421")]
    [InlineData("LKO-26II-OO42I")]
    [InlineData("lko-26l1-oo42l")]
    [InlineData("1KO-2611-00421")]
    [InlineData("LKO-२६११-००४२1")]
    [InlineData("LKO\t2611\u00A000421")]
    public void TryParse_TolerantSpellings_ReadTheSameCode(string text)
    {
        Assert.True(ComplaintCode.TryParse(text, out var code));

        Assert.Equal(Some.Code(), code);
        Assert.Equal("LKO-2611-00421", code.ToString());
    }

    [Theory]
    [InlineData("ILA", 7)]
    [InlineData("LIA", 7)]
    [InlineData("LLP", 3)]
    [InlineData("SML", 12)]
    [InlineData("LIL", 12)]
    [InlineData("III", 12)]
    public void TryParse_OneTypedForIOrLInTheScope_TheCheckCharacterDecides(string scope, long sequence)
    {
        var code = ComplaintCode.Create(scope, 2026, 11, sequence);
        var typed = code.Value.Replace('I', '1').Replace('L', '1');

        Assert.True(ComplaintCode.TryParse(typed, out var parsed), typed);
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void TryParse_CanonicalText_ReusesTheString()
    {
        var text = Some.Code().Value;

        Assert.True(ComplaintCode.TryParse(text, out var code));

        Assert.Same(text, code.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("LKO-2611-00422")]
    [InlineData("LKO-2611-0042")]
    [InlineData("LKO-2611-00412")]
    [InlineData("LKO-2611-04021")]
    [InlineData("KLO-2611-00421")]
    [InlineData("LKO-2613-00421")]
    [InlineData("LKO-2600-00421")]
    [InlineData("LKO-2611-0042U")]
    [InlineData("LKO-2611-00421X")]
    [InlineData("LKOX-2611-00421")]
    [InlineData("LK-2611-00421")]
    [InlineData("LKO-2611-00421.")]
    [InlineData("LKO/2611/00421")]
    [InlineData("LKO-2611-0000000000000000000N")]
    [InlineData("9876543210")]
    [InlineData("226001")]
    public void TryParse_NotAValidCode_ReturnsFalse(string? text)
    {
        Assert.False(ComplaintCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_WrongCheckCharacter_ThrowsFormatExceptionThatSaysSo()
    {
        var ex = Assert.Throws<FormatException>(() => ComplaintCode.Parse("LKO-2611-00422"));

        Assert.Contains("'LKO-2611-00422'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("check character does not match", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotACode_ThrowsFormatExceptionWithTheExpectedShape()
    {
        var ex = Assert.Throws<FormatException>(() => ComplaintCode.Parse("hello"));

        Assert.Contains("LKO-2611-0044D", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadMonth_ThrowsFormatExceptionNamingThePeriod()
    {
        var ex = Assert.Throws<FormatException>(() => ComplaintCode.Parse("LKO-2613-00421"));

        Assert.Contains("YYMM", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ComplaintCode.Parse(null!));

        Assert.Equal("text", ex.ParamName);
    }

    [Fact]
    public void Parse_ValidSpan_ReadsTheCode()
    {
        Assert.Equal(Some.Code(), ComplaintCode.Parse("lko 2611 00421".AsSpan()));
    }

    [Fact]
    public void ParsableInterfaces_ReadTheCode()
    {
        Assert.Equal(Some.Code(), ParseWith<ComplaintCode>("LKO-2611-00421"));
        Assert.Equal(Some.Code(), SpanParseWith<ComplaintCode>("LKO-2611-00421"));
    }

    [Fact]
    public void TryFormat_WritesTheCanonicalText()
    {
        var code = Some.Code();
        Span<char> buffer = stackalloc char[20];

        Assert.True(code.TryFormat(buffer, out var written));
        Assert.Equal("LKO-2611-00421", buffer[..written].ToString());
        Assert.False(code.TryFormat(buffer[..5], out written));
        Assert.Equal(0, written);
        Assert.Equal("Code LKO-2611-00421.", string.Create(CultureInfo.InvariantCulture, $"Code {code}."));
        Assert.Throws<FormatException>(() => code.ToString("X", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Equality_IsOnTheCanonicalText()
    {
        var a = Some.Code();
        var b = ComplaintCode.Parse("lko 2611 0042 1");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
        Assert.NotEqual(a, Some.Code(sequence: 43));
        Assert.Equal(string.Empty, default(ComplaintCode).Value);
        Assert.NotEqual(default, a);
    }

    [Fact]
    public void CompareTo_CodesOfOneScopeAndPeriod_OrderBySequenceNumerically()
    {
        var issued = new[] { 0L, 1, 9, 10, 9_999, 10_000, 123_456, 1_000_000 }
            .Select(s => ComplaintCode.Create("LKO", 2026, 11, s))
            .ToList();
        var shuffled = issued.OrderBy(c => c.CheckCharacter).ThenByDescending(c => c.Value.Length).ToList();

        shuffled.Sort();

        Assert.Equal(issued, shuffled);
        Assert.True(issued[4] < issued[5]);
        Assert.True(issued[5] >= issued[4]);
        Assert.True(ComplaintCode.Create("LKO", 2026, 11, 99) < ComplaintCode.Create("LKO", 2026, 12, 0));
        Assert.True(default(ComplaintCode) < issued[0]);
        Assert.Equal(1, issued[0].CompareTo(null));
    }

    [Fact]
    public void IsValidScope_AcceptsOnlyThreeAsciiLetters()
    {
        Assert.True(ComplaintCode.IsValidScope("LKO"));
        Assert.True(ComplaintCode.IsValidScope("tri"));
        Assert.False(ComplaintCode.IsValidScope(null));
        Assert.False(ComplaintCode.IsValidScope("LK"));
        Assert.False(ComplaintCode.IsValidScope("LKÖ"));
        Assert.False(ComplaintCode.IsValidScope("UP3"));
    }

    private static T ParseWith<T>(string text)
        where T : IParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

    private static T SpanParseWith<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), CultureInfo.InvariantCulture);
}
