using System.ComponentModel.DataAnnotations;

namespace Grievance.Lifecycle;

/// <summary>Rules of a complaint's life after intake: transfers, rejections, citizen feedback, limits, retention, and the texts sent to citizens.</summary>
public sealed class LifecycleOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "GrievanceLifecycle";

    /// <summary>Gets or sets how often a complaint may be transferred to another department or district.</summary>
    /// <value>The default value is 3 (CPGRAMS).</value>
    [Range(0, 100)]
    public int MaxTransfers { get; set; } = 3;

    /// <summary>
    /// Gets the reasons an officer may reject a complaint for (compared without case). "Not our department" is never one:
    /// such a complaint is transferred instead.
    /// </summary>
    /// <value>The default value is <c>spam</c>, <c>duplicate</c> and <c>sub-judice</c> when the list is left empty.</value>
    public IList<string> RejectionReasons { get; } = [];

    /// <summary>Gets or sets how long after resolution the complainant's answer to "was it resolved?" counts; after it the complaint is closed.</summary>
    /// <value>The default value is 7 days.</value>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan FeedbackWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets how long after closure a complaint keeps the complainant's personal data; after it the data is erased.
    /// A rejected message (one that never became a complaint) keeps its personal data as long after its rejection. Zero keeps it.
    /// </summary>
    /// <value>The default value is 365 days.</value>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan RetentionAfterClosure { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Gets or sets the interim reply. Placeholders: <c>{code}</c> (required), <c>{department}</c>, <c>{district}</c>, <c>{due}</c>.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string InterimReplyTemplate { get; set; } = "Complaint {code} is being worked on by {department}{district}. Expected by {due}.";

    /// <summary>Gets or sets the Hindi interim reply.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string InterimReplyTemplateHindi { get; set; } = "शिकायत {code} पर {department}{district} कार्रवाई कर रहा है। निस्तारण की तिथि {due}।";

    /// <summary>Gets or sets the request for information, sent in the thread. Placeholders as above and <c>{note}</c>, the officer's question.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string InformationRequestTemplate { get; set; } = "Complaint {code}: {note} Please reply in this thread.";

    /// <summary>Gets or sets the Hindi request for information.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string InformationRequestTemplateHindi { get; set; } = "शिकायत {code}: {note} कृपया इसी थ्रेड में जवाब दें।";

    /// <summary>Gets or sets the request for personal details, sent by direct message. Placeholders as above and <c>{note}</c>.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string PrivateInformationRequestTemplate { get; set; } = "Complaint {code}: {note} Please send the details only in this direct message, never in a public post.";

    /// <summary>Gets or sets the Hindi request for personal details by direct message.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string PrivateInformationRequestTemplateHindi { get; set; } = "शिकायत {code}: {note} कृपया यह जानकारी केवल इसी संदेश में भेजें, सार्वजनिक पोस्ट में नहीं।";

    /// <summary>Gets or sets the resolution reply, which also asks whether it was resolved. Placeholders as above and <c>{note}</c>, the public resolution note.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string ResolutionTemplate { get; set; } = "Complaint {code} resolved: {note} Was it resolved? Reply yes or no.";

    /// <summary>Gets or sets the Hindi resolution reply.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string ResolutionTemplateHindi { get; set; } = "शिकायत {code} का निस्तारण: {note} क्या समस्या हल हुई? हाँ या नहीं लिखकर जवाब दें।";

    /// <summary>Gets or sets the rejection reply. Placeholders as above and <c>{note}</c>, the reason.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string RejectionTemplate { get; set; } = "Complaint {code} was closed without action: {note}.";

    /// <summary>Gets or sets the Hindi rejection reply.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string RejectionTemplateHindi { get; set; } = "शिकायत {code} बिना कार्रवाई बंद की गई: {note}।";

    /// <summary>Gets or sets the notice of a transfer. Placeholders as above.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string TransferTemplate { get; set; } = "Complaint {code} has been transferred to {department}{district}. Expected by {due}.";

    /// <summary>Gets or sets the Hindi notice of a transfer.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string TransferTemplateHindi { get; set; } = "शिकायत {code} {department}{district} को स्थानांतरित की गई है। निस्तारण की तिथि {due}।";

    /// <summary>Gets or sets the notice that a complaint was reopened. Placeholders as above.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string ReopenedTemplate { get; set; } = "Complaint {code} has been reopened and sent to a senior officer. Expected by {due}.";

    /// <summary>Gets or sets the Hindi notice that a complaint was reopened.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string ReopenedTemplateHindi { get; set; } = "शिकायत {code} फिर से खोली गई है और वरिष्ठ अधिकारी को भेजी गई है। निस्तारण की तिथि {due}।";

    /// <summary>Gets or sets the thanks for a "yes, resolved" answer. Placeholders as above.</summary>
    /// <value>The default value is an English text that starts with the code.</value>
    [Required]
    public string ClosedTemplate { get; set; } = "Complaint {code} closed. Thank you for your feedback; rate us 1-5 by replying \"rating N\".";

    /// <summary>Gets or sets the Hindi thanks for a "yes, resolved" answer.</summary>
    /// <value>The default value is a Hindi text that starts with the code.</value>
    [Required]
    public string ClosedTemplateHindi { get; set; } = "शिकायत {code} बंद की गई। आपकी प्रतिक्रिया के लिए धन्यवाद; 1-5 रेटिंग के लिए \"rating N\" लिखें।";

    /// <summary>Gets or sets what is added to a public reply whose note was shortened to fit; the full note follows by direct message.</summary>
    /// <value>The default value is <c>(full note by DM)</c>.</value>
    [Required]
    public string MoreByDirectMessage { get; set; } = "(full note by DM)";

    /// <summary>Gets or sets the Hindi text added to a shortened public reply.</summary>
    /// <value>The default value is <c>(पूरा विवरण DM में)</c>.</value>
    [Required]
    public string MoreByDirectMessageHindi { get; set; } = "(पूरा विवरण DM में)";

    /// <summary>The rejection reasons used when <see cref="RejectionReasons"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultRejectionReasons = ["spam", "duplicate", "sub-judice"];
}
