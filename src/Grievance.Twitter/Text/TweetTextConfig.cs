using System.Text.Json;

namespace Grievance.Twitter.Text;

/// <summary>
/// How X weighs the characters of a post: twitter-text's configuration (<c>config/v1.json</c> to <c>v3.json</c>).
/// </summary>
/// <remarks>
/// <para>
/// Each UTF-16 code unit weighs the <see cref="TweetTextWeightRange.Weight"/> of the first of <see cref="Ranges"/>
/// that holds it, otherwise <see cref="DefaultWeight"/>; a URL weighs <see cref="TransformedUrlLength"/> times
/// <see cref="Scale"/>, and with <see cref="EmojiParsingEnabled"/> a whole emoji sequence weighs
/// <see cref="DefaultWeight"/>. The weighted length is the sum divided by <see cref="Scale"/>.
/// </para>
/// <para>
/// Derive a variant with a <see langword="with"/> expression, for example
/// <c>TweetTextConfig.V3 with { MaxWeightedTweetLength = 25_000 }</c> for long posts.
/// </para>
/// </remarks>
public sealed record TweetTextConfig
{
    /// <summary>Gets the legacy configuration: every code point counts 1, a URL 23, at most 140.</summary>
    public static TweetTextConfig V1 { get; } = new()
    {
        Version = 1,
        MaxWeightedTweetLength = 140,
        Scale = 1,
        DefaultWeight = 1,
        TransformedUrlLength = 23,
        Ranges = [],
    };

    /// <summary>Gets the 280-character configuration without emoji parsing: CJK and most symbols count 2, Latin and Indic scripts 1.</summary>
    public static TweetTextConfig V2 { get; } = new()
    {
        Version = 2,
        MaxWeightedTweetLength = 280,
        Scale = 100,
        DefaultWeight = 200,
        TransformedUrlLength = 23,
        Ranges = CurrentRanges,
    };

    /// <summary>Gets the current configuration, the default: as <see cref="V2"/>, and each emoji sequence counts 2.</summary>
    public static TweetTextConfig V3 { get; } = V2 with { Version = 3, EmojiParsingEnabled = true };

    private static IReadOnlyList<TweetTextWeightRange> CurrentRanges =>
    [
        new(0, 4351, 100),
        new(8192, 8205, 100),
        new(8208, 8223, 100),
        new(8242, 8247, 100),
    ];

    /// <summary>Gets the configuration's version number.</summary>
    public required int Version { get; init; }

    /// <summary>Gets the largest weighted length a valid post may have.</summary>
    public required int MaxWeightedTweetLength { get; init; }

    /// <summary>Gets the divisor that turns summed weights into the weighted length.</summary>
    public required int Scale { get; init; }

    /// <summary>Gets the weight of a code unit outside every range, and of an emoji sequence.</summary>
    public required int DefaultWeight { get; init; }

    /// <summary>Gets a value indicating whether emoji sequences count as one unit of <see cref="DefaultWeight"/>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EmojiParsingEnabled { get; init; }

    /// <summary>Gets the length every URL counts as (X shortens each to a t.co link).</summary>
    public required int TransformedUrlLength { get; init; }

    /// <summary>Gets the weighted ranges, tried in order.</summary>
    /// <value>The default value is an empty list.</value>
    public IReadOnlyList<TweetTextWeightRange> Ranges { get; init; } = [];

    /// <summary>Loads a configuration in twitter-text's JSON format.</summary>
    /// <param name="json">The JSON text, with <c>version</c>, <c>maxWeightedTweetLength</c>, <c>scale</c>,
    /// <c>defaultWeight</c>, <c>transformedURLLength</c>, and optionally <c>emojiParsingEnabled</c> and
    /// <c>ranges</c> (objects with <c>start</c>, <c>end</c> and <c>weight</c>). Other properties are ignored.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JSON is malformed, a required property is missing, or a value is out of range.</exception>
    public static TweetTextConfig Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The twitter-text configuration is not valid JSON: " + ex.Message, ex);
        }
    }

    /// <summary>Loads a configuration in twitter-text's JSON format (UTF-8) from a stream.</summary>
    /// <param name="stream">The stream to read; it is not closed.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JSON is malformed, a required property is missing, or a value is out of range.</exception>
    public static TweetTextConfig Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = JsonDocument.Parse(stream);
            return FromJson(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The twitter-text configuration is not valid JSON: " + ex.Message, ex);
        }
    }

    /// <summary>Throws when a value cannot be used for counting.</summary>
    internal void Validate(string paramName)
    {
        if (Scale <= 0 || MaxWeightedTweetLength <= 0 || DefaultWeight < 0 || TransformedUrlLength < 0 || Ranges is null)
        {
            throw new ArgumentException(
                "The configuration needs a positive scale and maximum, non-negative weights and a ranges list.", paramName);
        }
    }

    private static TweetTextConfig FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The twitter-text configuration must be a JSON object.");
        }

        var ranges = new List<TweetTextWeightRange>();
        if (root.TryGetProperty("ranges", out var rangesElement) && rangesElement.ValueKind != JsonValueKind.Null)
        {
            if (rangesElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The twitter-text configuration's 'ranges' must be an array.");
            }

            foreach (var range in rangesElement.EnumerateArray())
            {
                if (range.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("Each of the twitter-text configuration's 'ranges' must be an object.");
                }

                var start = RequiredInt(range, "start", 0);
                var end = RequiredInt(range, "end", start);
                ranges.Add(new TweetTextWeightRange(start, end, RequiredInt(range, "weight", 0)));
            }
        }

        var emoji = false;
        if (root.TryGetProperty("emojiParsingEnabled", out var emojiElement))
        {
            emoji = emojiElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                _ => throw new FormatException("The twitter-text configuration's 'emojiParsingEnabled' must be true or false."),
            };
        }

        return new TweetTextConfig
        {
            Version = RequiredInt(root, "version", 0),
            MaxWeightedTweetLength = RequiredInt(root, "maxWeightedTweetLength", 1),
            Scale = RequiredInt(root, "scale", 1),
            DefaultWeight = RequiredInt(root, "defaultWeight", 0),
            EmojiParsingEnabled = emoji,
            TransformedUrlLength = RequiredInt(root, "transformedURLLength", 0),
            Ranges = ranges.AsReadOnly(),
        };
    }

    private static int RequiredInt(JsonElement element, string name, int minimum)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new FormatException($"The twitter-text configuration has no '{name}'.");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new FormatException($"The twitter-text configuration's '{name}' must be a whole number.");
        }

        if (number < minimum)
        {
            throw new FormatException($"The twitter-text configuration's '{name}' must be at least {minimum}.");
        }

        return number;
    }
}
