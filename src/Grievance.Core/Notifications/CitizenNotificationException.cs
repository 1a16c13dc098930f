namespace Grievance.Notifications;

/// <summary>Thrown by an <see cref="ICitizenNotifier"/> when a message could not be sent, saying whether to try again.</summary>
public class CitizenNotificationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CitizenNotificationException"/> class.</summary>
    public CitizenNotificationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CitizenNotificationException"/> class.</summary>
    /// <param name="message">What went wrong (no message text or personal data).</param>
    public CitizenNotificationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CitizenNotificationException"/> class.</summary>
    /// <param name="message">What went wrong (no message text or personal data).</param>
    /// <param name="innerException">The cause.</param>
    public CitizenNotificationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets a value indicating whether sending again cannot help (or could send the message twice), so the message is marked failed.</summary>
    public bool IsPermanent { get; init; }

    /// <summary>Gets how long to wait before the channel accepts messages again (a rate limit), when known.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
