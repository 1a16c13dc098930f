using System.Text;
using Grievance.Intake;
using Grievance.Twitter.Http.Internal;
using Grievance.Twitter.Http.Internal.Dto;
using Grievance.Twitter.Intake.Internal;

namespace Grievance.Twitter.Tests.Intake;

public class TweetMapperTests
{
    private static readonly Dictionary<string, UserDto> NoUsers = new(StringComparer.Ordinal);

    private static TweetDto Post(string text, EntitiesDto? entities = null, NoteTweetDto? note = null) =>
        new() { Id = "5", Text = text, AuthorId = "9", EditHistoryTweetIds = ["5"], Entities = entities, NoteTweet = note };

    private static string Span(InboundMessage message, MessageEntity entity) => message.Text[entity.Start..entity.End];

    [Fact]
    public void Map_AsciiTextWithoutEscapes_KeepsTheSameStringAndOffsets()
    {
        const string text = "help @SevaDeskUP #Lucknow";
        var message = TweetMapper.Map(Post(text, new EntitiesDto
        {
            Mentions = [new MentionDto { Start = 5, End = 16, Username = "SevaDeskUP", Id = "1" }],
            Hashtags = [new TagDto { Start = 17, End = 25, Tag = "Lucknow" }],
        }), NoUsers);

        Assert.Same(text, message.Text);
        Assert.Equal(["@SevaDeskUP", "#Lucknow"], message.Entities.Select(e => Span(message, e)));
        Assert.Equal(["SevaDeskUP"], message.AddressedAccounts);
    }

    [Fact]
    public void Map_EntityEndingAtTheLastCodePoint_IsMappedAndOnePastTheEndIsDropped()
    {
        // Without surrogates (no map needed) and with an emoji before it (a map is built): both end exactly at the text's end.
        foreach (var text in new[] { "water #पानी", "😡 water #पानी" })
        {
            var codePoints = text.EnumerateRunes().Count();
            var good = TweetMapper.Map(Post(text, new EntitiesDto { Hashtags = [new TagDto { Start = codePoints - 5, End = codePoints, Tag = "पानी" }] }), NoUsers);
            var beyond = TweetMapper.Map(Post(text, new EntitiesDto { Hashtags = [new TagDto { Start = codePoints - 4, End = codePoints + 1, Tag = "पानी" }] }), NoUsers);

            var hashtag = Assert.Single(good.Entities);
            Assert.Equal(text.Length, hashtag.End);
            Assert.Equal("#पानी", Span(good, hashtag));
            Assert.Empty(beyond.Entities);
        }
    }

    [Fact]
    public void Map_SurrogatePairsAndEmojiSequencesBeforeEntities_ConvertCodePointsToUtf16()
    {
        // 👨‍👩‍👧‍👦 is 7 code points (4 surrogate pairs and 3 joiners), 11 UTF-16 units; 🇮🇳 is 2 code points, 4 units.
        const string text = "👨‍👩‍👧‍👦🇮🇳 @SevaDeskUP 🙏🏽 https://t.co/AbC";
        var message = TweetMapper.Map(Post(text, new EntitiesDto
        {
            Mentions = [new MentionDto { Start = 10, End = 21, Username = "SevaDeskUP" }],
            Urls = [new UrlDto { Start = 25, End = 41, Url = "https://t.co/AbC", ExpandedUrl = "https://example.com/full" }],
        }), NoUsers);

        Assert.Equal([16, 33], message.Entities.Select(e => e.Start));
        Assert.Equal("@SevaDeskUP", Span(message, message.Entities[0]));
        Assert.Equal("https://t.co/AbC", Span(message, message.Entities[1]));
        Assert.Equal("https://example.com/full", message.Entities[1].Value);
    }

    [Theory]
    [InlineData(12, 23)] // counted over the escaped text: "&amp;" and "&lt;" are 5 and 4 code points
    [InlineData(5, 16)] // counted over the unescaped text
    public void Map_EscapesBeforeAnEntity_MapEitherReadingToTheDecodedText(int start, int end)
    {
        var message = TweetMapper.Map(Post("a&amp;b&lt; @SevaDeskUP", new EntitiesDto { Mentions = [new MentionDto { Start = start, End = end, Username = "SevaDeskUP" }] }), NoUsers);

        Assert.Equal("a&b< @SevaDeskUP", message.Text);
        var mention = Assert.Single(message.Entities);
        Assert.Equal(5, mention.Start);
        Assert.Equal(16, mention.End);
    }

