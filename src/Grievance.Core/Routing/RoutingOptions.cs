using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Grievance.Routing;

/// <summary>
/// Options of the default router: the lexicon of keywords and hashtags that point to categories and departments, the order in
/// which categories win, and the reach of geographic signals.
/// </summary>
/// <remarks>
/// Grievance embeds a default lexicon in English, Hindi (Devanagari) and Hinglish. <see cref="Rules"/> add to it, or replace it
/// when <see cref="UseDefaultLexicon"/> is <see langword="false"/>. Keywords are compared by their match keys
/// (<see cref="Text.TextNormalizer.ToMatchKey"/>), on word boundaries, longest phrase first.
/// </remarks>
public sealed class RoutingOptions
{
    /// <summary>Gets or sets a value indicating whether the embedded default lexicon is used.</summary>
    /// <value>The default value is <see langword="true"/>: <see cref="Rules"/> extend the embedded lexicon.</value>
    public bool UseDefaultLexicon { get; set; } = true;

    /// <summary>Gets the lexicon rules added to (or, without the default lexicon, making up) the router's lexicon.</summary>
    /// <value>The default value is an empty list.</value>
    [ValidateEnumeratedItems]
    public IList<RoutingRuleOptions> Rules { get; } = [];

    /// <summary>
    /// Gets the category ids in the order they win when a message fits several (highest first). Categories not listed rank
    /// after those listed, except <c>fir-not-registered</c> and <c>other</c>, which rank last.
    /// </summary>
    /// <value>
    /// The default value is an empty list, which uses the embedded order: women-safety, missing-person, the specific crimes,
    /// encroachment, land-dispute, corruption, the service categories, fir-not-registered, other.
    /// </value>
    public IList<string> CategoryPrecedence { get; } = [];

    /// <summary>Gets or sets how far, in kilometres, a message's coordinates may lie from a district headquarters to place it there.</summary>
    /// <value>The default value is 40 km.</value>
    [Range(1.0, 500.0)]
    public double GeoRadiusKilometers { get; set; } = 40;

    /// <summary>
    /// Gets or sets a value indicating whether place names no list contains are matched by edit distance (one edit, or two for
    /// long names) over their match keys, in Latin and Devanagari script.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool FuzzyPlaceMatching { get; set; } = true;
}

/// <summary>What a lexicon rule's keywords tell the router.</summary>
public enum RoutingRuleKind
{
    /// <summary>The keywords name a problem on their own ("transformer jal gaya", "गड्ढे"): they give the category and the department, and make the message a grievance.</summary>
    Problem = 0,

    /// <summary>The keywords name a service ("bijli", "पानी") that is a problem only when a problem word ("nahi", "खराब") stands within a few words.</summary>
    Subject = 1,

    /// <summary>The keywords point to a department without naming a problem ("lineman", "tehsil", "RTO"); they help choose the department.</summary>
    Context = 2,

    /// <summary>The keywords are problem words ("nahi", "not", "खराब", "pending") that turn nearby subjects into problems.</summary>
    ProblemWord = 3,

    /// <summary>The keywords mark a message that is not a grievance (praise, greetings, spam, political chatter), with <see cref="RoutingRuleOptions.Reason"/>.</summary>
    NotAGrievance = 4,
}

/// <summary>One lexicon rule: keywords (and hashtags, written with or without <c>#</c>) and what they point to.</summary>
public sealed class RoutingRuleOptions
{
    /// <summary>Gets or sets what the keywords tell the router.</summary>
    /// <value>The default value is <see cref="RoutingRuleKind.Problem"/>.</value>
    public RoutingRuleKind Kind { get; set; } = RoutingRuleKind.Problem;

    /// <summary>Gets or sets the category the keywords point to. Required for <see cref="RoutingRuleKind.Problem"/> and <see cref="RoutingRuleKind.Subject"/> rules.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Category { get; set; }

    /// <summary>
    /// Gets or sets the department the keywords point to. When <see langword="null"/>, the department that owns
    /// <see cref="Category"/> is used; set it for categories several departments use (<c>corruption</c>, <c>other</c>,
    /// <c>sewage</c> for open drains) and for <see cref="RoutingRuleKind.Context"/> rules. A department the directory does not
    /// have is ignored in favour of the category's owner.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Department { get; set; }

    /// <summary>Gets or sets the strength of the evidence a keyword gives, from 0.1 to 10.</summary>
    /// <value>
    /// The default value is <see langword="null"/>, which means 3 for problems, 2 for subjects and for not-a-grievance
    /// markers, 1.5 for context and 1 for problem words.
    /// </value>
    [Range(0.1, 10.0)]
    public double? Weight { get; set; }

    /// <summary>Gets or sets why a <see cref="RoutingRuleKind.NotAGrievance"/> rule's keywords make a message no grievance (for example <c>praise or thanks</c>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Reason { get; set; }

    /// <summary>Gets the keywords, phrases and hashtags, in any script.</summary>
    /// <value>The default value is an empty list, which fails validation.</value>
    public IList<string> Keywords { get; } = [];
}
