using System.Net;

namespace Grievance.Twitter.Http;

/// <summary>X answered with an error, or with something that is not X's format.</summary>
public class TwitterApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TwitterApiException"/> class.</summary>
    public TwitterApiException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    public TwitterApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TwitterApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the HTTP status code, when X answered.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Gets the last segment of the problem type (for example <c>usage-capped</c>), when X gave one.</summary>
    public string? ProblemType { get; init; }

    /// <summary>Gets X's explanation, when it gave one.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets a value indicating whether X refused a post as a duplicate of an earlier one (403), which means "possibly sent already".</summary>
    public bool IsDuplicateContent { get; init; }
}

/// <summary>X answered 429: the rate limit of the endpoint is spent until <see cref="RetryAfter"/> has passed.</summary>
public class TwitterRateLimitExceededException : TwitterApiException
{
    /// <summary>Initializes a new instance of the <see cref="TwitterRateLimitExceededException"/> class.</summary>
    public TwitterRateLimitExceededException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterRateLimitExceededException"/> class.</summary>
    /// <param name="message">The message.</param>
    public TwitterRateLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TwitterRateLimitExceededException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TwitterRateLimitExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets how long to wait, computed from <c>x-rate-limit-reset</c> and the clock; never negative.</summary>
    public TimeSpan RetryAfter { get; init; }

    /// <summary>Gets the rate-limit state reported with the 429, when the headers were present.</summary>
    public TwitterRateLimit? RateLimit { get; init; }
}
