using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.TestUtilities;
using Microsoft.Extensions.Options;
using Moq;

namespace Grievance.Core.Tests.Intake;

public class InboundMessageValidatorTests
{
    private static InboundMessageValidator Create(int xLimit = 25_000, int fallback = 25_000)
    {
        var policy = new Mock<IChannelMessagePolicy>();
        policy.SetupGet(p => p.Channel).Returns(Channels.X);
        policy.SetupGet(p => p.MaxInboundLength).Returns(xLimit);
        return new InboundMessageValidator([policy.Object], Options.Create(new GrievanceOptions { MaxInboundTextLength = fallback }));
    }

    [Fact]
    public void Validate_ValidMessage_HasNoErrors()
    {
        var result = Create().Validate(Some.Message());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    public static TheoryData<string, InboundMessage, string> InvalidMessages()
    {
        var ok = Some.Message("Power cut in Gorakhpur since morning", externalId: "100");
        return new TheoryData<string, InboundMessage, string>
        {
            { "no channel", ok with { Channel = "" }, "no channel" },
            { "null channel", ok with { Channel = null! }, "no channel" },
            { "no external id", ok with { ExternalId = "" }, "no external id" },
            { "null external id", ok with { ExternalId = null! }, "no external id" },
            { "external id too long", ok with { ExternalId = new string('1', 129) }, "longer than 128" },
            { "external id with space", ok with { ExternalId = "12 34" }, "white space or control" },
            { "external id with control", ok with { ExternalId = "12\u000134" }, "white space or control" },
            { "no author", ok with { Author = null! }, "no author" },
            { "author without id", ok with { Author = new Complainant { PlatformId = "" } }, "no platform id" },
            { "empty text", ok with { Text = "" }, "text is empty" },
            { "null text", ok with { Text = null! }, "text is empty" },
            { "white-space text", ok with { Text = " \n\t " }, "only white space" },
            { "no creation time", ok with { CreatedAt = default }, "no creation time" },
            { "empty conversation id", ok with { ConversationId = " " }, "conversation id is present but empty" },
            { "entity past the end", ok with { Entities = [new MessageEntity { Kind = MessageEntityKind.Mention, Start = 30, End = 99, Value = "x" }] }, "lies outside the text" },
            { "entity reversed", ok with { Entities = [new MessageEntity { Kind = MessageEntityKind.Hashtag, Start = 5, End = 5, Value = "x" }] }, "lies outside the text" },
            { "entity negative", ok with { Entities = [new MessageEntity { Kind = MessageEntityKind.Url, Start = -1, End = 3, Value = "x" }] }, "lies outside the text" },
            { "null entity", ok with { Entities = [null!] }, "entity is missing" },
            { "null entity list", ok with { Entities = null! }, "entity list is missing" },
            { "null addressed list", ok with { AddressedAccounts = null! }, "addressed-account list is missing" },
            { "null attachment list", ok with { Attachments = null! }, "attachment list is missing" },
            { "latitude out of range", ok with { Geo = new GeoPoint(91, 80) }, "not a valid latitude/longitude" },
            { "longitude out of range", ok with { Geo = new GeoPoint(26, -181) }, "not a valid latitude/longitude" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public void Validate_InvalidMessage_ReportsTheRule(string scenario, InboundMessage message, string expected)
    {
        var result = Create().Validate(message);

        Assert.False(result.IsValid, scenario);
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LongPostWithinChannelLimit_IsValid()
    {
        // X's long posts go far beyond 280 characters; the inbound limit is the channel's, not the reply limit.
        var result = Create().Validate(Some.Message(new string('a', 4000)));

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_TextBeyondChannelLimit_NamesTheLimit()
    {
        var result = Create(xLimit: 100).Validate(Some.Message(new string('a', 101)));

        var error = Assert.Single(result.Errors);
        Assert.Contains("101 characters long; channel 'x' allows at most 100", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChannelWithoutPolicy_UsesConfiguredFallback()
    {
        var message = Some.Message(new string('a', 51)) with { Channel = Channels.Web };

        var result = Create(fallback: 50).Validate(message);

        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains("allows at most 50", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Equal("policies", Assert.Throws<ArgumentNullException>(() => new InboundMessageValidator(null!, Options.Create(new GrievanceOptions()))).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new InboundMessageValidator([], null!)).ParamName);
    }
}
