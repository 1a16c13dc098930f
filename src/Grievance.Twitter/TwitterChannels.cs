namespace Grievance.Twitter;

/// <summary>Channel names the X adapter uses besides <see cref="Grievance.Intake.Channels.X"/> (public posts).</summary>
public static class TwitterChannels
{
    /// <summary>Direct messages to a desk account on X. Kept apart from posts: their ids and reply path differ.</summary>
    public const string DirectMessage = "x-dm";
}
