namespace Grievance.Twitter.Text.Internal;

/// <summary>A set of UTF-16 code units as a bitmap, for constant-time membership tests in the scanners.</summary>
internal sealed class CharSet
{
    private readonly ulong[] _bits = new ulong[1024];

    /// <summary>Builds the set from a range string of <see cref="TwitterTextData"/> (start, end pairs).</summary>
    public CharSet(string ranges)
    {
        for (var i = 0; i < ranges.Length; i += 2)
        {
            for (int c = ranges[i]; c <= ranges[i + 1]; c++)
            {
                _bits[c >> 6] |= 1UL << (c & 63);
            }
        }
    }

    public bool Contains(char c) => (_bits[c >> 6] & (1UL << (c & 63))) != 0;
}

/// <summary>The character sets the scanners use.</summary>
internal static class CharSets
{
    public static readonly CharSet HashtagAlpha = new(TwitterTextData.HashtagAlphaBmp);

    public static readonly CharSet HashtagAlphaNumeric = new(TwitterTextData.HashtagAlphaNumericBmp);

    public static readonly CharSet DomainChars = new(TwitterTextData.DomainChars);

    public static readonly CharSet UrlPreceding = new(TwitterTextData.UrlPrecedingChars);

    public static readonly CharSet UrlPath = new(TwitterTextData.UrlPathChars);

    public static readonly CharSet UrlPathEnding = new(TwitterTextData.UrlPathEndingChars);

    public static readonly CharSet MentionEndLatin = new(TwitterTextData.MentionEndLatinChars);

    /// <summary>Tells whether an astral code point is in a code point range list (start, end pairs).</summary>
    public static bool InAstralRanges(ReadOnlySpan<int> ranges, int codePoint)
    {
        int low = 0, high = (ranges.Length / 2) - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (codePoint < ranges[2 * mid])
            {
                high = mid - 1;
            }
            else if (codePoint > ranges[(2 * mid) + 1])
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
