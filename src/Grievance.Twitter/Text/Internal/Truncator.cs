using System.Globalization;

namespace Grievance.Twitter.Text.Internal;

/// <summary>Cuts a text to a weighted length at a safe place and appends an ellipsis.</summary>
internal static class Truncator
{
    /// <summary>A cut at a space is preferred while it keeps at least this share of the longest safe cut.</summary>
    private const double WordCutMinimumShare = 0.75;

    public static string Truncate(string text, int maxWeightedLength, string ellipsis)
    {
        if (WeightedLength(text) <= maxWeightedLength)
        {
            return text;
        }

        var cuts = SafeCuts(text);

        // Binary search for the longest cut that fits, then step back until one really does: a prefix can
        // weigh more than a longer one when its end reads as a URL (e.g. "a.co" of "a.cox").
        int low = 0, high = cuts.Count - 1, best = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (Fits(text, cuts[mid], ellipsis, maxWeightedLength))
            {
                best = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (best < 0)
        {
            for (best = cuts.Count - 1; best >= 0 && !Fits(text, cuts[best], ellipsis, maxWeightedLength); best--)
            {
            }

            if (best < 0)
            {
                return string.Empty;
            }
        }

        var chosen = cuts[best];
        for (var i = best; i > 0 && cuts[i] >= chosen * WordCutMinimumShare; i--)
        {
            if (IsWordBoundary(text, cuts[i]))
            {
                if (Fits(text, cuts[i], ellipsis, maxWeightedLength))
                {
                    chosen = cuts[i];
                }

                break;
            }
        }

        return Candidate(text, chosen, ellipsis);
    }

    private static int WeightedLength(string text) => WeightedLengthCounter.Parse(text, TweetTextConfig.V3).WeightedLength;

    private static bool Fits(string text, int cut, string ellipsis, int max) =>
        WeightedLength(Candidate(text, cut, ellipsis)) <= max;

    private static string Candidate(string text, int cut, string ellipsis) =>
        string.Concat(text.AsSpan(0, cut).TrimEnd(), ellipsis);

    private static bool IsWordBoundary(string text, int cut) =>
        cut < text.Length && char.IsWhiteSpace(text[cut]) || cut > 0 && char.IsWhiteSpace(text[cut - 1]);

    /// <summary>
    /// The positions where the text may be cut, ascending: between grapheme clusters, not after an Indic
    /// virama (which joins the next consonant into a conjunct), and not inside an entity.
    /// </summary>
    internal static List<int> SafeCuts(string text)
    {
        var inEntity = new bool[text.Length + 1];
        foreach (var entity in Entities(text))
        {
            for (var i = entity.Start + 1; i < entity.End && i < inEntity.Length; i++)
            {
                inEntity[i] = true;
            }
        }

        var cuts = new List<int> { 0 };
        var position = 0;
        while (position < text.Length)
        {
            position += StringInfo.GetNextTextElementLength(text.AsSpan(position));
            if (position < text.Length && !inEntity[position] && !JoinsConjunct(text, position))
            {
                cuts.Add(position);
            }
        }

        return cuts;
    }

    private static IEnumerable<TweetEntity> Entities(string text) =>
        EntityExtractor.Urls(text)
            .Concat(EntityExtractor.MentionsOrLists(text))
            .Concat(EntityExtractor.Hashtags(text, checkUrlOverlap: false))
            .Concat(EntityExtractor.Cashtags(text));

    /// <summary>Whether the code unit before <paramref name="position"/> is a virama, alone or followed by ZWJ/ZWNJ.</summary>
    private static bool JoinsConjunct(string text, int position)
    {
        var previous = text[position - 1];
        if (previous is '\u200C' or '\u200D' && position >= 2)
        {
            previous = text[position - 2];
        }

        return IsVirama(previous);
    }

    private static bool IsVirama(char c) =>
        c is '\u094D' or '\u09CD' or '\u0A4D' or '\u0ACD' or '\u0B4D' or '\u0BCD' or '\u0C4D' or '\u0CCD' or '\u0D4D' or '\u0DCA';
}
