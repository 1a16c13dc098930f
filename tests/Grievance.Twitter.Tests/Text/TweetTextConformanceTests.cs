using System.Text.Json.Nodes;
using Grievance.Twitter.Tests.Conformance;
using Grievance.Twitter.Text;

namespace Grievance.Twitter.Tests.Text;

/// <summary>
/// Every case of twitter-text's conformance suite, one theory row each, run against the API the reference's
/// own JavaScript runner calls for that group.
/// </summary>
public class TweetTextConformanceTests
{
    public static TheoryData<string, string, int, string> ExtractCases => ConformanceData.Rows("extract.json");

    public static TheoryData<string, string, int, string> ValidateCases => ConformanceData.Rows("validate.json");

    public static TheoryData<string, string, int, string> TldCases => ConformanceData.Rows("tlds.json");

    [Theory]
    [MemberData(nameof(ExtractCases))]
    public void Extract_ConformanceCase_MatchesExpected(string file, string group, int index, string description)
    {
        var (text, expected) = Load(file, group, index);

        JsonNode? actual = group switch
        {
            "mentions" => Strings(TweetText.ExtractMentions(text)),
            "mentions_with_indices" => Entities(TweetText.ExtractMentionsWithIndices(text), "screen_name"),
            "mentions_or_lists_with_indices" => Entities(TweetText.ExtractMentionsOrListsWithIndices(text), "screen_name", withListSlug: true),
            "replies" => TweetText.ExtractReplyScreenName(text) is { } reply ? JsonValue.Create(reply) : null,
            "urls" or "tco_urls_with_params" => Strings(TweetText.ExtractUrls(text)),
            "urls_with_indices" or "urls_with_directional_markers" => Entities(TweetText.ExtractUrlsWithIndices(text), "url"),
            "hashtags" or "hashtags_from_astral" => Strings(TweetText.ExtractHashtags(text)),
            "hashtags_with_indices" => Entities(TweetText.ExtractHashtagsWithIndices(text), "hashtag"),
            "cashtags" => Strings(TweetText.ExtractCashtags(text)),
            "cashtags_with_indices" => Entities(TweetText.ExtractCashtagsWithIndices(text), "cashtag"),
            _ => throw new InvalidOperationException($"Unknown extract group '{group}'."),
        };

        AssertJsonEqual(expected, actual, description);
    }

    [Theory]
    [MemberData(nameof(ValidateCases))]
    public void Validate_ConformanceCase_MatchesExpected(string file, string group, int index, string description)
    {
        var (text, expected) = Load(file, group, index);

        JsonNode? actual = group switch
        {
            // The upstream runner checks these with the legacy 140 limit (config v1).
            "tweets" => JsonValue.Create(TweetText.Parse(text, TweetTextConfig.V1).IsValid),
            "usernames" => JsonValue.Create(TweetText.IsValidUsername(text)),
            "lists" => JsonValue.Create(TweetText.IsValidList(text)),
            "hashtags" => JsonValue.Create(TweetText.IsValidHashtag(text)),
            "urls" => JsonValue.Create(TweetText.IsValidUrl(text)),
            "urls_without_protocol" => JsonValue.Create(TweetText.IsValidUrl(text, unicodeDomains: true, requireProtocol: false)),
            "WeightedTweetsCounterTest" => ParseResult(TweetText.Parse(text, TweetTextConfig.V2)),
            "WeightedTweetsWithDiscountedEmojiCounterTest" => ParseResult(TweetText.Parse(text, TweetTextConfig.V3)),
            "UnicodeDirectionalMarkerCounterTest" => ParseResult(TweetText.Parse(text)),
            _ => throw new InvalidOperationException($"Unknown validate group '{group}'."),
        };

        AssertJsonEqual(expected, actual, description);
    }

    [Theory]
    [MemberData(nameof(TldCases))]
    public void Tlds_ConformanceCase_MatchesExpected(string file, string group, int index, string description)
    {
        var (text, expected) = Load(file, group, index);

        AssertJsonEqual(expected, Strings(TweetText.ExtractUrls(text)), description);
    }

    private static (string Text, JsonNode? Expected) Load(string file, string group, int index)
    {
        var testCase = ConformanceData.Case(file, group, index);
        return (testCase["text"]!.GetValue<string>(), testCase["expected"]);
    }

    internal static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    internal static JsonArray Entities(IEnumerable<TweetEntity> entities, string valueName, bool withListSlug = false)
    {
        var array = new JsonArray();
        foreach (var e in entities)
        {
            var node = new JsonObject { [valueName] = e.Value };
            if (withListSlug)
            {
                node["list_slug"] = e.ListSlug;
            }

            node["indices"] = new JsonArray(e.Start, e.End);
            array.Add(node);
        }

        return array;
    }

    internal static JsonObject ParseResult(TweetTextParseResult r) => new()
    {
        ["weightedLength"] = r.WeightedLength,
        ["valid"] = r.IsValid,
        ["permillage"] = r.Permillage,
        ["displayRangeStart"] = r.DisplayRangeStart,
        ["displayRangeEnd"] = r.DisplayRangeEnd,
        ["validRangeStart"] = r.ValidRangeStart,
        ["validRangeEnd"] = r.ValidRangeEnd,
    };

    internal static void AssertJsonEqual(JsonNode? expected, JsonNode? actual, string description)
    {
        var expectedJson = expected?.ToJsonString() ?? "null";
        var actualJson = actual?.ToJsonString() ?? "null";
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{description}\nexpected: {expectedJson}\nactual:   {actualJson}");
    }
}
