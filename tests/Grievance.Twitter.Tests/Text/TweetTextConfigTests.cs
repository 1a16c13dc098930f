using System.Text;
using Grievance.Twitter.Tests.Conformance;
using Grievance.Twitter.Text;

namespace Grievance.Twitter.Tests.Text;

public class TweetTextConfigTests
{
    public static TheoryData<string, int> ConfigFiles => new()
    {
        { "config-v1.json", 1 },
        { "config-v2.json", 2 },
        { "config-v3.json", 3 },
    };

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void Load_UpstreamConfigFile_EqualsBuiltInConfig(string fileName, int version)
    {
        var builtIn = version switch { 1 => TweetTextConfig.V1, 2 => TweetTextConfig.V2, _ => TweetTextConfig.V3 };

        var loaded = TweetTextConfig.Load(ConformanceData.ReadText(fileName));

        AssertSameValues(builtIn, loaded);
    }

    [Fact]
    public void Load_Stream_ReadsConfig()
    {
        using var stream = ConformanceData.Open("config-v3.json");

        var loaded = TweetTextConfig.Load(stream);

        AssertSameValues(TweetTextConfig.V3, loaded);
    }

    [Fact]
    public void Load_CustomWeights_AreUsedByParse()
    {
        const string json = """
            { "version": 9, "maxWeightedTweetLength": 10, "scale": 10, "defaultWeight": 30,
              "transformedURLLength": 5, "ranges": [ { "start": 97, "end": 122, "weight": 10 } ], "extra": "ignored" }
            """;

        var config = TweetTextConfig.Load(json);
        var result = TweetText.Parse("abc DEF a.co", config);

        Assert.False(config.EmojiParsingEnabled);
        Assert.Equal(3 + 3 + 9 + 3 + 5, result.WeightedLength);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void V3_Default_IsUsedWhenConfigIsNull()
    {
        Assert.Equal(TweetText.Parse("👨‍👩‍👧‍👦", TweetTextConfig.V3), TweetText.Parse("👨‍👩‍👧‍👦"));
        Assert.Equal(3, TweetTextConfig.V3.Version);
        Assert.True(TweetTextConfig.V3.EmojiParsingEnabled);
        Assert.False(TweetTextConfig.V2.EmojiParsingEnabled);
        Assert.Equal(140, TweetTextConfig.V1.MaxWeightedTweetLength);
    }

    [Theory]
    [InlineData("{ \"version\": 3, ")]
    [InlineData("[]")]
    [InlineData("{ \"version\": 3, \"maxWeightedTweetLength\": 280, \"scale\": 100, \"defaultWeight\": 200 }")]
    [InlineData("{ \"version\": 3, \"maxWeightedTweetLength\": 280, \"scale\": 0, \"defaultWeight\": 200, \"transformedURLLength\": 23 }")]
    [InlineData("{ \"version\": 3, \"maxWeightedTweetLength\": \"280\", \"scale\": 100, \"defaultWeight\": 200, \"transformedURLLength\": 23 }")]
    [InlineData("{ \"version\": 3, \"maxWeightedTweetLength\": 280, \"scale\": 100, \"defaultWeight\": 200, \"transformedURLLength\": 23, \"ranges\": {} }")]
    [InlineData("{ \"version\": 3, \"maxWeightedTweetLength\": 280, \"scale\": 100, \"defaultWeight\": 200, \"transformedURLLength\": 23, \"ranges\": [ { \"start\": 5, \"end\": 1, \"weight\": 1 } ] }")]
    [InlineData("{ \"version\": 3, \"maxWeightedTweetLength\": 280, \"scale\": 100, \"defaultWeight\": 200, \"transformedURLLength\": 23, \"emojiParsingEnabled\": \"yes\" }")]
    public void Load_InvalidJson_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => TweetTextConfig.Load(json));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.Throws<FormatException>(() => TweetTextConfig.Load(stream));
    }

    [Fact]
    public void Load_MissingProperty_NamesIt()
    {
        var ex = Assert.Throws<FormatException>(() => TweetTextConfig.Load("{ \"version\": 3, \"scale\": 100 }"));

        Assert.Contains("maxWeightedTweetLength", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NullJson_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => TweetTextConfig.Load((string)null!));

        Assert.Equal("json", ex.ParamName);
    }

    [Fact]
    public void Load_NullStream_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => TweetTextConfig.Load((Stream)null!));

        Assert.Equal("stream", ex.ParamName);
    }

    private static void AssertSameValues(TweetTextConfig expected, TweetTextConfig actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.MaxWeightedTweetLength, actual.MaxWeightedTweetLength);
        Assert.Equal(expected.Scale, actual.Scale);
        Assert.Equal(expected.DefaultWeight, actual.DefaultWeight);
        Assert.Equal(expected.EmojiParsingEnabled, actual.EmojiParsingEnabled);
        Assert.Equal(expected.TransformedUrlLength, actual.TransformedUrlLength);
        Assert.Equal(expected.Ranges, actual.Ranges);
    }
}
