namespace Grievance.Twitter.Auth.Internal;

/// <summary>Which credentials a request to X needs, carried in <see cref="HttpRequestMessage.Options"/> to <see cref="TwitterAuthHandler"/>.</summary>
internal sealed record TwitterAuthContext
{
    /// <summary>The key under which requests carry their context.</summary>
    public static readonly HttpRequestOptionsKey<TwitterAuthContext> Key = new("Grievance.Twitter.Auth");

    /// <summary>The app-only bearer token (reads: mentions, search, streams, webhook management).</summary>
    public static readonly TwitterAuthContext App = new() { IsUser = false };

    /// <summary>The default user context (<see cref="TwitterOptions.UserAccessToken"/>), when no desk account is named.</summary>
    public static readonly TwitterAuthContext DefaultUser = new() { IsUser = true };

    /// <summary>Gets a value indicating whether the call needs a user context.</summary>
    public required bool IsUser { get; init; }

    /// <summary>Gets the desk account (numeric user id) whose credentials to use, or <see langword="null"/> for the default user context.</summary>
    public string? AccountUserId { get; init; }

    /// <summary>The user context of one desk account.</summary>
    public static TwitterAuthContext User(string accountUserId) => new() { IsUser = true, AccountUserId = accountUserId };
}

/// <summary>Tags requests with the credentials they need.</summary>
internal static class TwitterAuthRequestExtensions
{
    public static HttpRequestMessage WithAuth(this HttpRequestMessage request, TwitterAuthContext context)
    {
        request.Options.Set(TwitterAuthContext.Key, context);
        return request;
    }
}
