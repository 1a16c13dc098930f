namespace Grievance.Twitter.Auth.Internal;

/// <summary>Decides, in one place, which user-context scheme an account uses.</summary>
internal static class TwitterUserAuth
{
    /// <summary>The account's effective mode; <see cref="TwitterUserAuthMode.Auto"/> is resolved from the credentials present.</summary>
    public static TwitterUserAuthMode Resolve(TwitterAccountOptions? account)
    {
        if (account is null)
        {
            return TwitterUserAuthMode.StaticToken;
        }

        if (account.AuthMode != TwitterUserAuthMode.Auto)
        {
            return account.AuthMode;
        }

        // Any OAuth 1.0a piece selects OAuth 1.0a, so a half-configured account fails validation instead of silently falling back.
        if (!string.IsNullOrEmpty(account.AccessToken) || !string.IsNullOrEmpty(account.AccessTokenSecret))
        {
            return TwitterUserAuthMode.OAuth1;
        }

        return !string.IsNullOrEmpty(account.RefreshToken) ? TwitterUserAuthMode.OAuth2 : TwitterUserAuthMode.StaticToken;
    }

    /// <summary>The desk account a reply is posted from: the named one, the only one when just one is configured, else none (the default user context).</summary>
    public static TwitterAccountOptions? FindByUsername(TwitterOptions options, string? username)
    {
        if (username is null)
        {
            return options.Accounts.Count == 1 ? options.Accounts[0] : null;
        }

        var name = username.TrimStart('@');
        return options.Accounts.FirstOrDefault(a => a is not null && string.Equals(a.Username.TrimStart('@'), name, StringComparison.OrdinalIgnoreCase));
    }
}
