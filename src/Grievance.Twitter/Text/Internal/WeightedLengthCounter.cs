using System.Buffers;

namespace Grievance.Twitter.Text.Internal;

/// <summary>twitter-text's <c>parseTweet</c>, step for step.</summary>
internal static class WeightedLengthCounter
{
    public static TweetTextParseResult Parse(string text, TweetTextConfig config)
    {
        var normalized = Nfc.Normalize(text);
        var urls = EntityExtractor.Urls(normalized);
        var scale = (long)config.Scale;
        var maxTotal = config.MaxWeightedTweetLength * scale;
        var urlWeight = config.TransformedUrlLength * scale;
        Span<TweetTextWeightRange> ranges = config.Ranges.Count <= 16 ? stackalloc TweetTextWeightRange[config.Ranges.Count] : new TweetTextWeightRange[config.Ranges.Count];
        for (var r = 0; r < ranges.Length; r++)
        {
            ranges[r] = config.Ranges[r];
        }

        var defaultWeight = config.DefaultWeight;

        Span<Range> emojiBuffer = stackalloc Range[32];
        var emoji = config.EmojiParsingEnabled ? FindEmoji(normalized, emojiBuffer) : default;
        var emojiNext = 0;
        var urlNext = 0;

        // The reference marks the text invalid from the step that ends on U+FFFE, U+FEFF or U+FFFF. Those are
        // never part of a URL or an emoji, so that step is the character itself.
        var span = normalized.AsSpan();
        var firstInvalid = span.IndexOfAny('\uFFFE', '\uFEFF', '\uFFFF');
        if (firstInvalid < 0)
        {
            firstInvalid = int.MaxValue;
        }

        var firstRange = ranges.Length > 0 ? ranges[0] : new TweetTextWeightRange(1, 0, 0);
        var nextEntity = Math.Min(urls.Length > 0 ? urls[0].Start : int.MaxValue, emoji.Count > 0 ? emoji[0].Start.Value : int.MaxValue);
        long total = 0;
        var validDisplayIndex = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i >= nextEntity)
            {
                while (urlNext < urls.Length && urls[urlNext].Start < i)
                {
                    urlNext++;
                }

                while (emojiNext < emoji.Count && emoji[emojiNext].Start.Value < i)
                {
                    emojiNext++;
                }

                nextEntity = Math.Min(
                    urlNext < urls.Length ? urls[urlNext].Start : int.MaxValue,
                    emojiNext < emoji.Count ? emoji[emojiNext].Start.Value : int.MaxValue);
            }

            if (i == nextEntity && urlNext < urls.Length && urls[urlNext].Start == i)
            {
                total += urlWeight;
                i += urls[urlNext].Value.Length - 1;
            }
            else if (i == nextEntity)
            {
                total += defaultWeight;
                var r = emoji[emojiNext];
                i += r.End.Value - r.Start.Value - 1;
            }
            else
            {
                var c = span[i];
                if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    // As in the reference, the weight is that of the step's last code unit.
                    c = span[++i];
                }

