using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter;

/// <summary>Options of the X (Twitter) channel: where the API is, how to authenticate, which desk accounts to serve.</summary>
public sealed class TwitterOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "GrievanceTwitter";

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

    /// <summary>
    /// Gets or sets the app's consumer (API) key, for OAuth 1.0a user-context signing. A secret: never logged.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; accounts that sign with OAuth 1.0a fail validation without it.</value>
    public string? ConsumerKey { get; set; }

    /// <summary>
    /// Gets or sets the app's consumer (API) secret: it signs OAuth 1.0a requests, answers X's webhook CRC
    /// challenges and verifies <c>x-twitter-webhooks-signature</c>. A secret: never logged.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; OAuth 1.0a accounts and webhooks fail validation without it.</value>
    public string? ConsumerSecret { get; set; }

    /// <summary>Gets or sets the OAuth 2.0 client id, for refreshing user access tokens (<c>POST /2/oauth2/token</c>).</summary>
    /// <value>The default value is <see langword="null"/>; accounts in <see cref="TwitterUserAuthMode.OAuth2"/> fail validation without it.</value>
    public string? OAuth2ClientId { get; set; }

    /// <summary>
    /// Gets or sets the OAuth 2.0 client secret of a confidential client, sent as HTTP Basic with the client id when
    /// refreshing. Leave empty for a public client (the client id is then sent in the form). A secret: never logged.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: a public client.</value>
    public string? OAuth2ClientSecret { get; set; }

    /// <summary>
    /// Gets or sets how long before an OAuth 2.0 user access token's expiry it is refreshed.
    /// </summary>
    /// <value>The default value is 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromMinutes(2);

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

    /// <summary>Gets or sets how this account authenticates its user-context calls (posting replies).</summary>
    /// <value>
    /// The default value is <see cref="TwitterUserAuthMode.Auto"/>: OAuth 1.0a when <see cref="AccessToken"/> and
    /// <see cref="AccessTokenSecret"/> are set, refreshing OAuth 2.0 when <see cref="RefreshToken"/> is set, otherwise the
    /// static <see cref="UserAccessToken"/>.
    /// </value>
    public TwitterUserAuthMode AuthMode { get; set; } = TwitterUserAuthMode.Auto;

    /// <summary>Gets or sets the account's OAuth 1.0a access token (<c>oauth_token</c>). A secret: never logged.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? AccessToken { get; set; }

    /// <summary>Gets or sets the account's OAuth 1.0a access token secret. A secret: never logged.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? AccessTokenSecret { get; set; }

    /// <summary>
    /// Gets or sets the account's initial OAuth 2.0 refresh token (scope <c>offline.access</c>). It seeds the
    /// <see cref="Auth.ITokenStore"/> only while the store holds nothing for the account: X's refresh tokens are single use,
    /// so after the first refresh the store's rotated token is the one that counts. A secret: never logged.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RefreshToken { get; set; }
}

/// <summary>How a desk account authenticates user-context calls (X accepts posts only in a user context).</summary>
public enum TwitterUserAuthMode
{
    /// <summary>Chosen from the credentials present: OAuth 1.0a, then refreshing OAuth 2.0, then a static user token.</summary>
    Auto = 0,

    /// <summary>A static OAuth 2.0 user access token (<see cref="TwitterAccountOptions.UserAccessToken"/>, else <see cref="TwitterOptions.UserAccessToken"/>), sent as a bearer token and never refreshed.</summary>
    StaticToken = 1,

    /// <summary>OAuth 1.0a HMAC-SHA1 signatures with the app's consumer key and secret and the account's access token and secret. The tokens do not expire.</summary>
    OAuth1 = 2,

    /// <summary>OAuth 2.0 user tokens kept in the <see cref="Auth.ITokenStore"/>, refreshed single-flight before expiry or after a 401, the rotated refresh token stored before the new access token is used.</summary>
    OAuth2 = 3,
}
