namespace Grievance.Twitter.Http;

/// <summary>
/// X answered <c>usage-capped</c>: the app's or account's usage cap (monthly or daily) is spent. It does not clear at
/// the rate-limit reset, so the request is not retried.
/// </summary>
public class TwitterUsageCappedException : TwitterApiException
{
    /// <summary>Initializes a new instance of the <see cref="TwitterUsageCappedException"/> class.</summary>
    public TwitterUsageCappedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterUsageCappedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public TwitterUsageCappedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterUsageCappedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TwitterUsageCappedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the cap's period as X names it (<c>Daily</c> or <c>Monthly</c>), when given.</summary>
    public string? Period { get; init; }

    /// <summary>Gets the cap's scope as X names it (<c>Account</c> or <c>Product</c>), when given.</summary>
    public string? Scope { get; init; }
}

/// <summary>
/// X refused the request because of how the app is set up (a bad or missing token, an authentication type the endpoint
/// does not support, an app outside a Project, missing permissions). Retrying cannot help; fix the configuration.
/// </summary>
public class TwitterConfigurationException : TwitterApiException
{
    /// <summary>Initializes a new instance of the <see cref="TwitterConfigurationException"/> class.</summary>
    public TwitterConfigurationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterConfigurationException"/> class.</summary>
    /// <param name="message">The message.</param>
    public TwitterConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterConfigurationException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TwitterConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The configured daily spend cap (<see cref="TwitterGovernorOptions.DailySpendCap"/>) is reached; nothing was sent. It clears at the next UTC midnight.</summary>
public class TwitterSpendCapExceededException : TwitterRateLimitExceededException
{
    /// <summary>Initializes a new instance of the <see cref="TwitterSpendCapExceededException"/> class.</summary>
    public TwitterSpendCapExceededException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterSpendCapExceededException"/> class.</summary>
    /// <param name="message">The message.</param>
    public TwitterSpendCapExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterSpendCapExceededException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TwitterSpendCapExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
