using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Grievance.Twitter.Auth.Internal;

/// <summary>
/// OAuth 1.0a HMAC-SHA1 request signing as X documents it: query and form parameters plus the six <c>oauth_*</c>
/// parameters, RFC 3986 percent-encoded, sorted by key then value, joined into the base string
/// <c>METHOD&amp;enc(url)&amp;enc(params)</c>, signed with <c>enc(consumerSecret)&amp;enc(tokenSecret)</c>. JSON bodies are not signed.
/// </summary>
internal static class OAuth1Signer
{
    public const string SignatureMethod = "HMAC-SHA1";
    public const string Version = "1.0";

    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static readonly SearchValues<char> s_unreserved = SearchValues.Create(Unreserved);

    /// <summary>Percent-encodes per RFC 3986 §2.1: UTF-8 bytes, only <c>A-Za-z0-9-._~</c> left as is, upper-case hex, space as <c>%20</c>.</summary>
    public static string PercentEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAnyExcept(s_unreserved))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && s_unreserved.Contains((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < count; i++)
            {
                builder.Append('%').Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Builds the signature base string. <paramref name="url"/>'s query is not part of the URL part; pass its parameters in <paramref name="parameters"/>.</summary>
    public static string BaseString(string method, Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);

        var encoded = parameters.Select(p => (Key: PercentEncode(p.Key), Value: PercentEncode(p.Value))).ToList();
        encoded.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });

        var parameterString = string.Join('&', encoded.Select(p => p.Key + "=" + p.Value));
        return string.Concat(method.ToUpperInvariant(), "&", PercentEncode(BaseUrl(url)), "&", PercentEncode(parameterString));
    }

    /// <summary>Signs a base string: base64(HMAC-SHA1(enc(consumerSecret)&amp;enc(tokenSecret), base)). An empty token secret keeps the trailing <c>&amp;</c>.</summary>
    public static string Sign(string baseString, string consumerSecret, string? tokenSecret)
    {
        ArgumentNullException.ThrowIfNull(baseString);
        ArgumentNullException.ThrowIfNull(consumerSecret);
        var key = Encoding.ASCII.GetBytes(PercentEncode(consumerSecret) + "&" + PercentEncode(tokenSecret ?? string.Empty));
        var data = Encoding.UTF8.GetBytes(baseString);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // OAuth 1.0a as X implements it is defined over HMAC-SHA1; the algorithm is not ours to choose.
        HMACSHA1.HashData(key, data, hash);
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// Creates the <c>Authorization</c> header value (without the <c>OAuth</c> scheme) for a request: the seven
    /// <c>oauth_*</c> pairs, values percent-encoded and quoted.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="url">The full request URL, with its query.</param>
    /// <param name="formParameters">The form-urlencoded body parameters, when the body is a form; empty otherwise.</param>
    /// <param name="credentials">The consumer and token credentials.</param>
    /// <param name="nonce">A unique nonce.</param>
    /// <param name="timestamp">Unix seconds.</param>
    public static string AuthorizationParameter(string method, Uri url, IEnumerable<KeyValuePair<string, string>> formParameters, OAuth1Credentials credentials, string nonce, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        var stamp = timestamp.ToString(CultureInfo.InvariantCulture);
        var oauth = new List<KeyValuePair<string, string>>(6)
        {
            new("oauth_consumer_key", credentials.ConsumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", SignatureMethod),
            new("oauth_timestamp", stamp),
            new("oauth_token", credentials.Token),
            new("oauth_version", Version),
        };

        var all = new List<KeyValuePair<string, string>>(QueryParameters(url));
        all.AddRange(formParameters);
        all.AddRange(oauth);
        var signature = Sign(BaseString(method, url, all), credentials.ConsumerSecret, credentials.TokenSecret);
        oauth.Add(new("oauth_signature", signature));
        oauth.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join(", ", oauth.Select(p => PercentEncode(p.Key) + "=\"" + PercentEncode(p.Value) + "\""));
    }

    /// <summary>The URL without query or fragment; scheme and host lower case, default ports dropped (RFC 5849 §3.4.1.2).</summary>
    public static string BaseUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url.Scheme.ToLowerInvariant();
        var host = url.Host.ToLowerInvariant();
        var port = url.IsDefaultPort ? string.Empty : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return scheme + "://" + host + port + url.AbsolutePath;
    }

    /// <summary>The query's parameters, decoded (an encoded <c>+</c> stays a plus; a raw <c>+</c> is a space, as form encoding has it).</summary>
    public static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ParseForm(url.Query.TrimStart('?'));
    }

    /// <summary>Parses <c>application/x-www-form-urlencoded</c> text into decoded pairs, keeping duplicates and order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ParseForm(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return new(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }
}

/// <summary>The four secrets of an OAuth 1.0a user context. Secrets: never logged (the record's text hides them).</summary>
internal sealed record OAuth1Credentials(string ConsumerKey, string ConsumerSecret, string Token, string TokenSecret)
{
    public override string ToString() => "OAuth1Credentials { (secrets hidden) }";
}
