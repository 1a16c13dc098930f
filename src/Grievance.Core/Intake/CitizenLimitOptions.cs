using System.ComponentModel.DataAnnotations;

namespace Grievance.Intake;

/// <summary>
/// Per-citizen complaint limits (IGRS allows 10 complaints a month). A complaint beyond the limit is not dropped: it is
/// stored with its code as <see cref="Complaints.ComplaintStatus.HeldForReview"/>, acknowledged as held, and has no time
/// limit until an officer releases it (<see cref="Lifecycle.IComplaintService.ReleaseAsync"/>) or rejects it.
/// </summary>
/// <remarks>
/// The count is of the complaints the citizen opened on the same channel in the current calendar month in
/// <see cref="GrievanceOptions.TimeZone"/> (Asia/Kolkata), whatever became of them (held, rejected and exempt ones included),
/// including those still waiting to be stored in the same intake group. It is advisory across worker instances: two workers storing the same citizen's
/// complaints at the same moment each count what is committed, so together they may let a few more through than the limit.
/// </remarks>
public sealed class CitizenLimitOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "GrievanceCitizenLimits";

    /// <summary>The categories never held, whatever <see cref="ExemptCategories"/> says: a woman in danger or a missing person is never made to wait.</summary>
    public static readonly IReadOnlyList<string> AlwaysExemptCategories = ["women-safety", "missing-person"];

    /// <summary>
    /// Gets or sets how many complaints a citizen may open on a channel in a calendar month before further ones are held
    /// for review. Zero turns the limit off.
    /// </summary>
    /// <value>
    /// The default value is 0 (off): holding complaints changes what citizens are told, so a department turns it on
    /// knowingly (IGRS uses 10).
    /// </value>
    [Range(0, 10_000)]
    public int MonthlyLimit { get; set; }

    /// <summary>Gets the categories whose complaints are never held, in addition to <see cref="AlwaysExemptCategories"/>.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> ExemptCategories { get; } = [];

    /// <summary>
    /// Gets the citizens never held, by platform id (for example an X user id; not a handle, which can change), such as
    /// a resident welfare association's or a journalist's account.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> ExemptAccounts { get; } = [];

    /// <summary>
    /// Gets or sets the acknowledgement of a held complaint. Placeholders: <c>{code}</c> (required), <c>{department}</c>,
    /// <c>{district}</c>, <c>{limit}</c>.
    /// </summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string HeldAcknowledgementTemplate { get; set; } =
        "Complaint {code} registered. You have sent {limit} or more complaints this month, so it is held for review by {department}{district} before work starts.";

    /// <summary>Gets or sets the Hindi acknowledgement of a held complaint. Same placeholders.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string HeldAcknowledgementTemplateHindi { get; set; } =
        "शिकायत {code} दर्ज की गई। इस माह आपकी {limit} या अधिक शिकायतें आ चुकी हैं, इसलिए कार्रवाई से पहले {department}{district} इसकी समीक्षा करेगा।";

    /// <summary>Gets or sets the notice that a held complaint was released for work. Placeholders: <c>{code}</c> (required), <c>{department}</c>, <c>{district}</c>, <c>{due}</c>.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string ReleasedTemplate { get; set; } = "Complaint {code} has been accepted and sent to {department}{district}. Expected by {due}.";

    /// <summary>Gets or sets the Hindi notice that a held complaint was released for work.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string ReleasedTemplateHindi { get; set; } = "शिकायत {code} स्वीकार कर {department}{district} को भेज दी गई है। निस्तारण की तिथि {due}।";

    /// <summary>Whether a complaint of <paramref name="category"/> by <paramref name="platformId"/> is exempt from the limit.</summary>
    /// <param name="category">The complaint's category.</param>
    /// <param name="platformId">The citizen's platform id.</param>
    /// <returns><see langword="true"/> when the complaint is never held.</returns>
    internal bool IsExempt(string category, string platformId) =>
        AlwaysExemptCategories.Contains(category, StringComparer.OrdinalIgnoreCase)
        || ExemptCategories.Any(c => string.Equals(c?.Trim(), category, StringComparison.OrdinalIgnoreCase))
        || ExemptAccounts.Any(a => string.Equals(a?.Trim(), platformId, StringComparison.Ordinal));
}
