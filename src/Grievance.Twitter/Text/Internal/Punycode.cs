namespace Grievance.Twitter.Text.Internal;

/// <summary>
/// The length checks twitter-text applies to URL domains: each label, punycoded (RFC 3492) the way
/// punycode.js 1.4 does it, must be 1 to 63 characters long.
/// </summary>
internal static class Punycode
{
    private const int MaxLabelLength = 63;
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    private static readonly System.Buffers.SearchValues<char> IdnaDots = System.Buffers.SearchValues.Create(".\u3002\uFF0E\uFF61");

    /// <summary>
    /// Tells whether the reference accepts <paramref name="domain"/> (its <c>idna.toAscii</c> does not fail).
    /// </summary>
    public static bool IsAcceptableDomain(string domain)
    {
        if (domain.StartsWith("xn--", StringComparison.Ordinal) && !TwitterTextPatterns.AsciiDomain.IsMatch(domain))
        {
            return false;
        }

        foreach (var label in new SpanSplitter(domain, '.'))
        {
            var length = ToAsciiLength(label);
            if (length is < 1 or > MaxLabelLength)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The length of punycode.js's <c>toASCII(label)</c>: the label is split again at the other IDNA dots
    /// (U+3002, U+FF0E, U+FF61), each part that holds a character outside U+0020–U+007E becomes
    /// <c>xn--</c> plus its punycode, and the parts are joined with dots.
    /// </summary>
    internal static int ToAsciiLength(ReadOnlySpan<char> label)
    {
        var total = 0;
        var first = true;
        while (true)
        {
            var next = label.IndexOfAny(IdnaDots);
            var part = next < 0 ? label : label[..next];
            total += (first ? 0 : 1) + (NeedsEncoding(part) ? 4 + EncodedLength(part) : part.Length);
            first = false;
            if (next < 0)
            {
                return total;
            }

            label = label[(next + 1)..];
        }
    }

    private static bool NeedsEncoding(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (c is < '\u0020' or > '\u007E')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The length of the RFC 3492 encoding of <paramref name="input"/> (lone surrogates count as code points).</summary>
    internal static int EncodedLength(ReadOnlySpan<char> input)
    {
        var codePoints = new List<int>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                codePoints.Add(char.ConvertToUtf32(c, input[i + 1]));
                i++;
            }
            else
            {
                codePoints.Add(c);
            }
        }

        var basic = 0;
        foreach (var cp in codePoints)
        {
            if (cp < 0x80)
            {
                basic++;
            }
        }

        var length = basic + (basic > 0 ? 1 : 0);
        long n = InitialN;
        long delta = 0;
        var bias = InitialBias;
        var handled = basic;
        while (handled < codePoints.Count)
        {
            long m = int.MaxValue;
            foreach (var cp in codePoints)
            {
                if (cp >= n && cp < m)
                {
                    m = cp;
                }
            }

            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in codePoints)
            {
                if (cp < n)
                {
                    delta++;
                }

                if (cp == n)
                {
                    var q = delta;
                    for (var k = Base; ; k += Base)
                    {
                        var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                        if (q < t)
                        {
                            break;
                        }

                        length++;
                        q = (q - t) / (Base - t);
                    }

                    length++;
                    bias = Adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return length;
    }

    private static int Adapt(long delta, int numPoints, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta >> 1;
        delta += delta / numPoints;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) >> 1)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return (int)(k + ((Base - TMin + 1) * delta / (delta + Skew)));
    }

    /// <summary>Splits a string at one character without allocating, keeping empty parts (like JavaScript's split).</summary>
    private ref struct SpanSplitter(string text, char separator)
    {
        private int _start = -1;
        private int _end = -1;

        public readonly SpanSplitter GetEnumerator() => this;

        public readonly ReadOnlySpan<char> Current => text.AsSpan(_start, _end - _start);

        public bool MoveNext()
        {
            if (_end >= text.Length)
            {
                return false;
            }

            _start = _end + 1;
            var next = text.IndexOf(separator, _start);
            _end = next < 0 ? text.Length : next;
            return true;
        }
    }
}
