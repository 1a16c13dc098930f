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

    /// <summary>
    /// Gets or sets how far back each mentions read reaches before the checkpoint. X indexes some posts late, so a read
    /// with <c>since_id</c> alone can skip them for good; re-reading a trailing window catches them, and deduplication
    /// makes the re-read posts harmless. Zero reads strictly after the checkpoint.
    /// </summary>
    /// <value>The default value is 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MentionsOverlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets how often each desk account's mentions are reconciled with recent search (<c>@desk</c>, last 7 days),
    /// which recovers posts the mentions timeline lost (it keeps only the 800 newest). Zero turns reconciliation off.
    /// </summary>
    /// <value>The default value is zero (off); 15 minutes is a sensible setting.</value>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan ReconciliationInterval { get; set; }

    /// <summary>Gets or sets how far back the first reconciliation of an account reads (X's recent search reaches 7 days).</summary>
    /// <value>The default value is 1 day.</value>
    [Range(typeof(TimeSpan), "00:01:00", "6.23:00:00")]
    public TimeSpan ReconciliationLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the timeout of one HTTP request.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
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
