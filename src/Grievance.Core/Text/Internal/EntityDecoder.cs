namespace Grievance.Text.Internal;

/// <summary>Decodes the three character entities X escapes in a post's <c>text</c>.</summary>
internal static class EntityDecoder
{
    public static string Decode(string text)
    {
        var first = text.IndexOf('&', StringComparison.Ordinal);
        if (first < 0)
        {
            return text;
        }

        return PooledBuffer.Build(text, first, static (source, prefixLength, destination) =>
        {
            source[..prefixLength].CopyTo(destination);
            var written = prefixLength;
            var i = prefixLength;
            while (i < source.Length)
            {
                var c = source[i];
                if (c == '&')
                {
                    var rest = source[i..];
                    if (rest.StartsWith("&amp;", StringComparison.Ordinal))
                    {
                        destination[written++] = '&';
                        i += 5;
                        continue;
                    }

                    if (rest.StartsWith("&lt;", StringComparison.Ordinal))
                    {
                        destination[written++] = '<';
                        i += 4;
                        continue;
                    }

                    if (rest.StartsWith("&gt;", StringComparison.Ordinal))
                    {
                        destination[written++] = '>';
                        i += 4;
                        continue;
                    }
                }

                destination[written++] = c;
                i++;
            }

            return written;
        });
    }
}