                total += c >= firstRange.Start && c <= firstRange.End ? firstRange.Weight : WeightOf(c, ranges, defaultWeight);
            }

            if (i < firstInvalid && total <= maxTotal)
            {
                validDisplayIndex = i;
            }
        }

        var valid = firstInvalid == int.MaxValue;
        var weightedLength = (double)total / scale;
        return new TweetTextParseResult
        {
            WeightedLength = (int)(total / scale),
            IsValid = valid && total > 0 && total <= maxTotal,
            Permillage = (int)Math.Floor(weightedLength / config.MaxWeightedTweetLength * 1000),
            DisplayRangeStart = 0,
            DisplayRangeEnd = text.Length > 0 ? text.Length - 1 : 0,
            ValidRangeStart = 0,
            ValidRangeEnd = validDisplayIndex + text.Length - normalized.Length,
        };
    }

    private static int WeightOf(char c, ReadOnlySpan<TweetTextWeightRange> ranges, int defaultWeight)
    {
        for (var r = 0; r < ranges.Length; r++)
        {
            var range = ranges[r];
            if (c >= range.Start && c <= range.End)
            {
                return range.Weight;
            }
        }

        return defaultWeight;
    }

    /// <summary>
    /// The emoji of twemoji-parser, as ranges in order, as a global scan with its expression finds them.
    /// Only positions where an emoji can start are visited. There, an emoji followed by a character that no
    /// longer sequence continues with is matched alone from the exported data; otherwise the anchored
    /// expression decides. A keycap base (<c>#</c>, <c>*</c>, a digit) is skipped at once unless U+20E3
    /// follows, directly or after U+FE0F.
    /// </summary>
    private static EmojiList FindEmoji(string text, Span<Range> buffer)
    {
        var list = new EmojiList(buffer);
        var span = text.AsSpan();
        var nextLow = -1;
        var nextHigh = -1;
        var position = 0;
        while (position < span.Length)
        {
            // Candidates below U+203C are '#', '*', digits, '©' and '®'; the rest are checked with the set.
            if (nextLow < position)
            {
                var offset = span[position..].IndexOfAny(LowEmojiStarts);
                nextLow = offset < 0 ? int.MaxValue : position + offset;
            }

            if (nextHigh < position)
            {
                var offset = span[position..].IndexOfAnyInRange('\u203C', '\uFFFF');
                nextHigh = offset < 0 ? int.MaxValue : position + offset;
            }

            position = Math.Min(nextLow, nextHigh);
            if (position == int.MaxValue)
            {
                break;
            }

            var c = span[position];
            if (c >= '\u203C' && !EmojiStarts.Contains(c))
            {
                position++;
                continue;
            }

            if (c < 0x80 && !IsKeycapTail(span, position + 1))
            {
                position++;
                continue;
            }

            var length = SingleEmojiLength(span, position);
            if (length < 0)
            {
                length = 0;
                foreach (var m in TwitterTextPatterns.EmojiAt().EnumerateMatches(span, position))
                {
                    length = m.Length;
                    break;
                }
            }

            if (length > 0)
            {
                list.Add(new Range(position, position + length));
                position += length;
            }
            else
            {
                position++;
            }
        }

        return list;
    }

    private static readonly SearchValues<char> LowEmojiStarts = SearchValues.Create("#*0123456789\u00A9\u00AE");

    private static readonly CharSet EmojiStarts = new(TwitterTextData.EmojiStartChars);

    private static readonly CharSet EmojiSingleBmp = new(TwitterTextData.EmojiSingleBmpChars);

    private static readonly CharSet EmojiSkinToneBmp = new(TwitterTextData.EmojiSkinToneBmpChars);

    private static readonly CharSet EmojiVariationBmp = new(TwitterTextData.EmojiVariationBmpChars);

    /// <summary>
    /// The match at an emoji start, from the exported data, when what follows the emoji (alone, with a
    /// skin tone, or with U+FE0F) cannot continue a longer sequence: the length, or 0 for no match. -1 when
    /// the expression must decide.
    /// </summary>
    private static int SingleEmojiLength(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        var codePoint = width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
        var next = i + width;
        if (next >= text.Length || !CanContinue(text[next]))
        {
            return (width == 1 ? EmojiSingleBmp.Contains(c) : CharSets.InAstralRanges(TwitterTextData.EmojiSingleAstral, codePoint)) ? width : 0;
        }

        if (text[next] == '\uD83C' && next + 1 < text.Length && text[next + 1] is >= '\uDFFB' and <= '\uDFFF'
            && (next + 2 == text.Length || !CanContinue(text[next + 2]))
            && (width == 1 ? EmojiSkinToneBmp.Contains(c) : CharSets.InAstralRanges(TwitterTextData.EmojiSkinToneAstral, codePoint)))
        {
            return width + 2;
        }

        if (text[next] == '\uFE0F' && (next + 1 == text.Length || !CanContinue(text[next + 1]))
            && (width == 1 ? EmojiVariationBmp.Contains(c) : CharSets.InAstralRanges(TwitterTextData.EmojiVariationAstral, codePoint)))
        {
            return width + 1;
        }

        return -1;
    }

    /// <summary>Whether a code unit can continue a twemoji sequence: U+FE0F, U+FE0E, U+200D, U+20E3, or the high surrogate of a skin tone, regional indicator or tag.</summary>
    private static bool CanContinue(char c) => c is '\uFE0F' or '\uFE0E' or '\u200D' or '\u20E3' or '\uD83C' or '\uDB40';

    /// <summary>The emoji ranges of a text, for tests.</summary>
    internal static List<Range> EmojiRanges(string text)
    {
        Span<Range> buffer = stackalloc Range[8];
        var list = FindEmoji(text, buffer);
        var result = new List<Range>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(list[i]);
        }

        return result;
    }

    private static bool IsKeycapTail(ReadOnlySpan<char> text, int index) =>
        index < text.Length && (text[index] == '\u20E3' || (text[index] == '\uFE0F' && index + 1 < text.Length && text[index + 1] == '\u20E3'));

    /// <summary>A small list that starts on the stack and moves to the heap if a text holds many emoji.</summary>
    private ref struct EmojiList(Span<Range> buffer)
    {
        private Span<Range> _items = buffer;

        public int Count { get; private set; }

        public readonly Range this[int index] => _items[index];

        public void Add(Range range)
        {
            if (Count == _items.Length)
            {
                var larger = new Range[_items.Length * 2];
                _items.CopyTo(larger);
                _items = larger;
            }

            _items[Count++] = range;
        }
    }
}
