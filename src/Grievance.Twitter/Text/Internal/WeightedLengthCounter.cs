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

        long total = 0;
        var valid = true;
        var validDisplayIndex = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            while (urlNext < urls.Length && urls[urlNext].Start < i)
            {
                urlNext++;
            }

            while (emojiNext < emoji.Count && emoji[emojiNext].Start.Value < i)
            {
                emojiNext++;
            }

            if (urlNext < urls.Length && urls[urlNext].Start == i)
            {
                total += urlWeight;
                i += urls[urlNext].Value.Length - 1;
            }
            else if (emojiNext < emoji.Count && emoji[emojiNext].Start.Value == i)
            {
                total += defaultWeight;
                var r = emoji[emojiNext];
                i += r.End.Value - r.Start.Value - 1;
            }
            else
            {
                if (char.IsHighSurrogate(normalized[i]) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
                {
                    i++;
                }

                // As in the reference, the weight is that of the step's last code unit.
                total += WeightOf(normalized[i], ranges, defaultWeight);
            }

            if (valid && normalized[i] is '\uFFFE' or '\uFEFF' or '\uFFFF')
            {
                valid = false;
            }

            if (valid && total <= maxTotal)
            {
                validDisplayIndex = i;
            }
        }

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
    /// The emoji of twemoji-parser, as ranges in order. Its expression is tried, anchored, only where an emoji
    /// can start, in the order a scan would try them; a keycap base (<c>#</c>, <c>*</c>, a digit) is skipped
    /// at once unless U+20E3 follows, directly or after U+FE0F.
    /// </summary>
    private static EmojiList FindEmoji(string text, Span<Range> buffer)
    {
        var list = new EmojiList(buffer);
        var span = text.AsSpan();
        var position = 0;
        while (position < span.Length)
        {
            var offset = span[position..].IndexOfAny(TwitterTextPatterns.EmojiStart);
            if (offset < 0)
            {
                break;
            }

            position += offset;
            if (span[position] < 0x80 && !IsKeycapTail(span, position + 1))
            {
                position++;
                continue;
            }

            var length = 0;
            foreach (var m in TwitterTextPatterns.EmojiAt().EnumerateMatches(span, position))
            {
                length = m.Length;
                break;
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
