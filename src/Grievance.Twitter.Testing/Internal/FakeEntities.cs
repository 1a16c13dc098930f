using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>Finds mentions, hashtags and URLs the way X reports them: offsets in code points over the unescaped text.</summary>
internal static partial class FakeEntities
{
    public static List<(string Kind, int Start, int End, string Value)> Find(string text)
    {
        var found = new List<(string, int, int, string)>();
        foreach (Match m in Mention().Matches(text))
        {
            found.Add(("mention", CodePoints(text, m.Index), CodePoints(text, m.Index + m.Length), m.Groups[1].Value));
        }

        foreach (Match m in Hashtag().Matches(text))
        {
            found.Add(("hashtag", CodePoints(text, m.Index), CodePoints(text, m.Index + m.Length), m.Groups[1].Value));
        }

        foreach (Match m in Url().Matches(text))
        {
            found.Add(("url", CodePoints(text, m.Index), CodePoints(text, m.Index + m.Length), m.Value));
        }

        return found;
    }

    /// <summary>The number of code points in the first <paramref name="utf16Length"/> UTF-16 units.</summary>
    public static int CodePoints(string text, int utf16Length)
    {
        var count = 0;
        for (var i = 0; i < utf16Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first <paramref name="codePoints"/> code points of <paramref name="text"/>, never cutting a surrogate pair.</summary>
    public static string Prefix(string text, int codePoints)
    {
        var builder = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var count = 0;
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = CodePoints(element, element.Length);
            if (count + size > codePoints)
            {
                break;
            }

            builder.Append(element);
            count += size;
        }

        return builder.ToString();
    }

    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![\p{L}\p{N}_@])@([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@])")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_&#])#([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*)")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Url();
}
