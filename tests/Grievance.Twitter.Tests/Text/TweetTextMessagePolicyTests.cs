using Grievance.Intake;
using Grievance.Twitter.Text;

namespace Grievance.Twitter.Tests.Text;

public class TweetTextMessagePolicyTests
{
    private readonly TweetTextMessagePolicy _policy = new();

    [Fact]
    public void Channel_Always_IsX()
    {
        Assert.Equal(Channels.X, _policy.Channel);
    }

    [Fact]
    public void MaxInboundLength_Always_IsLongPostLimit()
    {
        Assert.Equal(25_000, _policy.MaxInboundLength);
    }

    [Theory]
    [InlineData("आपकी शिकायत दर्ज हो गई है। 🙏", true)]
    [InlineData("", false)]
    [InlineData("bad \uFEFF character", false)]
    public void Fits_Text_FollowsParseValidity(string text, bool expected)
    {
        Assert.Equal(expected, _policy.Fits(text));
    }

    [Fact]
    public void Fits_281WeightedCharacters_ReturnsFalse()
    {
        Assert.True(_policy.Fits(new string('x', 280)));
        Assert.False(_policy.Fits(new string('x', 281)));
        Assert.False(_policy.Fits(new string('क', 270) + "₹₹₹₹₹₹"));
    }

    [Fact]
    public void Shorten_TextThatFits_ReturnsItUnchanged()
    {
        const string text = "Complaint UP-LKO-2026-000123 registered. 🙏";

        Assert.Same(text, _policy.Shorten(text));
    }

    [Fact]
    public void Shorten_LongHinglishReply_Fits()
    {
        var text = string.Join(' ', Enumerable.Repeat("aapki shikayat 🙏 दर्ज https://jansunwai.up.nic.in/c/123", 20));

        var shortened = _policy.Shorten(text);

        Assert.True(_policy.Fits(shortened));
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
    }

    [Fact]
    public void Shorten_InvalidCharacters_RemovesThemSoTheResultFits()
    {
        var shortened = _policy.Shorten("status \uFEFFupdated\uFFFE");

        Assert.Equal("status updated", shortened);
        Assert.True(_policy.Fits(shortened));
    }

    [Fact]
    public void Fits_Null_ThrowsArgumentNullException()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => _policy.Fits(null!)).ParamName);
    }

    [Fact]
    public void Shorten_Null_ThrowsArgumentNullException()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => _policy.Shorten(null!)).ParamName);
    }
}
