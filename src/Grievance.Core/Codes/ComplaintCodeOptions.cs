using System.ComponentModel.DataAnnotations;

namespace Grievance.Codes;

/// <summary>Options for the format and issuing of complaint codes.</summary>
/// <remarks>Changing these options never changes or invalidates codes already issued: every code carries its own format.</remarks>
public sealed class ComplaintCodeOptions
{
    /// <summary>The configuration section conventionally bound to these options.</summary>
    public const string SectionName = "GrievanceCodes";

    /// <summary>Gets or sets the scope of complaints coded before they have a district.</summary>
    /// <value>The default value is <c>TRI</c>. Three upper-case letters that are not a district id of the gazetteer.</value>
    [Required]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "The triage scope is three upper-case letters A-Z.")]
    public string TriageScope { get; set; } = "TRI";

    /// <summary>Gets or sets the number of digits the sequence is padded to; larger sequence numbers take more digits.</summary>
    /// <value>The default value is 4 (<c>LKO-2611-0044D</c>). Up to six digits a code has at most 16 characters.</value>
    [Range(1, ComplaintCode.MaxSequenceDigits)]
    public int SequenceDigits { get; set; } = ComplaintCode.DefaultSequenceDigits;

    /// <summary>Gets or sets the IANA or Windows id of the time zone whose year and month name a code's period.</summary>
    /// <value>The default value is <see langword="null"/>: the time zone of <see cref="GrievanceOptions.TimeZone"/> (Asia/Kolkata).</value>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets how many sequence numbers the hi/lo source reserves at once from an <see cref="ISequenceBlockAllocator"/>.</summary>
    /// <value>The default value is 20. Larger blocks mean fewer database round trips and larger gaps after a restart.</value>
    [Range(1, 1_000_000)]
    public int SequenceBlockSize { get; set; } = 20;
}
