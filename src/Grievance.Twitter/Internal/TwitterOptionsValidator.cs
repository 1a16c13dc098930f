using Grievance.Twitter.Auth.Internal;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="TwitterOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class TwitterOptionsValidator : IValidateOptions<TwitterOptions>;

/// <summary>Rules of <see cref="TwitterOptions"/> that attributes cannot express.</summary>
internal sealed class TwitterOptionsCustomValidator : IValidateOptions<TwitterOptions>
{
    public ValidateOptionsResult Validate(string? name, TwitterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseAddress is { } address)
        {
            if (!address.IsAbsoluteUri)
            {
                failures.Add("BaseAddress must be an absolute URI such as https://api.x.com/.");
            }
            else if (address.Scheme != Uri.UriSchemeHttps && !address.IsLoopback)
            {
                failures.Add($"BaseAddress must use https (only loopback test servers may use http); got '{address.Scheme}'.");
            }
        }

        if (options.BearerToken is not null && string.IsNullOrWhiteSpace(options.BearerToken))
        {
            failures.Add("BearerToken is empty.");
        }

        if (options.Accounts.Count == 0)
        {
            failures.Add("Accounts must list at least one desk account (UserId and Username) whose mentions to read.");
        }

        foreach (var group in options.Accounts.Where(a => a is not null).GroupBy(a => a.UserId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Accounts: the user id '{group.Key}' is listed more than once.");
        }

        foreach (var group in options.Accounts.Where(a => a is not null).GroupBy(a => a.Username.TrimStart('@'), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"Accounts: the username '{group.Key}' is listed more than once.");
        }

        foreach (var account in options.Accounts.Where(a => a is not null))
        {
            ValidateUserAuth(options, account, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateUserAuth(TwitterOptions options, TwitterAccountOptions account, List<string> failures)
    {
        var who = $"Accounts: the account '{account.UserId}'";
        switch (TwitterUserAuth.Resolve(account))
        {
            case TwitterUserAuthMode.OAuth1:
                var missing = new[]
                {
                    string.IsNullOrWhiteSpace(options.ConsumerKey) ? "ConsumerKey" : null,
                    string.IsNullOrWhiteSpace(options.ConsumerSecret) ? "ConsumerSecret" : null,
                    string.IsNullOrWhiteSpace(account.AccessToken) ? "its AccessToken" : null,
                    string.IsNullOrWhiteSpace(account.AccessTokenSecret) ? "its AccessTokenSecret" : null,
                }.OfType<string>().ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{who} signs with OAuth 1.0a, which needs all four of ConsumerKey, ConsumerSecret, AccessToken and AccessTokenSecret; missing: {string.Join(", ", missing)}.");
                }

                break;

            case TwitterUserAuthMode.OAuth2:
                if (string.IsNullOrWhiteSpace(options.OAuth2ClientId))
                {
                    failures.Add($"{who} uses refreshing OAuth 2.0 user tokens, which need OAuth2ClientId.");
                }

                break;

            default:
                if (account.AuthMode == TwitterUserAuthMode.StaticToken && string.IsNullOrWhiteSpace(account.UserAccessToken) && string.IsNullOrWhiteSpace(options.UserAccessToken))
                {
                    failures.Add($"{who} uses a static user token, but neither its UserAccessToken nor TwitterOptions.UserAccessToken is set.");
                }

                break;
        }
    }
}
