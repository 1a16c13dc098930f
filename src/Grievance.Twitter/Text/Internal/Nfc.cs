using System.Text;

namespace Grievance.Twitter.Text.Internal;

/// <summary>
/// NFC normalisation that, like JavaScript's <c>String.prototype.normalize</c>, accepts any UTF-16 string.
/// </summary>
/// <remarks>
/// .NET's <see cref="string.Normalize()"/> throws on lone surrogates and on some noncharacters (U+FFFE).
/// Neither has a decomposition nor combines with a neighbour, so the text is normalised piece by piece
/// around them and they are kept as they are, which is what the reference does.
/// </remarks>
internal static class Nfc
{
    public static string Normalize(string text)
    {
        // Text below U+0300 is already in NFC: nothing there decomposes or combines.
        if (text.AsSpan().IndexOfAnyExceptInRange('\u0000', '\u02FF') < 0)
        {
            return text;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return NormalizeAroundInvalid(text);
        }
    }

    private static string NormalizeAroundInvalid(string text)
    {
        var sb = new StringBuilder(text.Length);
        var segmentStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int width;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                width = IsNoncharacter(cp) ? 2 : 0;
                if (width == 0)
                {
                    i++;
                    continue;
                }
            }
            else
            {
                width = char.IsSurrogate(c) || IsNoncharacter(c) ? 1 : 0;
            }

            if (width > 0)
            {
                AppendNormalized(sb, text, segmentStart, i);
                sb.Append(text, i, width);
                i += width - 1;
                segmentStart = i + 1;
            }
        }

        AppendNormalized(sb, text, segmentStart, text.Length);
        return sb.ToString();
    }

    private static void AppendNormalized(StringBuilder sb, string text, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var segment = text[start..end];
        try
        {
            sb.Append(segment.Normalize(NormalizationForm.FormC));
        }
        catch (ArgumentException)
        {
            sb.Append(segment);
        }
    }

    private static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
}
