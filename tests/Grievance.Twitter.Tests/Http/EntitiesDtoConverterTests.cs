using System.Text.Json;
using Grievance.Twitter.Http.Internal.Dto;

namespace Grievance.Twitter.Tests.Http;

public class EntitiesDtoConverterTests
{
    private static TweetDto Read(string json) =>
        JsonSerializer.Deserialize("""{"data":[""" + json + "]}", TwitterJsonContext.Default.MentionsResponseDto)!.Data![0];

    [Fact]
    public void Read_EveryKindWithUnknownPropertiesAndNulls_ReadsTheKnownFieldsAndSkipsTheRest()
    {
        var tweet = Read("""
            {"id":"5","entities":{
              "annotations":[{"start":0,"end":3,"probability":0.9,"type":"Place","normalized_text":"Lko"}],
              "mentions":[{"start":6,"end":17,"username":"SevaDeskUP","id":"1500000000000000001"},null,{"end":30,"start":20,"username":null}],
              "hashtags":[{"start":18,"end":23,"tag":"पानी","extra":{"nested":[1,2,{"a":"b"}]}}],
              "cashtags":null,
              "urls":[{"start":24,"end":47,"url":"https://t.co/AbC","expanded_url":"https://example.com/a?b=c&d","display_url":"example.com/a…",
                       "images":[{"url":"https://pbs.twimg.com/x.jpg","width":100}],"status":200,"unwound_url":"https://example.com/a"}],
              "\u0075rls_extra":true},
             "text":"after the entities"}
            """);

        var entities = tweet.Entities!;
        Assert.Equal("after the entities", tweet.Text);
        Assert.Equal(2, entities.Mentions!.Count);
        Assert.Equal((6, 17, "SevaDeskUP", "1500000000000000001"), (entities.Mentions[0].Start, entities.Mentions[0].End, entities.Mentions[0].Username, entities.Mentions[0].Id));
        Assert.Equal((20, 30, (string?)null), (entities.Mentions[1].Start, entities.Mentions[1].End, entities.Mentions[1].Username));
        Assert.Equal("पानी", Assert.Single(entities.Hashtags!).Tag);
        Assert.Null(entities.Cashtags);
        var url = Assert.Single(entities.Urls!);
        Assert.Equal((24, 47, "https://t.co/AbC", "https://example.com/a?b=c&d", "example.com/a…"), (url.Start, url.End, url.Url, url.ExpandedUrl, url.DisplayUrl));
    }

    [Fact]
    public void Read_EscapedPropertyNamesAndEmptyObject_AreRead()
    {
        var tweet = Read("""{"entities":{"hasht\u0061gs":[{"st\u0061rt":1,"end":4,"tag":"UP"}]},"note_tweet":{"text":"t","entities":{}}}""");

        var tag = Assert.Single(tweet.Entities!.Hashtags!);
        Assert.Equal((1, 4, "UP"), (tag.Start, tag.End, tag.Tag));
        Assert.NotNull(tweet.NoteTweet!.Entities);
        Assert.Null(tweet.NoteTweet.Entities.Mentions);
    }

    [Fact]
    public void Read_NullEntities_IsNull() => Assert.Null(Read("""{"id":"5","entities":null}""").Entities);

    [Theory]
    [InlineData("""{"entities":[]}""")]
    [InlineData("""{"entities":{"mentions":{}}}""")]
    [InlineData("""{"entities":{"mentions":[1]}}""")]
    [InlineData("""{"entities":{"hashtags":[{"start":"1","end":4,"tag":"UP"}]}}""")]
    [InlineData("""{"entities":{"hashtags":[{"start":1.5,"end":4,"tag":"UP"}]}}""")]
    [InlineData("""{"entities":{"urls":[{"start":1,"end":4,"url":7}]}}""")]
    public void Read_WrongShapes_AreJsonExceptions(string json) => Assert.Throws<JsonException>(() => Read(json));

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        var entities = new EntitiesDto
        {
            Mentions = [new MentionDto { Start = 0, End = 3, Username = "ab", Id = "1" }],
            Cashtags = [new TagDto { Start = 4, End = 8, Tag = "TCS" }],
            Urls = [new UrlDto { Start = 9, End = 20, Url = "https://t.co/x" }],
        };

        var json = JsonSerializer.Serialize(new TweetDto { Entities = entities }, TwitterJsonContext.Default.TweetDto);
        var read = Read(json).Entities!;

        Assert.DoesNotContain("hashtags", json, StringComparison.Ordinal);
        Assert.Equal("ab", Assert.Single(read.Mentions!).Username);
        Assert.Equal("TCS", Assert.Single(read.Cashtags!).Tag);
        Assert.Null(Assert.Single(read.Urls!).ExpandedUrl);
    }
}
