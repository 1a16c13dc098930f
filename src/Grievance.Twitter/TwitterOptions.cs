using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter;

/// <summary>Options of the X (Twitter) channel: where the API is, how to authenticate, which desk accounts to serve.</summary>
public sealed class TwitterOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "Grievance:Twitter";

    /// <summary>Gets or sets the API's base address.</summary>
    /// <value>The default value is <c>https://api.x.com/</c>.</value>
    [Required]
    public Uri BaseAddress { get; set; } = new("https://api.x.com/");

    /// <summary>Gets or sets the OAuth 2.0 app-only bearer token used for reading (mentions). A secret: never logged.</summary>
    /// <value>The default value is <see langword="null"/>, which fails validation.</value>
    [Required]
    public string? BearerToken { get; set; }

    /// <summary>
    /// Gets or sets the default OAuth 2.0 user access token for posting replies (X accepts posts only in a user
    /// context), used for accounts without their own <see cref="TwitterAccountOptions.UserAccessToken"/>.
    /// A secret: never logged.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? UserAccessToken { get; set; }

    /// <summary>Gets the desk accounts whose mentions are read. Replies to a citizen come from the account they addressed.</summary>
    /// <value>The default value is an empty list, which fails validation.</value>
    [ValidateEnumeratedItems]
    public IList<TwitterAccountOptions> Accounts { get; } = [];

    /// <summary>Gets or sets how many posts to ask for per mentions page (X allows 5 to 100).</summary>
    /// <value>The default value is 100, the maximum, which spends the fewest requests.</value>
    [Range(5, 100)]
    public int MaxResults { get; set; } = 100;

    /// <summary>Gets or sets the timeout of one HTTP request.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how the client spends X's rate limits and the daily budget, retries reads and reconciles replies.</summary>
    /// <value>The default value is a <see cref="Grievance.Twitter.Http.TwitterGovernorOptions"/> with its defaults.</value>
    [ValidateObjectMembers]
    public Grievance.Twitter.Http.TwitterGovernorOptions Governor { get; } = new();
}

/// <summary>One desk account on X.</summary>
public sealed class TwitterAccountOptions
{
    /// <summary>Gets or sets the account's numeric user id.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    [RegularExpression("^[0-9]{1,19}$", ErrorMessage = "An X user id is 1-19 digits.")]
    public string UserId { get; set; } = string.Empty;

    /// <summary>Gets or sets the account's username (handle) without <c>@</c>.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    [RegularExpression("^@?[A-Za-z0-9_]{1,20}$", ErrorMessage = "An X username is 1-20 letters, digits or underscores (new accounts get at most 15; twitter-text recognises 20).")]
    public string Username { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets this account's OAuth 2.0 user access token, used to post replies from it. A secret: never logged.
    /// X lets an account reply only where it was addressed, so each desk account posts with its own token.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: <see cref="TwitterOptions.UserAccessToken"/> is used.</value>
    public string? UserAccessToken { get; set; }
}
