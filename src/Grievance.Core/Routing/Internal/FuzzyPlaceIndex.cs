namespace Grievance.Routing.Internal;

/// <summary>
/// Finds one-word place names within one edit (insertion, deletion, substitution or swap of neighbours) of a word, over match
/// keys in Latin or Devanagari script, with a deletion index (every name and every name minus one letter) so a lookup costs one
/// hash probe per letter of the word rather than a comparison with every name.
/// </summary>
internal sealed class FuzzyPlaceIndex
{
    /// <summary>Shorter words are too often one edit away from an ordinary word ("minute" from "mirut", "karwa" from "karwi").</summary>
    public const int MinimumLength = 6;

    private const int MaximumLength = 40;

    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _variants;
    private readonly Dictionary<int, (string Key, int District)> _places;

    public FuzzyPlaceIndex(IReadOnlyList<(string Key, int Place, int District)> places)
    {
        var variants = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        _places = [];
        foreach (var (key, place, district) in places)
        {
            if (key.Length < MinimumLength || key.Length > MaximumLength)
            {
                continue;
            }

            _places[place] = (key, district);
            Add(variants, key, place);
            for (var i = 0; i < key.Length; i++)
            {
                Add(variants, string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1)), place);
            }
        }

        var frozen = variants.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _variants = frozen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Returns the place one edit from <paramref name="word"/>, or -1 when none is, or when places of two districts are.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.Length < MinimumLength || word.Length > MaximumLength || !HasLetter(word))
        {
            return -1;
        }

        var found = -1;
        var district = -1;
        if (!Consider(word, word, ref found, ref district))
        {
            return -1;
        }

        Span<char> shorter = stackalloc char[MaximumLength];
        for (var i = 0; i < word.Length; i++)
        {
            if (i > 0 && word[i] == word[i - 1])
            {
                continue; // deleting either letter of a pair gives the same variant
            }

            word[..i].CopyTo(shorter);
            word[(i + 1)..].CopyTo(shorter[i..]);
            if (!Consider(word, shorter[..(word.Length - 1)], ref found, ref district))
            {
                return -1;
            }
        }

        return found;
    }

    /// <returns><see langword="false"/> when the word is ambiguous between districts.</returns>
    private bool Consider(ReadOnlySpan<char> word, ReadOnlySpan<char> variant, ref int found, ref int district)
    {
        if (!_variants.TryGetValue(variant, out var places))
        {
            return true;
        }

        foreach (var place in places)
        {
            var (key, placeDistrict) = _places[place];
            if (place == found || EditDistanceAtMostOne(word, key) is false)
            {
                continue;
            }

            if (found >= 0 && district != placeDistrict)
            {
                return false;
            }

            found = place;
            district = placeDistrict;
        }

        return true;
    }

    /// <summary>Returns whether the optimal-string-alignment distance of two words is at most one.</summary>
    internal static bool EditDistanceAtMostOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = a.CommonPrefixLength(b);
        if (prefix == a.Length && prefix == b.Length)
        {
            return true;
        }

        var restA = a[prefix..];
        var restB = b[prefix..];
        if (restA.Length == restB.Length)
        {
            // one substitution, or one swap of neighbours
            return restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return restA.Length > restB.Length ? restA[1..].SequenceEqual(restB) : restA.SequenceEqual(restB[1..]);
    }

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<string, List<int>> variants, string variant, int place)
    {
        if (!variants.TryGetValue(variant, out var list))
        {
            variants[variant] = list = [];
        }

        list.Add(place);
    }
}
