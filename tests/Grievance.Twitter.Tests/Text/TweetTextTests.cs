using System.Globalization;
using Grievance.Twitter.Tests.Conformance;
using Grievance.Twitter.Text;

namespace Grievance.Twitter.Tests.Text;

public class TweetTextTests
{
    public static TheoryData<string, Action> NullArguments => new()
    {
        { "text", () => TweetText.Parse(null!) },
        { "text", () => TweetText.ExtractMentions(null!) },
        { "text", () => TweetText.ExtractMentionsWithIndices(null!) },
        { "text", () => TweetText.ExtractMentionsOrListsWithIndices(null!) },
        { "text", () => TweetText.ExtractReplyScreenName(null!) },
        { "text", () => TweetText.ExtractUrls(null!) },
        { "text", () => TweetText.ExtractUrlsWithIndices(null!) },
        { "text", () => TweetText.ExtractHashtags(null!) },
        { "text", () => TweetText.ExtractHashtagsWithIndices(null!) },
        { "text", () => TweetText.ExtractCashtags(null!) },
        { "text", () => TweetText.ExtractCashtagsWithIndices(null!) },
        { "username", () => TweetText.IsValidUsername(null!) },
        { "usernameList", () => TweetText.IsValidList(null!) },
        { "hashtag", () => TweetText.IsValidHashtag(null!) },
        { "url", () => TweetText.IsValidUrl(null!) },
        { "text", () => TweetText.Truncate(null!) },
        { "ellipsis", () => TweetText.Truncate("text", 280, null!) },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void PublicMethod_NullArgument_ThrowsArgumentNullExceptionWithParameterName(string parameter, Action call)
    {
        var ex = Assert.Throws<ArgumentNullException>(call);

        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Truncate_NegativeMaximum_ThrowsArgumentOutOfRangeException()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TweetText.Truncate("text", -1));

        Assert.Equal("maxWeightedLength", ex.ParamName);
    }

    [Fact]
    public void Parse_ConfigWithZeroScale_ThrowsArgumentExceptionForConfig()
    {
        var ex = Assert.Throws<ArgumentException>(() => TweetText.Parse("text", TweetTextConfig.V3 with { Scale = 0 }));

        Assert.Equal("config", ex.ParamName);
    }

    [Theory]
    [InlineData("Street light not working", 24)]
    [InlineData("सड़क पर गड्ढा है", 16)] // Devanagari weighs 1 per code point, and NFC keeps ड़ as two
    [InlineData("क्षि", 4)]
    [InlineData("₹500", 5)]
    [InlineData("https://jansunwai.up.nic.in/status?id=12345", 23)]
    [InlineData("see lucknow.nic.in", 27)]
    [InlineData("👨‍👩‍👧‍👦", 2)]
    [InlineData("🙏🏽", 2)]
    [InlineData("🇮🇳", 2)]
    [InlineData("1️⃣", 2)]
    [InlineData("🧑‍🤝‍🧑", 8)] // Emoji 12: unknown to the reference's emoji data, counted per code point
    [InlineData("🫠", 2)]
    [InlineData("\u200E", 2)]
    public void Parse_DefaultConfig_CountsLikeX(string text, int expected)
    {
        Assert.Equal(expected, TweetText.Parse(text).WeightedLength);
    }

    [Fact]
    public void Parse_FamilyEmojiWithoutEmojiParsing_CountsEachCodePoint()
    {
        Assert.Equal(11, TweetText.Parse("👨‍👩‍👧‍👦", TweetTextConfig.V2).WeightedLength);
    }

    [Fact]
    public void Parse_EmptyText_IsInvalidWithZeroLength()
    {
        var result = TweetText.Parse(string.Empty);

        Assert.False(result.IsValid);
        Assert.Equal(0, result.WeightedLength);
        Assert.Equal(0, result.DisplayRangeEnd);
    }

    [Theory]
    [InlineData("abc\uFFFE")]
    [InlineData("abc\uFEFF")]
    [InlineData("\uFFFF")]
    public void Parse_InvalidCharacter_IsInvalid(string text)
    {
        Assert.False(TweetText.Parse(text).IsValid);
    }

    [Fact]
    public void Parse_LoneSurrogate_CountsLikeTheReference()
    {
        // .NET's NFC rejects lone surrogates; the reference keeps them and weighs them as other code units.
        var result = TweetText.Parse("a\uD800b\uDC00e\u0301");

        Assert.True(result.IsValid);
        Assert.Equal(7, result.WeightedLength);
    }

    [Fact]
    public void Parse_Exactly280_IsValidAnd281IsNot()
    {
        Assert.True(TweetText.Parse(new string('a', 280)).IsValid);
        var over = TweetText.Parse(new string('a', 281));
        Assert.False(over.IsValid);
        Assert.Equal(279, over.ValidRangeEnd);
        Assert.Equal(1003, over.Permillage);
    }

