namespace Grievance.Twitter.Webhooks;

/// <summary>
/// Handles X Account Activity webhook traffic without any web framework: answers CRC challenges, verifies and
/// parses deliveries, and hands each post or direct message to the intake pipeline before the delivery is
/// acknowledged. <c>Grievance.Twitter.AspNetCore</c> maps it to an endpoint; other hosts can call it directly.
/// </summary>
public interface ITwitterWebhookHandler
{
    /// <summary>Answers X's CRC challenge.</summary>
    /// <param name="crcToken">The <c>crc_token</c> query value.</param>
    /// <returns>The JSON body to return with status 200: <c>{"response_token":"sha256=…"}</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="crcToken"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="crcToken"/> is <see langword="null"/>.</exception>
    string CreateCrcResponse(string crcToken);

    /// <summary>
    /// Verifies a delivery's signature over its raw bytes, parses it and processes every post and direct message in it
    /// through the intake pipeline; returns only when each is stored (as a complaint, follow-up or rejection) or was
    /// stored before, so a 200 answer after it never acknowledges something that could still be lost. Nothing is
    /// processed when the signature is missing or wrong or the body is not a delivery.
    /// </summary>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="signatureHeader">The <c>x-twitter-webhooks-signature</c> header, or <see langword="null"/> when absent.</param>
    /// <param name="cancellationToken">The token to cancel processing.</param>
    /// <returns>What was done; <see cref="TwitterWebhookResult.Status"/> tells the HTTP answer.</returns>
    Task<TwitterWebhookResult> HandleAsync(ReadOnlyMemory<byte> body, string? signatureHeader, CancellationToken cancellationToken = default);
}

/// <summary>How a webhook delivery was judged.</summary>
public enum TwitterWebhookStatus
{
    /// <summary>Signed by X and processed: answer 200.</summary>
    Accepted = 0,

    /// <summary>No signature header: answer 401; nothing was processed.</summary>
    MissingSignature = 1,

    /// <summary>The signature is not X's: answer 403; nothing was processed.</summary>
    InvalidSignature = 2,

    /// <summary>Signed, but not a JSON delivery object: answer 400; nothing was processed.</summary>
    MalformedPayload = 3,
}

/// <summary>What one webhook delivery produced.</summary>
public sealed record TwitterWebhookResult
{
    /// <summary>Gets how the delivery was judged.</summary>
    public required TwitterWebhookStatus Status { get; init; }

    /// <summary>Gets the desk account the delivery was for (<c>for_user_id</c>), when present.</summary>
    public string? ForUserId { get; init; }

    /// <summary>Gets how many posts and direct messages were handed to the intake pipeline.</summary>
    public int Processed { get; init; }

    /// <summary>Gets how many of those became new complaints.</summary>
    public int Created { get; init; }

    /// <summary>Gets how many of those had been handled before (a redelivery, or the same post through polling or another desk handle).</summary>
    public int Duplicates { get; init; }

    /// <summary>Gets how many events were not complaints by nature and were skipped: the desk's own posts and messages, and event kinds other than posts and messages.</summary>
    public int Ignored { get; init; }
}
