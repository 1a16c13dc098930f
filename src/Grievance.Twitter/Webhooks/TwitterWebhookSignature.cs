using System.Security.Cryptography;
using System.Text;

namespace Grievance.Twitter.Webhooks;

/// <summary>
/// The two HMAC-SHA256 computations of X's Account Activity webhooks, keyed with the app's consumer secret: the CRC
/// response token and the <c>x-twitter-webhooks-signature</c> of a delivery's raw body.
/// </summary>
public static class TwitterWebhookSignature
{
    /// <summary>The header that carries a delivery's signature.</summary>
    public const string HeaderName = "x-twitter-webhooks-signature";

    /// <summary>The query parameter of X's CRC challenge.</summary>
    public const string CrcTokenParameter = "crc_token";

    private const string Prefix = "sha256=";

    /// <summary>Computes the CRC response token: <c>sha256=</c> + base64(HMAC-SHA256(consumerSecret, crcToken)).</summary>
    /// <param name="consumerSecret">The app's consumer secret.</param>
    /// <param name="crcToken">The <c>crc_token</c> X sent.</param>
    /// <returns>The value of <c>response_token</c>.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string ComputeCrcResponseToken(string consumerSecret, string crcToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerSecret);
        ArgumentException.ThrowIfNullOrEmpty(crcToken);
        return Compute(consumerSecret, Encoding.UTF8.GetBytes(crcToken));
    }

    /// <summary>Computes the body of X's expected CRC answer: <c>{"response_token":"sha256=…"}</c>.</summary>
    /// <param name="consumerSecret">The app's consumer secret.</param>
    /// <param name="crcToken">The <c>crc_token</c> X sent.</param>
    /// <returns>The JSON to answer with status 200.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string ComputeCrcResponse(string consumerSecret, string crcToken) =>
        "{\"response_token\":\"" + ComputeCrcResponseToken(consumerSecret, crcToken) + "\"}";

    /// <summary>Computes a delivery's signature: <c>sha256=</c> + base64(HMAC-SHA256(consumerSecret, body)).</summary>
    /// <param name="consumerSecret">The app's consumer secret.</param>
    /// <param name="body">The raw body bytes, exactly as sent.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException"><paramref name="consumerSecret"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="consumerSecret"/> is <see langword="null"/>.</exception>
    public static string ComputeSignature(string consumerSecret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerSecret);
        return Compute(consumerSecret, body);
    }

    /// <summary>
    /// Checks a delivery's signature over its raw bytes with a fixed-time comparison, so the time taken reveals nothing
    /// about how much of a forged signature was right.
    /// </summary>
    /// <param name="consumerSecret">The app's consumer secret.</param>
    /// <param name="body">The raw body bytes, exactly as received (never re-serialized JSON).</param>
    /// <param name="signatureHeader">The <c>x-twitter-webhooks-signature</c> value.</param>
    /// <returns><see langword="true"/> when the signature is X's.</returns>
    /// <exception cref="ArgumentException"><paramref name="consumerSecret"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="consumerSecret"/> is <see langword="null"/>.</exception>
    public static bool IsValid(string consumerSecret, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerSecret);
        if (signatureHeader is null || !signatureHeader.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signatureHeader.AsSpan(Prefix.Length).Trim().ToString(), given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Compute(string consumerSecret, ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret), data, hash);
        return Prefix + Convert.ToBase64String(hash);
    }
}
