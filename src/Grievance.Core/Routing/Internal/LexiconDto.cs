using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grievance.Routing.Internal;

/// <summary>The embedded lexicon file: the same rule shape as <see cref="RoutingOptions.Rules"/>, plus the words around place names.</summary>
internal sealed class LexiconDto
{
    public List<string>? CategoryPrecedence { get; set; }

    /// <summary>Words just before a place that make it a destination or a former home ("to", "towards", "shifted from").</summary>
    public List<string>? DestinationBefore { get; set; }

    /// <summary>Words just after a place that make it a destination ("tak", "ke liye", "की ओर").</summary>
    public List<string>? DestinationAfter { get; set; }

    /// <summary>Words just before a place name ("in", "near", "जिला"); a place matched by edit distance counts only beside one of these or of <see cref="PlaceMarkersAfter"/>.</summary>
    public List<string>? PlaceMarkersBefore { get; set; }

    /// <summary>Words just after a place name ("me", "ke", "में", "police").</summary>
    public List<string>? PlaceMarkersAfter { get; set; }

    public List<LexiconRuleDto>? Rules { get; set; }
}

internal sealed class LexiconRuleDto
{
    public RoutingRuleKind Kind { get; set; }

    public string? Category { get; set; }

    public string? Department { get; set; }

    public double? Weight { get; set; }

    public string? Reason { get; set; }

    public List<string>? Keywords { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(LexiconDto))]
internal sealed partial class LexiconJsonContext : JsonSerializerContext;

/// <summary>Loads the lexicon embedded in the assembly.</summary>
internal static class EmbeddedLexicon
{
    private const string Resource = "Grievance.Routing.routing-lexicon.json";
    private static readonly Lazy<LexiconDto> s_default = new(Load);

    public static LexiconDto Default => s_default.Value;

    private static LexiconDto Load()
    {
        using var stream = typeof(EmbeddedLexicon).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource '{Resource}' is missing.");
        return JsonSerializer.Deserialize(stream, LexiconJsonContext.Default.LexiconDto)
            ?? throw new InvalidOperationException($"The embedded resource '{Resource}' is empty.");
    }
}
