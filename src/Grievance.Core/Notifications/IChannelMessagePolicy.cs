namespace Grievance.Notifications;

/// <summary>A channel's rules for text: how long an inbound message may be, whether a reply fits, how to shorten it.</summary>
/// <remarks>Core stays channel-neutral; each channel package registers its own policy (on X, twitter-text counting).</remarks>
public interface IChannelMessagePolicy
{
    /// <summary>Gets the channel the policy applies to.</summary>
    string Channel { get; }

    /// <summary>Gets the longest inbound text the channel can deliver, in UTF-16 code units (on X, the long-post limit).</summary>
    int MaxInboundLength { get; }

    /// <summary>Tells whether <paramref name="text"/> can be sent on the channel as it is.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when it fits.</returns>
    bool Fits(string text);

    /// <summary>Shortens <paramref name="text"/> so that it fits, never cutting inside a character, word or link when avoidable.</summary>
    /// <param name="text">The text to shorten.</param>
    /// <returns>The text itself when it fits, otherwise a shortened text that fits.</returns>
    string Shorten(string text);
}
