namespace Grievance.Twitter.Text;

/// <summary>
/// The result of <see cref="TweetText.Parse(string, TweetTextConfig?)"/>: X's weighted length of a text and
/// whether it can be posted, as twitter-text's <c>parseTweet</c> reports them.
/// </summary>
/// <remarks>The range fields are inclusive UTF-16 code unit indices into the text that was parsed.</remarks>
public readonly record struct TweetTextParseResult
{
    /// <summary>Gets the weighted length: the sum of the characters' weights divided by the configuration's scale (rounded down).</summary>
    public int WeightedLength { get; init; }

    /// <summary>
    /// Gets a value indicating whether the text can be posted: it is not empty, it holds no invalid
    /// character (U+FFFE, U+FEFF, U+FFFF) and its weighted length is at most the configuration's maximum.
    /// </summary>
    public bool IsValid { get; init; }

    /// <summary>Gets the weighted length in thousandths of the maximum, rounded down (1000 means exactly full).</summary>
    public int Permillage { get; init; }

    /// <summary>Gets the index of the first code unit to display; always 0.</summary>
    public int DisplayRangeStart { get; init; }

    /// <summary>Gets the index of the last code unit to display: the text's length minus one, or 0 for an empty text.</summary>
    public int DisplayRangeEnd { get; init; }

    /// <summary>Gets the index of the first code unit that fits; always 0.</summary>
    public int ValidRangeStart { get; init; }

    /// <summary>
    /// Gets the index of the last code unit that still fits within the maximum weighted length (0 when nothing
    /// fits). Like the reference, it is computed on the NFC-normalised text and shifted by the difference in length.
    /// </summary>
    public int ValidRangeEnd { get; init; }
}
