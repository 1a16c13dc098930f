using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Grievance.Open311;

/// <summary>Options of the Open311 GeoReport v2 endpoints: the jurisdiction, the clients allowed to post, the service list and the limits.</summary>
public sealed class Open311Options
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "GrievanceOpen311";

    /// <summary>The channel of the messages posted through Open311 (<see cref="Intake.InboundMessage.Channel"/>).</summary>
    public const string Channel = "open311";

    /// <summary>The most requests one query may return, and the spec's default query limit.</summary>
    public const int MaxRequestsLimit = 1000;

    /// <summary>The longest description accepted and returned, in characters, as the spec limits it.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>
    /// Gets or sets the jurisdiction id (by convention the jurisdiction's web domain without <c>www</c>, for example
    /// <c>uppolice.gov.in</c>). Requests may omit <c>jurisdiction_id</c>; one that names another jurisdiction gets 404.
    /// </summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9.\-]{0,252}$", ErrorMessage = "The jurisdiction id is a domain-like name of letters, digits, dots and dashes.")]
    public string JurisdictionId { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the department whose complaints the endpoints publish, or <see langword="null"/> for every department's
    /// (read through the audited state-wide oversight scope). Requests posted for a service of another department are still accepted.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: every department's complaints, public fields only.</value>
    public string? Department { get; set; }

    /// <summary>
    /// Gets the API keys of the clients allowed to post service requests, by client name (the name is logged, the key never).
    /// Each key is at least 16 characters. Without any key posting is refused (403) and the endpoints are read-only.
    /// </summary>
    /// <value>The default value is an empty dictionary: read-only.</value>
    public IDictionary<string, string> ApiKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the services offered, each mapping one complaint category to a <c>service_code</c>.</summary>
    /// <value>The default value is an empty list, which fails validation: at least one service is needed.</value>
    [ValidateEnumeratedItems]
    public IList<Open311ServiceOptions> Services { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether service requests carry the complaint text as <c>description</c>, with mobile,
    /// Aadhaar, PAN numbers and e-mail addresses masked by <see cref="Text.PiiScanner"/> and cut to
    /// <see cref="MaxDescriptionLength"/> characters. Names and other personal data in free text cannot be detected: opt in only
    /// when the department publishes complaint texts anyway.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: <c>description</c> is always null.</value>
    public bool IncludeDescription { get; set; }

    /// <summary>Gets or sets the most requests one query returns (the spec's default limit is 1,000).</summary>
    /// <value>The default value is 1,000.</value>
    [Range(1, MaxRequestsLimit)]
    public int MaxRequests { get; set; } = MaxRequestsLimit;

    /// <summary>Gets or sets the longest span between <c>start_date</c> and <c>end_date</c>, and the default span ending now. The spec allows at most 90 days.</summary>
    /// <value>The default value is 90 days.</value>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan MaxDateRange { get; set; } = TimeSpan.FromDays(90);
}