    [Fact]
    public void Parse_LongPostConfig_AcceptsLongText()
    {
        var longPost = TweetTextConfig.V3 with { MaxWeightedTweetLength = 25_000 };

        Assert.True(TweetText.Parse(new string('a', 25_000), longPost).IsValid);
        Assert.False(TweetText.Parse(new string('a', 25_001), longPost).IsValid);
    }

    [Fact]
    public void ExtractEntities_MixedHinglishPost_ReturnsUtf16Indices()
    {
        const string text = "🙏 @lko_nagar_nigam bijli nahi #बिजली $TCS lucknow.nic.in/x";

        var mention = Assert.Single(TweetText.ExtractMentionsWithIndices(text));
        var hashtag = Assert.Single(TweetText.ExtractHashtagsWithIndices(text));
        var cashtag = Assert.Single(TweetText.ExtractCashtagsWithIndices(text));
        var url = Assert.Single(TweetText.ExtractUrlsWithIndices(text));

        Assert.Equal("lko_nagar_nigam", mention.Value);
        Assert.Equal("@lko_nagar_nigam", text[mention.Start..mention.End]);
        Assert.Equal("#बिजली", text[hashtag.Start..hashtag.End]);
        Assert.Equal("$TCS", text[cashtag.Start..cashtag.End]);
        Assert.Equal("lucknow.nic.in/x", url.Value);
        Assert.Equal(url.Value, text[url.Start..url.End]);
    }

    [Fact]
    public void ExtractMentionsOrListsWithIndices_ListMention_HasSlug()
    {
        var entity = Assert.Single(TweetText.ExtractMentionsOrListsWithIndices("see @UPGovt/districts"));

        Assert.Equal("UPGovt", entity.Value);
        Assert.Equal("/districts", entity.ListSlug);
        Assert.Empty(TweetText.ExtractMentions("see @UPGovt/districts"));
    }

    [Theory]
    [InlineData("@CMOfficeUP please help", "CMOfficeUP")]
    [InlineData("  ＠UPGovt hi", "UPGovt")]
    [InlineData("hi @UPGovt", null)]
    [InlineData("", null)]
    public void ExtractReplyScreenName_Text_ReturnsLeadingMention(string text, string? expected)
    {
        Assert.Equal(expected, TweetText.ExtractReplyScreenName(text));
    }

    [Fact]
    public void ExtractUrls_TcoLinkWithExtraPath_CutsAfterSlug()
    {
        Assert.Equal(["https://t.co/AbC123"], TweetText.ExtractUrls("https://t.co/AbC123/extra"));
    }

    [Fact]
    public void ExtractUrlsWithIndices_Result_CannotBeModified()
    {
        var urls = TweetText.ExtractUrlsWithIndices("a.co b.co");

        Assert.Equal(2, urls.Count);
        Assert.True(urls is ICollection<TweetEntity> { IsReadOnly: true });
        Assert.Equal(2, TweetText.ExtractUrlsWithIndices("a.co b.co").Count);
    }

    [Theory]
    [InlineData("@user", true)]
    [InlineData("@user/list", false)]
    [InlineData("user", false)]
    [InlineData("", false)]
    public void IsValidUsername_Text_ReturnsExpected(string text, bool expected)
    {
        Assert.Equal(expected, TweetText.IsValidUsername(text));
    }

    [Theory]
    [InlineData("@user/list", true)]
    [InlineData("@user", false)]
    [InlineData("", false)]
    public void IsValidList_Text_ReturnsExpected(string text, bool expected)
    {
        Assert.Equal(expected, TweetText.IsValidList(text));
    }

    [Theory]
    [InlineData("#स्वच्छ_भारत", true)]
    [InlineData("#123", false)]
    [InlineData("", false)]
    public void IsValidHashtag_Text_ReturnsExpected(string text, bool expected)
    {
        Assert.Equal(expected, TweetText.IsValidHashtag(text));
    }

    [Theory]
    [InlineData("https://jansunwai.up.nic.in/", true, true, true)]
    [InlineData("jansunwai.up.nic.in", true, true, false)]
    [InlineData("jansunwai.up.nic.in", true, false, true)]
    [InlineData("https://उदाहरण.भारत/", true, true, true)]
    [InlineData("https://उदाहरण.भारत/", false, true, false)]
    [InlineData("", true, true, false)]
    public void IsValidUrl_Url_ReturnsExpected(string url, bool unicodeDomains, bool requireProtocol, bool expected)
    {
        Assert.Equal(expected, TweetText.IsValidUrl(url, unicodeDomains, requireProtocol));
    }

    [Fact]
    public void Truncate_TextThatFits_ReturnsSameInstance()
    {
        const string text = "Street light not working 🙏";

        Assert.Same(text, TweetText.Truncate(text));
    }

