using System.Text;
using Grievance.Twitter.Text.Internal;

namespace Grievance.Twitter.Tests.Text.Internal;

public class NfcTests
{
    [Fact]
    public void IsKnownNfc_EveryBmpCharacterAfterEveryStarterKind_AgreesWithIcu()
    {
        // Each code unit alone and after a few starters, so compositions and reorderings are exercised.
        string[] prefixes = ["", "a", "न", "र", "\u094D", "\u0951", "\u2190"];
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            foreach (var prefix in prefixes)
            {
                var text = prefix + (char)c;
                if (Nfc.IsKnownNfc(text))
                {
                    Assert.True(IcuIsNormalized(text), $"U+{c:X4} after \"{prefix}\" is not in NFC");
                }
            }
        }
    }

    [Fact]
    public void IsKnownNfc_EmojiAndAstral_AgreesWithIcu()
    {
        for (var cp = 0x10000; cp <= 0x10FFFF; cp += cp is >= 0x1F000 and <= 0x1FAFF ? 1 : 97)
        {
            var text = char.ConvertFromUtf32(cp);
            if (Nfc.IsKnownNfc(text))
            {
                Assert.True(text.IsNormalized(NormalizationForm.FormC), $"U+{cp:X} is not in NFC");
            }
        }
    }

    [Theory]
    [InlineData("कृपया मदद करें 🙏🏽 #बिजली", true)]
    [InlineData("\u0958\u093E\u0928\u0942\u0928", false)] // U+0958 is a composition exclusion
    [InlineData("न\u093C", false)] // composes to U+0929
    [InlineData("A\u0301", false)]
    [InlineData("\u2126", false)]
    public void IsKnownNfc_Text_ReturnsExpected(string text, bool expected)
    {
        Assert.Equal(expected, Nfc.IsKnownNfc(text));
    }

    [Theory]
    [InlineData("a\uD800b", "a\uD800b")]
    [InlineData("A\u0301\uFFFEe\u0301", "\u00C1\uFFFE\u00E9")]
    [InlineData("\uDC00A\u0301", "\uDC00\u00C1")]
    public void Normalize_InvalidUnicode_NormalizesAroundIt(string text, string expected)
    {
        Assert.Equal(expected, Nfc.Normalize(text));
    }

    private static bool IcuIsNormalized(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return true; // noncharacters such as U+FFFE: kept as they are, like the reference
        }
    }
}
