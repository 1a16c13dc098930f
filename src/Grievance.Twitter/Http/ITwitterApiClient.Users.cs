namespace Grievance.Twitter.Http;

public partial interface ITwitterApiClient
{
    /// <summary>Reads the account a desk's user token belongs to (<c>GET /2/users/me</c>); use it to check configuration.</summary>
    /// <param name="fromAccount">The desk account (username) whose token to use; the default user token when <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The account.</returns>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error, or no user token is configured.</exception>
    Task<TwitterUser> GetMeAsync(string? fromAccount = null, CancellationToken cancellationToken = default);

    /// <summary>Looks an account up by username (<c>GET /2/users/by/username/:username</c>).</summary>
    /// <param name="username">The username, with or without <c>@</c>: 1 to 15 letters, digits or underscores.</param>
    /// <param name="cancellationToken">The token to cancel the request.</param>
    /// <returns>The account, or <see langword="null"/> when X has none by that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="username"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="username"/> is not a valid X username.</exception>
    /// <exception cref="TwitterRateLimitExceededException">X answered 429.</exception>
    /// <exception cref="TwitterApiException">X answered with another error.</exception>
    Task<TwitterUser?> GetUserByUsernameAsync(string username, CancellationToken cancellationToken = default);
}

/// <summary>An X account.</summary>
public sealed record TwitterUser
{
    /// <summary>Gets the numeric user id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the username without <c>@</c>.</summary>
    public required string Username { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }
}
