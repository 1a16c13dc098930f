using Grievance.Intake;
using Grievance.Notifications;

namespace Grievance.Twitter.Text;

/// <summary>
/// X's text rules for Grievance: posts are counted with twitter-text (<see cref="TweetText"/>), replies must
/// fit 280 weighted characters, and inbound posts may be long posts of up to 25,000 characters.
/// </summary>
internal sealed class TweetTextMessagePolicy : IChannelMessagePolicy
{
    /// <summary>The longest post X delivers: a long post of 25,000 characters.</summary>
    internal const int LongPostLength = 25_000;

    /// <summary>The weighted length a standard reply may have.</summary>
    internal const int ReplyLength = 280;

    /// <inheritdoc />
    public string Channel => Channels.X;

    /// <inheritdoc />
    public int MaxInboundLength => LongPostLength;

    /// <inheritdoc />
    public bool Fits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TweetText.Parse(text).IsValid;
    }

    /// <inheritdoc />
    /// <remarks>Characters X rejects outright (U+FFFE, U+FEFF, U+FFFF) are removed before the text is shortened.</remarks>
    public string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('\uFFFE', '\uFEFF', '\uFFFF') >= 0)
        {
            text = string.Concat(text.Split(['\uFFFE', '\uFEFF', '\uFFFF']));
        }

        return TweetText.Truncate(text, ReplyLength);
    }
}
