using System.ComponentModel.DataAnnotations;
using Grievance.Routing;
using Microsoft.Extensions.Options;

namespace Grievance;

/// <summary>Options for the Grievance core: departments, intake limits and citizen reply texts.</summary>
public sealed class GrievanceOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "Grievance";

    /// <summary>Gets the departments that receive complaints.</summary>
    /// <value>The default value is an empty list: every complaint goes to <see cref="TriageDepartment"/>.</value>
    [ValidateEnumeratedItems]
    public IList<DepartmentOptions> Departments { get; } = [];

    /// <summary>Gets the options of the default router: lexicon, category precedence, geographic reach.</summary>
    /// <value>The default value is a <see cref="RoutingOptions"/> with its documented defaults (the embedded lexicon).</value>
    [ValidateObjectMembers]
    public RoutingOptions Routing { get; } = new();

    /// <summary>Gets or sets the id of the department that takes complaints no rule could place.</summary>
    /// <value>The default value is <c>triage</c>. It need not be listed in <see cref="Departments"/>.</value>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,63}$", ErrorMessage = "A department id is 1-64 lower-case letters, digits or dashes, starting with a letter.")]
    public string TriageDepartment { get; set; } = "triage";

    /// <summary>Gets or sets the IANA or Windows id of the time zone used for code periods and working hours.</summary>
    /// <value>The default value is <c>Asia/Kolkata</c>.</value>
    [Required]
    public string TimeZone { get; set; } = "Asia/Kolkata";

    /// <summary>Gets or sets the longest inbound text accepted on a channel that registers no message policy, in UTF-16 code units.</summary>
    /// <value>The default value is 25,000 (X's long-post limit).</value>
    [Range(1, 1_000_000)]
    public int MaxInboundTextLength { get; set; } = 25_000;

    /// <summary>Gets or sets the time a department has to resolve a complaint, counted from its creation.</summary>
    /// <value>The default value is 21 days.</value>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan DefaultResolutionTime { get; set; } = TimeSpan.FromDays(21);

    /// <summary>
    /// Gets or sets the most messages of one source batch that intake stores in one transaction (group commit).
    /// Larger groups mean fewer commits; a group never spans two batches, so a slow source never holds messages back.
    /// </summary>
    /// <value>The default value is 256. 1 stores every message in its own transaction.</value>
    [Range(1, 10_000)]
    public int IntakeGroupSize { get; set; } = 256;

    /// <summary>Gets or sets how often delivery of a citizen message is tried before it is marked failed.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, 100)]
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Gets or sets how long a dispatcher's claim on outbox messages holds; if it dies mid-send, others may send them after this.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets the categories whose messages go out before all others (acknowledgements, replies and notices alike) when the
    /// channel's budget runs short.
    /// </summary>
    /// <value>
    /// The default value is an empty list, which means the categories with the short built-in time limits:
    /// <c>women-safety</c> and <c>missing-person</c>.
    /// </value>
    public IList<string> UrgentCategories { get; } = [];

    /// <summary>Gets or sets how long after a first failed delivery attempt the message is tried again; each further failure doubles the wait, with random jitter.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest wait between delivery attempts of one message.</summary>
    /// <value>The default value is 1 hour. It must not be less than <see cref="OutboxRetryDelay"/>.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the acknowledgement template. Placeholders: <c>{code}</c> (required), <c>{department}</c>, <c>{district}</c>.
    /// </summary>
    /// <value>The default value is an English text that starts with the code, so shortening never cuts it.</value>
    [Required]
    public string AcknowledgementTemplate { get; set; } =
        "Complaint {code} registered and sent to {department}{district}. Reply \"status {code}\" any time to see its progress.";

    /// <summary>Gets or sets the acknowledgement template used for messages detected as Hindi. Same placeholders as <see cref="AcknowledgementTemplate"/>.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string AcknowledgementTemplateHindi { get; set; } =
        "शिकायत {code} दर्ज कर {department}{district} को भेज दी गई है। प्रगति जानने के लिए \"status {code}\" लिखकर जवाब दें।";

    /// <summary>
    /// Gets or sets the status-reply template. Placeholders: <c>{code}</c> (required), <c>{status}</c>, <c>{department}</c>,
    /// <c>{district}</c>, <c>{due}</c>: public fields only, whoever asks.
    /// </summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string StatusReplyTemplate { get; set; } = "Complaint {code}: {status}, with {department}{district}. Due {due}.";

    /// <summary>Gets or sets the status-reply template used when the question is in Hindi (for example "स्थिति {code}"). Same placeholders.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string StatusReplyTemplateHindi { get; set; } = "शिकायत {code}: {status}, {department}{district}। निस्तारण की तिथि {due}।";
}
