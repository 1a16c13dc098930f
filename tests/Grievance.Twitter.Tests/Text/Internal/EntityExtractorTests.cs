using System.Text;
using System.Text.RegularExpressions;
using Grievance.Twitter.Tests.Conformance;
using Grievance.Twitter.Text;
using Grievance.Twitter.Text.Internal;

namespace Grievance.Twitter.Tests.Text.Internal;

/// <summary>
/// The scanners emulate the reference's regular expressions around signs and dots instead of running them
/// from every position. These tests run the expressions themselves, as the reference does (a global scan),
/// on many random strings built from the characters that matter, and require the same matches.
/// </summary>
public class EntityExtractorTests
{
    private const int Samples = 20_000;

    private static readonly string[] Fragments =
    [
        "http://", "https://", "HTTPS://", "hTtP://", "www.", ".", ".", "..", "com", "co", "in", "CoM", "t.co/", "T.CO/", "xn--",
        "xn--p1ai", "рф", "भारत", "嘉里", "嘉里大酒店", "(", ")", "((", "/", "/", "?", "#", "@", "$", "_", "-", ":", "8080", "a", "Z",
        "ab", "x1", "é", "ф", "ड", "क्ष", "😀", "🏽", "🇮🇳", "👨‍👩‍👧‍👦", "\u200D", "\uFE0F", "\uFE0E", "\u20E3", "1", "#", "*",
        " ", " ", "\u00A0", "\u3000", "\n", "RT", "rt:", "rT", "＠", "＃", "&", "~", "%20", "=", "!", "'", "\"", ",", ";", "+",
        "[", "]", "|", "–", "\u200E", "\u202A", "\u2066", "\u061C", "\uFEFF", "\u212A", "\u017F", "ı", "ǅ", "ᲀ", "ι", "\u0345",
        "user", "list", "/slug", "TAG", "$AB.C", "_x", "co.in", "a.b", "e.g.", "Rs.5", "1.2.3.4", "ab_c.com", "-a.com", "a-.com",
        " @ab", " #tag", " $XYZ", " #हिंदी", " @a/list", " $ab_c", " #1a", " ☺", " ❤️", " 1️⃣", " ©️",
        "🏋", "🏌", "🕴", "⛹", "👯", "🤼", "🧞", "👁", "🏳", "🏴", "\uDB40\uDC67", "\uDB40\uDC62", "\uDB40\uDC7F", "🗨", "🌈",
        "☠", "♀", "♂", "⚕", "✈", "💋", "❤", "👧", "👦", "👨", "👩", "\uD83C\uDDEE", "\uD83C\uDDF3", "©", "®", "™", "♟", "☺", "✌",
        "✊", "🏻", "🏿", "\u200D", "\uFE0F", "🧑", "🤝", "🫠", "\uD83C", "\uDFFB", "\uE50A",
    ];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FindUrlMatches_RandomText_MatchesGlobalScanOfReferencePattern(int seed)
    {
        var regex = ReferenceUrl.Value;
        var found = 0;
        foreach (var text in RandomTexts(seed))
        {
            var expected = new List<UrlMatch>();
            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
            {
                var url = m.Groups["url"];
                var domain = m.Groups["domain"];
                var path = m.Groups["path"];
                expected.Add(new UrlMatch(m.Index, url.Index, m.Groups["protocol"].Length, domain.Index + domain.Length,
                    path.Success ? path.Length : 0, m.Index + m.Length));
            }

            found += expected.Count;

            AssertSame(expected, EntityExtractor.FindUrlMatches(text), text);
        }

        Assert.True(found > 300, $"only {found} matches: the samples do not exercise the scanner");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MentionsOrLists_RandomText_MatchesGlobalScanOfReferencePattern(int seed)
    {
        var found = 0;
        foreach (var text in RandomTexts(seed))
        {
            var expected = new List<TweetEntity>();
            for (var m = TwitterTextPatterns.MentionOrList().Match(text); m.Success; m = m.NextMatch())
            {
                var end = m.Index + m.Length;
                var after = text.AsSpan(end);
                if (after.Length > 0 && (after[0] is '@' or '\uFF20' || TwitterTextPatterns.IsMentionTerminator(after[0]) || after.StartsWith("://")))
                {
                    continue;
                }

                var start = m.Index + m.Groups["before"].Length;
                expected.Add(new TweetEntity { Value = m.Groups["name"].Value, ListSlug = m.Groups["list"].Value, Start = start, End = end });
            }

            found += expected.Count;

            AssertSame(expected, EntityExtractor.MentionsOrLists(text), text);
        }

        Assert.True(found > 300, $"only {found} matches: the samples do not exercise the scanner");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Hashtags_RandomText_MatchesGlobalScanOfReferencePattern(int seed)
    {
        var found = 0;
        foreach (var text in RandomTexts(seed))
        {
            var expected = new List<TweetEntity>();
            for (var m = TwitterTextPatterns.Hashtag.Match(text); m.Success; m = m.NextMatch())
            {
                var end = m.Index + m.Length;
                var after = text.AsSpan(end);
                if (after.Length > 0 && (after[0] is '#' or '\uFF03' || after.StartsWith("://")))
                {
                    continue;
                }

                var tag = m.Groups["tag"];
                expected.Add(new TweetEntity { Value = tag.Value, Start = tag.Index - 1, End = end });
            }

            found += expected.Count;

            AssertSame(expected, EntityExtractor.Hashtags(text, checkUrlOverlap: false), text);
        }

        Assert.True(found > 300, $"only {found} matches: the samples do not exercise the scanner");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cashtags_RandomText_MatchesGlobalScanOfReferencePattern(int seed)
    {
        var found = 0;
        foreach (var text in RandomTexts(seed))
        {
            var expected = TwitterTextPatterns.Cashtag().Matches(text)
                .Select(m => new TweetEntity { Value = m.Groups["tag"].Value, Start = m.Groups["tag"].Index - 1, End = m.Index + m.Length })
                .ToList();

            found += expected.Count;

            AssertSame(expected, EntityExtractor.Cashtags(text), text);
        }

        Assert.True(found > 300, $"only {found} matches: the samples do not exercise the scanner");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EmojiRanges_RandomText_MatchesGlobalScanOfTwemojiPattern(int seed)
    {
        var found = 0;
        foreach (var text in RandomTexts(seed))
        {
            var expected = TwitterTextPatterns.Emoji().Matches(text).Select(m => new Range(m.Index, m.Index + m.Length)).ToList();

            found += expected.Count;

            AssertSame(expected, WeightedLengthCounter.EmojiRanges(text), text);
        }

        Assert.True(found > 300, $"only {found} matches: the samples do not exercise the scanner");
    }

    [Fact]
    public void EmojiStart_AsciiMembers_AreOnlyKeycapBases()
    {
        var ascii = Enumerable.Range(0, 128).Where(c => TwitterTextPatterns.EmojiStart.Contains((char)c)).Select(c => (char)c);

        Assert.Equal("#*0123456789", string.Concat(ascii));
    }

    private static readonly Lazy<Regex> ReferenceUrl = new(TwitterTextPatterns.BuildUrl);

    private static IEnumerable<string> RandomTexts(int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < Samples / 5; i++)
        {
            sb.Clear();
            var count = 1 + random.Next(16);
            for (var k = 0; k < count; k++)
            {
                sb.Append(Fragments[random.Next(Fragments.Length)]);
            }

            yield return sb.ToString();
        }
    }

    private static void AssertSame<T>(List<T> expected, IReadOnlyList<T> actual, string text)
    {
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail($"Mismatch for \"{ConformanceData.Printable(text)}\"\nexpected: {string.Join(", ", expected)}\nactual:   {string.Join(", ", actual)}");
        }
    }
}