    [Fact]
    public void Map_AmpersandThatIsNotAnEscape_IsKeptAndOffsetsAreUnchanged()
    {
        const string text = "R&B &am; & @SevaDeskUP";
        var message = TweetMapper.Map(Post(text, new EntitiesDto { Mentions = [new MentionDto { Start = 11, End = 22, Username = "SevaDeskUP" }] }), NoUsers);

        Assert.Equal(text, message.Text);
        Assert.Equal("@SevaDeskUP", Span(message, Assert.Single(message.Entities)));
    }

    [Fact]
    public void Map_NoteTweetWithEntities_UsesTheFullTextAndItsOwnEntitiesNotThePreviews()
    {
        var full = "🙏 " + string.Concat(Enumerable.Repeat("सड़क पर गड्ढा &amp; पानी ", 30)) + "#Aminabad";
        var fullCodePoints = full.Replace("&amp;", "&", StringComparison.Ordinal).EnumerateRunes().Count();
        var post = Post(
            "🙏 सड़क पर…",
            new EntitiesDto { Hashtags = [new TagDto { Start = 0, End = 2, Tag = "x" }] },
            new NoteTweetDto { Text = full, Entities = new EntitiesDto { Hashtags = [new TagDto { Start = fullCodePoints - 9, End = fullCodePoints, Tag = "Aminabad" }] } });

        var message = TweetMapper.Map(post, NoUsers);

        Assert.True(message.Text.Length > 512);
        Assert.DoesNotContain("&amp;", message.Text, StringComparison.Ordinal);
        var hashtag = Assert.Single(message.Entities);
        Assert.Equal("#Aminabad", Span(message, hashtag));
        Assert.Equal(message.Text.Length, hashtag.End);
    }

