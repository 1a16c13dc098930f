using System.Text.Json.Nodes;
using Grievance.Twitter.Tests.Conformance;
using Grievance.Twitter.Text;

namespace Grievance.Twitter.Tests.Text;

/// <summary>
/// Compares <see cref="TweetText"/> with the reference implementation (npm twitter-text 3.1.0) on a generated
/// corpus of mixed English, Hindi, Hinglish, emoji, URL, mention, hashtag and cashtag strings. The expected
/// values were produced by eng/twitter-text/reference-corpus.js; each string is one theory row.
/// </summary>
public class TweetTextReferenceCorpusTests
{
    private const string FileName = "reference-corpus.json";

    public static TheoryData<int> Cases
    {
        get
        {
            var rows = new TheoryData<int>();
            var count = ConformanceData.File(FileName)["cases"]!.AsArray().Count;
            for (var i = 0; i < count; i++)
            {
                rows.Add(i);
            }

            return rows;
        }
    }

    [Fact]
    public void Corpus_Embedded_HasAtLeastSixThousandDistinctStrings()
    {
        var cases = ConformanceData.File(FileName)["cases"]!.AsArray();

        Assert.True(cases.Count >= 6000);
        Assert.Equal(cases.Count, cases.Select(c => c!["text"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AllApis_ReferenceCorpusString_MatchReference(int index)
    {
        var expected = ConformanceData.File(FileName)["cases"]![index]!.AsObject();
        var text = expected["text"]!.GetValue<string>();
        var actual = new JsonObject
        {
            ["text"] = text,
            ["v3"] = Parse(TweetText.Parse(text)),
            ["v2"] = Parse(TweetText.Parse(text, TweetTextConfig.V2)),
            ["v1"] = Parse(TweetText.Parse(text, TweetTextConfig.V1)),
            ["urls"] = Entities(TweetText.ExtractUrlsWithIndices(text)),
            ["mentions"] = new JsonArray([.. TweetText.ExtractMentionsOrListsWithIndices(text)
                .Select(e => (JsonNode)new JsonArray(e.Value, e.ListSlug, e.Start, e.End))]),
            ["hashtags"] = Entities(TweetText.ExtractHashtagsWithIndices(text)),
            ["cashtags"] = Entities(TweetText.ExtractCashtagsWithIndices(text)),
            ["reply"] = TweetText.ExtractReplyScreenName(text),
        };

        TweetTextConformanceTests.AssertJsonEqual(expected, actual, $"corpus #{index}: {ConformanceData.Printable(text)}");
    }

    private static JsonArray Parse(TweetTextParseResult r) =>
        new(r.WeightedLength, r.IsValid, r.Permillage, r.DisplayRangeStart, r.DisplayRangeEnd, r.ValidRangeStart, r.ValidRangeEnd);

    private static JsonArray Entities(IEnumerable<TweetEntity> entities) =>
        new([.. entities.Select(e => (JsonNode)new JsonArray(e.Value, e.Start, e.End))]);
}