    [Fact]
    public void Truncate_LongEnglish_CutsAtWordAndAppendsEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("complaint", 40));

        var result = TweetText.Truncate(text);

        Assert.EndsWith("complaint…", result, StringComparison.Ordinal);
        Assert.True(TweetText.Parse(result).WeightedLength <= 280);
        Assert.True(TweetText.Parse(result).WeightedLength > 270);
    }

    [Fact]
    public void Truncate_ZwjFamilies_NeverSplitsASequence()
    {
        var text = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 200));

        var result = TweetText.Truncate(text, 100);

        Assert.EndsWith("👨‍👩‍👧‍👦…", result, StringComparison.Ordinal);
        Assert.Equal(0, (result.Length - 1) % "👨‍👩‍👧‍👦".Length);
        Assert.True(TweetText.Parse(result).WeightedLength <= 100);
    }

    [Theory]
    [InlineData("🇮🇳")]
    [InlineData("🙏🏽")]
    [InlineData("1️⃣")]
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿")]
    [InlineData("🧑‍🤝‍🧑")]
    public void Truncate_RepeatedEmojiSequence_KeepsWholeSequences(string emoji)
    {
        var text = string.Concat(Enumerable.Repeat(emoji, 300));

        var result = TweetText.Truncate(text, 50);

        Assert.True(TweetText.Parse(result).WeightedLength <= 50);
        Assert.Equal(0, (result.Length - 1) % emoji.Length);
        Assert.StartsWith(result[..^1], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_DevanagariConjuncts_NeverSplitsAConjunct()
    {
        // "क्षत्रि" is two aksaras, क्ष (3 code units) and त्रि (4); a cut after a virama would break one.
        var text = string.Concat(Enumerable.Repeat("क्षत्रि", 100));

        foreach (var max in new[] { 60, 61, 62, 63, 64, 65, 66 })
        {
            var result = TweetText.Truncate(text, max);

            Assert.True(TweetText.Parse(result).WeightedLength <= max);
            Assert.Contains((result.Length - 1) % 7, new[] { 0, 3 });
            Assert.NotEqual('\u094D', result[^2]);
        }
    }

    [Fact]
    public void Truncate_UrlAcrossTheCut_CutsBeforeTheUrl()
    {
        // 265 + 1 + 23 > 280: the URL cannot be kept whole, so the cut comes before it.
        var text = new string('a', 265) + " https://jansunwai.up.nic.in/status/12345 more words after it";

        var result = TweetText.Truncate(text);

        Assert.Equal(new string('a', 265) + "…", result);
    }

    [Fact]
    public void Truncate_MentionAcrossTheCut_CutsBeforeTheMention()
    {
        var text = new string('a', 270) + " @lko_nagar_nigam please";

        var result = TweetText.Truncate(text);

        Assert.Equal(new string('a', 270) + "…", result);
    }

    [Fact]
    public void Truncate_ZeroMaximum_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, TweetText.Truncate("too long", 0));
    }

    [Fact]
    public void Truncate_CustomEllipsis_IsCountedAndAppended()
    {
        var result = TweetText.Truncate(new string('a', 300), 280, " [more]");

        Assert.Equal(new string('a', 273) + " [more]", result);
        Assert.Equal(280, TweetText.Parse(result).WeightedLength);
    }

    [Theory]
    [InlineData(280)]
    [InlineData(100)]
    [InlineData(17)]
    public void Truncate_ReferenceCorpus_FitsAndKeepsGraphemesAndEntitiesWhole(int max)
    {
        foreach (var node in ConformanceData.File("reference-corpus.json")["cases"]!.AsArray())
        {
            var text = node!["text"]!.GetValue<string>();

            var result = TweetText.Truncate(text, max);

            if (ReferenceEquals(result, text))
            {
                Assert.True(TweetText.Parse(text).WeightedLength <= max);
                continue;
            }

            Assert.True(TweetText.Parse(result).WeightedLength <= max, ConformanceData.Printable(text));
            Assert.EndsWith("…", result, StringComparison.Ordinal);
            var kept = result[..^1];
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
            var cut = kept.Length;
            if (cut > 0 && cut < text.Length && !char.IsWhiteSpace(text[cut]))
            {
                // The cut lies on a grapheme cluster boundary...
                var boundaries = StringInfo.ParseCombiningCharacters(text);
                Assert.Contains(cut, boundaries);
            }

            // ...and outside every entity of the original text.
            foreach (var entity in TweetText.ExtractUrlsWithIndices(text)
                .Concat(TweetText.ExtractMentionsOrListsWithIndices(text))
                .Concat(TweetText.ExtractHashtagsWithIndices(text))
                .Concat(TweetText.ExtractCashtagsWithIndices(text)))
            {
                Assert.False(entity.Start < cut && cut < entity.End, $"{ConformanceData.Printable(text)} cut at {cut} inside {entity}");
            }
        }
    }
}
