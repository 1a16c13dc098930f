using Grievance.Twitter.Http.Internal.Dto;

namespace Grievance.Twitter.Http.Internal;

internal sealed partial class TwitterApiClient
{
    public async Task<TwitterUser> GetMeAsync(string? fromAccount = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "2/users/me");
        UseUserToken(request, fromAccount);
        using var response = await SendAsync(request, TwitterEndpoints.UsersMe, cancellationToken).ConfigureAwait(false);
        var body = await ReadJsonAsync(response, TwitterEndpointsJsonContext.Default.UserResponseDto, TwitterEndpoints.UsersMe, cancellationToken).ConfigureAwait(false);
        return ToUser(body.Data) ?? throw new TwitterApiException("X answered users/me without the account.") { StatusCode = response.StatusCode };
    }

    public async Task<TwitterUser?> GetUserByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        var name = username.TrimStart('@');
        if (name.Length is 0 or > 15 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{username}' is not an X username (1-15 letters, digits or underscores).", nameof(username));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "2/users/by/username/" + name);
        UseAppToken(request);
        using var response = await SendAsync(request, TwitterEndpoints.UserByUsername, cancellationToken).ConfigureAwait(false);

        // An unknown name is a 200 with a resource-not-found partial error and no data.
        var body = await ReadJsonAsync(response, TwitterEndpointsJsonContext.Default.UserResponseDto, TwitterEndpoints.UserByUsername, cancellationToken).ConfigureAwait(false);
        return ToUser(body.Data);
    }

    private static TwitterUser? ToUser(UserDto? user) =>
        user is { Id: { Length: > 0 } id, Username: { Length: > 0 } username }
            ? new TwitterUser { Id = id, Username = username, Name = user.Name ?? username }
            : null;
}