    [Fact]
    public void Map_PostWithoutEntities_HasNoEntitiesNorAddressedAccountsAndDecodedText()
    {
        var message = TweetMapper.Map(Post("pipes &amp; drains &lt;broken&gt; 🚧"), NoUsers);

        Assert.Equal("pipes & drains <broken> 🚧", message.Text);
        Assert.Empty(message.Entities);
        Assert.Empty(message.AddressedAccounts);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void Map_EntitiesOutOfOrderAndRepeatedMentions_AreSortedAndAddressedOnce()
    {
        const string text = "@DM_Lucknow #UP @dm_lucknow @Uppolice";
        var message = TweetMapper.Map(Post(text, new EntitiesDto
        {
            Mentions =
            [
                new MentionDto { Start = 28, End = 37, Username = "Uppolice" },
                new MentionDto { Start = 0, End = 11, Username = "DM_Lucknow" },
                new MentionDto { Start = 16, End = 27, Username = "dm_lucknow" },
            ],
            Hashtags = [new TagDto { Start = 12, End = 15, Tag = "UP" }],
        }), NoUsers);

        Assert.Equal([0, 12, 16, 28], message.Entities.Select(e => e.Start));
        Assert.Equal(["Uppolice", "DM_Lucknow"], message.AddressedAccounts);
    }

    [Fact]
    public void Map_ReferencesAuthorGeoAndAttachments_AreMapped()
    {
        var post = Post("hi");
        post.ReferencedTweets = [new ReferencedTweetDto { Type = "quoted", Id = "1" }, new ReferencedTweetDto { Type = "replied_to", Id = "2" }, new ReferencedTweetDto { Type = "retweeted", Id = "3" }];
        post.Geo = new GeoDto { Coordinates = new PointDto { Coordinates = [80.9, 26.8] } };
        post.Attachments = new AttachmentsDto { MediaKeys = ["3_1", "3_2"] };
        var users = new Dictionary<string, UserDto>(StringComparer.Ordinal) { ["9"] = new UserDto { Id = "9", Username = "ravi_lko", Name = "Ravi" } };

        var message = TweetMapper.Map(post, users);

        Assert.Equal("2", message.InReplyToId);
        Assert.True(message.IsRepost);
        Assert.Equal(26.8, message.Geo!.Latitude);
        Assert.Equal(["3_1", "3_2"], message.Attachments.Select(a => a.MediaKey));
        Assert.Equal("ravi_lko", message.Author.Handle);
    }

    [Fact]
    public void MapPostsPage_MapsEveryPostWithItsAuthorMetaAndErrors()
    {
        var body = new MentionsResponseDto
        {
            Data = [Post("one"), new TweetDto { Id = "6", Text = "two", AuthorId = "8" }],
            Includes = new IncludesDto { Users = [new UserDto { Id = "9", Username = "ravi_lko" }, new UserDto { Username = "no_id" }] },
            Meta = new MetaDto { ResultCount = 2, NewestId = "6", NextToken = "t" },
            Errors = [new PartialErrorDto { Type = "https://api.twitter.com/2/problems/resource-not-found", ResourceId = "7" }],
        };

        var page = TwitterApiClient.MapPostsPage(body);

        Assert.Equal(["one", "two"], page.Messages.Select(m => m.Text));
        Assert.Equal("ravi_lko", page.Messages[0].Author.Handle);
        Assert.Null(page.Messages[1].Author.Handle);
        Assert.Equal("t", page.NextToken);
        Assert.Equal("7", Assert.Single(page.Errors).ResourceId);
    }

    /// <summary>
    /// Every code point range of many generated texts (emoji, joiners, escapes, stray '&amp;', Hindi) through the mapper and
    /// through a plain model of X's offsets (a list per reading, no shortcuts): both must agree on every range.
    /// </summary>
    [Fact]
    public void Map_EveryRangeOfGeneratedTexts_AgreesWithAPlainModel()
    {
        string[] pieces = ["a", "@x", " ", "😡", "👍🏻", "&amp;", "&lt;", "&gt;", "&", "&am", "पानी", "#t", "\uD83D", "\u200D"];
        var random = new Random(7);
        var checkedRanges = 0;
        for (var n = 0; n < 300; n++)
        {
            var builder = new StringBuilder();
            for (var k = random.Next(0, 9); k > 0; k--)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            var raw = builder.ToString();
            var model = new Model(raw);
            var codePoints = raw.EnumerateRunes().Count() + 2;
            for (var start = -1; start <= codePoints; start++)
            {
                for (var end = start; end <= codePoints + 1; end++)
                {
                    // The expected value is whatever the unescaped reading holds there, so matches are frequent.
                    var candidate = start >= 0 && end < model.FromDecoded.Count && model.FromDecoded[end] > model.FromDecoded[start]
                        ? model.Decoded[model.FromDecoded[start]..model.FromDecoded[end]]
                        : "zz";
                    var (sigil, value) = candidate.Length > 1 && candidate[0] is '#' or '@' ? (candidate[0], candidate[1..]) : ((char?)null, candidate);
                    var entities = sigil switch
                    {
                        '#' => new EntitiesDto { Hashtags = [new TagDto { Start = start, End = end, Tag = value }] },
                        '@' => new EntitiesDto { Mentions = [new MentionDto { Start = start, End = end, Username = value }] },
                        _ => new EntitiesDto { Urls = [new UrlDto { Start = start, End = end, Url = value }] },
                    };

                    var message = TweetMapper.Map(Post(raw, entities), NoUsers);
                    var expected = model.TryRange(start, end, candidate, out var s, out var e);

                    Assert.Equal(model.Decoded, message.Text);
                    Assert.Equal(expected, message.Entities.Count == 1);
                    if (expected)
                    {
                        Assert.Equal((s, e), (message.Entities[0].Start, message.Entities[0].End));
                        checkedRanges++;
                    }
                }
            }
        }

        Assert.True(checkedRanges > 1000, $"only {checkedRanges} ranges matched");
    }

    /// <summary>The straightforward model: decode while recording, per code point of either reading, its UTF-16 position.</summary>
    private sealed class Model
    {
        public Model(string raw)
        {
            var builder = new StringBuilder();
            var i = 0;
            while (i < raw.Length)
            {
                var escape = new[] { ("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>') }.FirstOrDefault(x => raw.AsSpan(i).StartsWith(x.Item1, StringComparison.Ordinal));
                if (escape.Item1 is not null)
                {
                    FromRaw.AddRange(Enumerable.Repeat(builder.Length, escape.Item1.Length));
                    FromDecoded.Add(builder.Length);
                    builder.Append(escape.Item2);
                    i += escape.Item1.Length;
                    continue;
                }

                var width = char.IsSurrogatePair(raw, i) ? 2 : 1;
                FromRaw.Add(builder.Length);
                FromDecoded.Add(builder.Length);
                builder.Append(raw, i, width);
                i += width;
            }

            FromRaw.Add(builder.Length);
            FromDecoded.Add(builder.Length);
            Decoded = builder.ToString();
        }

        public List<int> FromRaw { get; } = [];

        public List<int> FromDecoded { get; } = [];

        public string Decoded { get; }

        public bool TryRange(int startCodePoint, int endCodePoint, string expected, out int start, out int end)
        {
            foreach (var map in new[] { FromRaw, FromDecoded })
            {
                if (startCodePoint >= 0 && startCodePoint < endCodePoint && endCodePoint < map.Count)
                {
                    start = map[startCodePoint];
                    end = map[endCodePoint];
                    if (end > start && string.Equals(Decoded[start..end], expected, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            start = end = 0;
            return false;
        }
    }
}
