using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Grievance.Twitter.Text.Internal;

/// <summary>
/// The regular expressions of twitter-text, rebuilt for .NET with the reference's matching rules.
/// </summary>
/// <remarks>
/// <para>
/// The reference runs JavaScript regular expressions without the <c>u</c> flag, so they match UTF-16 code
/// units, as .NET does. Three differences are removed here: JavaScript's <c>$</c> is written <c>\z</c>
/// (.NET's <c>$</c> also matches before a final line feed), JavaScript's <c>\s</c> and <c>.</c> are written
/// out as classes, and case-insensitive classes come pre-folded from <see cref="TwitterTextData"/>, because
/// .NET's case table (for example the Kelvin sign K) is not JavaScript's.
/// </para>
/// <para>
/// <c>validAsciiDomain</c>, the <c>isValidUrl</c> patterns and the anchored emoji pattern are used as they are.
/// The extraction patterns (URL, mention, hashtag, cashtag, emoji scan) are emulated by faster scanners in
/// <see cref="EntityExtractor"/>, <see cref="UrlMatcher"/> and <see cref="WeightedLengthCounter"/>; they stay
/// here as the definition, and the tests run them to check that the scanners find the same matches.
/// </para>
/// <para>The large patterns are built once, on first use, and compiled.</para>
/// </remarks>
internal static partial class TwitterTextPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;

    /// <summary>The <c>spaces</c> class of the reference.</summary>
    internal const string Spaces = @"[\u0009-\u000D\u0020\u0085\u00A0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

    /// <summary>JavaScript's <c>\s</c>.</summary>
    private const string JsWhitespace = @"[\u0009-\u000D\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]";

    /// <summary>The <c>punct</c> class body of the reference: ASCII punctuation except <c>"</c> and <c>`</c>.</summary>
    private const string Punct = @"!'#%&()*+,\\\-./:;<=>?@\[\]\^_{|}~$";

    private static readonly Lazy<Regex> s_asciiDomain = new(BuildAsciiDomain);
    private static readonly Lazy<Regex> s_hashtag = new(BuildHashtag);
    private static readonly Lazy<ValidateUrlPatterns> s_validateUrl = new(() => new ValidateUrlPatterns());

    /// <summary>Gets <c>validAsciiDomain</c>.</summary>
    public static Regex AsciiDomain => s_asciiDomain.Value;

    /// <summary>Gets <c>validHashtag</c>: groups <c>before</c> and <c>tag</c>.</summary>
    public static Regex Hashtag => s_hashtag.Value;

    /// <summary>Gets the patterns <c>isValidUrl</c> uses.</summary>
    public static ValidateUrlPatterns ValidateUrl => s_validateUrl.Value;

    /// <summary><c>validMentionOrList</c>: groups <c>before</c>, <c>name</c>, <c>list</c>.</summary>
    [GeneratedRegex(
        @"(?<before>^|[^a-zA-Z0-9_!#$%&*@\uFF20]|(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?)[@\uFF20](?<name>[a-zA-Z0-9_]{1,20})(?<list>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex MentionOrList();

    /// <summary><c>validMentionOrList</c> anchored at both ends, as <c>isValidList</c> uses it.</summary>
    [GeneratedRegex(
        @"^(?<before>^|[^a-zA-Z0-9_!#$%&*@\uFF20]|(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?)[@\uFF20](?<name>[a-zA-Z0-9_]{1,20})(?<list>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex WholeMentionOrList();

    /// <summary><c>validReply</c>: group <c>name</c>.</summary>
    [GeneratedRegex(
        @"^(?:" + Spaces + @")*[@\uFF20](?<name>[a-zA-Z0-9_]{1,20})",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex Reply();

    /// <summary><c>validCashtag</c>: groups <c>before</c> and <c>tag</c>.</summary>
    [GeneratedRegex(
        @"(?<before>^|" + Spaces + @")\$(?<tag>[a-zA-Z]{1,6}(?:[._][a-zA-Z]{1,2})?)(?=\z|" + JsWhitespace + "|[" + Punct + "])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex Cashtag();

    /// <summary>The emoji pattern of twemoji-parser 11.0.2.</summary>
    [GeneratedRegex(TwitterTextData.EmojiPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Emoji();

    /// <summary>The emoji pattern of twemoji-parser 11.0.2, anchored with <c>\G</c> at the start position.</summary>
    [GeneratedRegex(@"\G(?:" + TwitterTextData.EmojiPattern + ")", RegexOptions.CultureInvariant)]
    public static partial Regex EmojiAt();

    /// <summary>Gets the code units a TLD or punycode label can start with, in either case.</summary>
    public static CharSet TldStart => s_tldStart.Value;

    private static readonly Lazy<CharSet> s_tldStart = new(() =>
    {
        var folds = TwitterTextData.TldCaseFolds.SelectMany(f => f.Select(c => (c, f))).ToDictionary(p => p.c, p => p.f);
        var starts = new SortedSet<char> { 'x', 'X' };
        foreach (var tld in (TwitterTextData.GenericTlds + "|" + TwitterTextData.CountryTlds).Split('|'))
        {
            var c = tld[0];
            starts.Add(c);
            starts.Add(char.IsAsciiLetter(c) ? (char)(c ^ 0x20) : c);
            if (folds.TryGetValue(c, out var fold))
            {
                starts.UnionWith(fold);
            }
        }

        return new CharSet(string.Concat(starts.Select(c => $"{c}{c}")));
    });

    /// <summary>Gets the code units an emoji match can start with (<see cref="TwitterTextData.EmojiStartChars"/>).</summary>
    public static SearchValues<char> EmojiStart => s_emojiStart.Value;

    private static readonly Lazy<SearchValues<char>> s_emojiStart = new(() =>
    {
        var starts = new List<char>();
        var ranges = TwitterTextData.EmojiStartChars;
        for (var i = 0; i < ranges.Length; i += 2)
        {
            for (int c = ranges[i]; c <= ranges[i + 1]; c++)
            {
                starts.Add((char)c);
            }
        }

        return SearchValues.Create(starts.ToArray());
    });

    /// <summary>Tells whether <paramref name="c"/> may follow a mention (<c>endMentionMatch</c> without the <c>://</c> case).</summary>
    public static bool IsMentionTerminator(char c) =>
        c is '@' or '\uFF20' || InRanges(TwitterTextData.MentionEndLatinChars, c);

    /// <summary>Tells whether a code unit is in a range string of <see cref="TwitterTextData"/>.</summary>
    public static bool InRanges(string ranges, char c)
    {
        for (var i = 0; i < ranges.Length; i += 2)
        {
            if (c < ranges[i])
            {
                return false;
            }

            if (c <= ranges[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes a range string of <see cref="TwitterTextData"/> as a character class.</summary>
    internal static string Class(string ranges)
    {
        var sb = new StringBuilder(ranges.Length * 7 + 2).Append('[');
        AppendRanges(sb, ranges);
        return sb.Append(']').ToString();
    }

    private static void AppendRanges(StringBuilder sb, string ranges)
    {
        for (var i = 0; i < ranges.Length; i += 2)
        {
            AppendUnit(sb, ranges[i]);
            if (ranges[i + 1] != ranges[i])
            {
                sb.Append('-');
                AppendUnit(sb, ranges[i + 1]);
            }
        }
    }

    private static void AppendUnit(StringBuilder sb, int unit) =>
        sb.Append(CultureInfo.InvariantCulture, $@"\u{unit:X4}");

    /// <summary>Writes astral code point ranges as alternatives of surrogate pairs.</summary>
    private static string AstralAlternatives(ReadOnlySpan<int> ranges)
    {
        // Group by high surrogate: \uD800[\uDC00-\uDC0B...]|\uD801[...]
        var byHigh = new SortedDictionary<int, StringBuilder>();
        for (var i = 0; i < ranges.Length; i += 2)
        {
            for (var start = ranges[i]; start <= ranges[i + 1];)
            {
                var high = 0xD800 + ((start - 0x10000) >> 10);
                var blockEnd = 0x10000 + ((high - 0xD800 + 1) << 10) - 1;
                var end = Math.Min(ranges[i + 1], blockEnd);
                if (!byHigh.TryGetValue(high, out var lows))
                {
                    lows = new StringBuilder();
                    byHigh.Add(high, lows);
                }

                AppendUnit(lows, 0xDC00 + ((start - 0x10000) & 0x3FF));
                if (end != start)
                {
                    lows.Append('-');
                    AppendUnit(lows, 0xDC00 + ((end - 0x10000) & 0x3FF));
                }

                start = end + 1;
            }
        }

        var sb = new StringBuilder();
        foreach (var (high, lows) in byHigh)
        {
            if (sb.Length > 0)
            {
                sb.Append('|');
            }

            AppendUnit(sb, high);
            sb.Append('[').Append(lows).Append(']');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Builds an alternation of the TLDs as a trie, case-insensitive the way the reference is. Where one TLD
    /// is a prefix of another, the longer one is tried first, as in the reference's list.
    /// </summary>
    private static string TldAlternation()
    {
        var folds = new Dictionary<char, string>();
        foreach (var fold in TwitterTextData.TldCaseFolds)
        {
            foreach (var c in fold)
            {
                folds[c] = fold;
            }
        }

        var root = new TrieNode();
        foreach (var tld in (TwitterTextData.GenericTlds + "|" + TwitterTextData.CountryTlds).Split('|'))
        {
            var node = root;
            foreach (var c in tld)
            {
                var key = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                if (!node.Children.TryGetValue(key, out var child))
                {
                    child = new TrieNode();
                    node.Children.Add(key, child);
                }

                node = child;
            }

            node.IsEnd = true;
        }

        var sb = new StringBuilder();
        AppendTrie(sb, root, folds);
        return sb.ToString();
    }

    private static void AppendTrie(StringBuilder sb, TrieNode node, Dictionary<char, string> folds)
    {
        var count = node.Children.Count + (node.IsEnd ? 1 : 0);
        if (count > 1)
        {
            sb.Append("(?:");
        }

        var first = true;
        foreach (var (c, child) in node.Children.OrderBy(p => p.Key))
        {
            if (!first)
            {
                sb.Append('|');
            }

            first = false;
            if (char.IsAsciiLetterLower(c))
            {
                sb.Append('[').Append(c).Append((char)(c - 0x20)).Append(']');
            }
            else if (folds.TryGetValue(c, out var fold))
            {
                sb.Append('[');
                foreach (var f in fold)
                {
                    AppendUnit(sb, f);
                }

                sb.Append(']');
            }
            else
            {
                AppendUnit(sb, c);
            }

            AppendTrie(sb, child, folds);
        }

        if (node.IsEnd && node.Children.Count > 0)
        {
            sb.Append('|');
        }

        if (count > 1)
        {
            sb.Append(')');
        }
    }

    private static string ValidDomain()
    {
        var dc = Class(TwitterTextData.DomainChars);
        var subdomain = $@"(?:(?:{dc}(?:[_\-]|{dc})*)?{dc}\.)";
        var domainName = $@"(?:(?:{dc}(?:-|{dc})*)?{dc}\.)";
        return $@"(?:{subdomain}*{domainName}(?:{Tld}|{Punycode}))";
    }

    private static readonly Lazy<string> s_tld = new(() => "(?:" + TldAlternation() + @"(?=[^0-9a-zA-Z@+\-]|\z))");

    private static string Tld => s_tld.Value;

    private const string Punycode = @"(?:[xX][nN]--[\-0-9a-zA-Z]+)";

    private const string QueryChars = @"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]";

    private const string QueryEndingChars = @"[a-zA-Z0-9\-_&=#/]";

    private static string UrlTail()
    {
        var gen = Class(TwitterTextData.UrlPathChars);
        var parens = $@"\((?:{gen}+|(?:{gen}*\({gen}+\){gen}*))\)";
        var ending = Class(TwitterTextData.UrlPathEndingChars);
        var path = $@"(?:(?:{gen}*(?:{parens}{gen}*)*{ending}|(?:{parens}))|(?:@{gen}+/))";
        var tail =
            "(?::[0-9]+)?" +
            $"(?<path>/{path}*)?" +
            $@"(?:\?{QueryChars}*{QueryEndingChars})?";
        return tail;
    }

    /// <summary>The whole <c>extractUrl</c> pattern, for checking <see cref="UrlMatcher"/> against it.</summary>
    internal static Regex BuildUrl() =>
        new(
            $"(?<before>{Class(TwitterTextData.UrlPrecedingChars)}|^)" +
            "(?<url>" +
            "(?<protocol>[hH][tT][tT][pP][sS]?://)?" +
            $"(?<domain>{ValidDomain()})" +
            UrlTail() +
            ")",
            Options);

    private static Regex BuildAsciiDomain()
    {
        var label = Class(TwitterTextData.AsciiDomainLabelChars);
        return new Regex($@"(?:(?:{label}+)\.)+(?:{Tld}|{Punycode})", Options);
    }

    private static Regex BuildHashtag()
    {
        const string NonBmpPair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";
        var alpha = $"(?:{Class(TwitterTextData.HashtagAlphaBmp)}|(?={NonBmpPair})(?:{AstralAlternatives(TwitterTextData.HashtagAlphaAstral)}))";
        var alnum = $"(?:{Class(TwitterTextData.HashtagAlphaNumericBmp)}|(?={NonBmpPair})(?:{AstralAlternatives(TwitterTextData.HashtagAlphaNumericAstral)}))";
        const string CodePoint = @"(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])";
        var boundary = $@"(?:^|\uFE0E|\uFE0F|\z|(?!{alnum}|&){CodePoint})";
        var pattern = $@"(?<before>{boundary})[#\uFF03](?!\uFE0F|\u20E3)(?<tag>{alnum}*{alpha}{alnum}*)";
        return new Regex(pattern, Options);
    }

    private sealed class TrieNode
    {
        public Dictionary<char, TrieNode> Children { get; } = [];

        public bool IsEnd { get; set; }
    }

    /// <summary>The patterns of <c>isValidUrl</c>, each checked against a whole URL part.</summary>
    internal sealed class ValidateUrlPatterns
    {
        public ValidateUrlPatterns()
        {
            var unreserved = Class(TwitterTextData.ValidateUrlUnreservedChars);
            const string PctEncoded = "(?:%[0-9a-fA-F]{2})";
            const string SubDelims = "[!$&'()*+,;=]";
            var pchar = $"(?:{unreserved}|{PctEncoded}|{SubDelims}|[:|@])";
            const string DecOctet = "(?:[0-9]|(?:[1-9][0-9])|(?:1[0-9]{2})|(?:2[0-4][0-9])|(?:25[0-5]))";
            const string Ipv4 = $@"(?:{DecOctet}(?:\.{DecOctet}){{3}})";
            const string Ipv6 = @"(?:\[[a-fA-F0-9:.]+\])";
            const string Ip = $"(?:{Ipv4}|{Ipv6})";
            var userinfo = $"(?:{unreserved}|{PctEncoded}|{SubDelims}|:)*";

            const string AsciiSubDomainSegment = @"(?:[a-zA-Z0-9](?:[a-zA-Z0-9_\-]*[a-zA-Z0-9])?)";
            const string AsciiDomainSegment = @"(?:[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?)";
            const string AsciiDomainTld = @"(?:[a-zA-Z](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?)";
            const string AsciiDomain = $@"(?:(?:{AsciiSubDomainSegment}\.)*(?:{AsciiDomainSegment}\.){AsciiDomainTld})";

            const string U = @"[^\u0000-\u007F]";
            const string UnicodeSubDomainSegment = $@"(?:(?:[a-zA-Z0-9]|{U})(?:(?:[a-zA-Z0-9_\-]|{U})*(?:[a-zA-Z0-9]|{U}))?)";
            const string UnicodeDomainSegment = $@"(?:(?:[a-zA-Z0-9]|{U})(?:(?:[a-zA-Z0-9\-]|{U})*(?:[a-zA-Z0-9]|{U}))?)";
            const string UnicodeDomainTld = $@"(?:(?:[a-zA-Z]|{U})(?:(?:[a-zA-Z0-9\-]|{U})*(?:[a-zA-Z0-9]|{U}))?)";
            const string UnicodeDomain = $@"(?:(?:{UnicodeSubDomainSegment}\.)*(?:{UnicodeDomainSegment}\.){UnicodeDomainTld})";

            // The reference's "." (any code unit but a line terminator) and "$" (end of input).
            Unencoded = new Regex(@"^(?:([^:/?#]+)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#([^\n\r\u2028\u2029]*))?\z", RegexOptions.CultureInvariant | RegexOptions.Compiled);
            Scheme = new Regex(@"(?:[a-zA-Z][a-zA-Z0-9+\-.]*)", Options);
            Path = new Regex($"(/{pchar}*)*", Options);
            QueryOrFragment = new Regex($"({pchar}|/|\\?)*", Options);
            UnicodeAuthority = new Regex($@"(?:({userinfo})@)?((?:{Ip}|{UnicodeDomain}))(?::([0-9]{{1,5}}))?", Options);
            Authority = new Regex($@"(?:({userinfo})@)?((?:{Ip}|{AsciiDomain}))(?::([0-9]{{1,5}}))?", Options);
        }

        /// <summary>Gets <c>validateUrlUnencoded</c>: groups 1 scheme, 2 authority, 3 path, 4 query, 5 fragment.</summary>
        public Regex Unencoded { get; }

        /// <summary>Gets <c>validateUrlScheme</c>.</summary>
        public Regex Scheme { get; }

        /// <summary>Gets <c>validateUrlPath</c>.</summary>
        public Regex Path { get; }

        /// <summary>Gets <c>validateUrlQuery</c>, which is also <c>validateUrlFragment</c>.</summary>
        public Regex QueryOrFragment { get; }

        /// <summary>Gets <c>validateUrlUnicodeAuthority</c>.</summary>
        public Regex UnicodeAuthority { get; }

        /// <summary>Gets <c>validateUrlAuthority</c>.</summary>
        public Regex Authority { get; }
    }
}
