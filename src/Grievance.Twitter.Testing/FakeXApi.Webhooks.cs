using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grievance.Twitter.Testing.Internal;

namespace Grievance.Twitter.Testing;

/// <summary>
/// The fake's side of Account Activity webhooks: deliveries of posts and direct messages in X's v1.1 format, signed
/// with <see cref="ConsumerSecret"/> as X signs them, and CRC challenges with the answer X expects.
/// </summary>
public sealed partial class FakeXApi
{
    /// <summary>The header that carries a delivery's signature.</summary>
    public const string WebhookSignatureHeader = "x-twitter-webhooks-signature";

    private int _crcSerial;

    /// <summary>
    /// Creates a signed <c>tweet_create_events</c> delivery for a subscribed desk account, as X would POST it to the
    /// webhook. Posts longer than 140 code points are truncated in <c>text</c> with the whole text in
    /// <c>extended_tweet.full_text</c>; ids are given both as numbers and as <c>id_str</c>.
    /// </summary>
    /// <param name="forUserId">The subscribed account the delivery is for (<c>for_user_id</c>).</param>
    /// <param name="posts">The posts, held by this fake.</param>
    /// <returns>The delivery: body bytes and signature header.</returns>
    /// <exception cref="ArgumentException">The account or a post is unknown.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public FakeXWebhookDelivery CreatePostDelivery(string forUserId, params FakeXPost[] posts) =>
        CreatePostDelivery(forUserId, includeEditHistory: true, posts);

    /// <summary>Creates a signed <c>tweet_create_events</c> delivery, optionally without edit metadata (as some v1.1 payloads come).</summary>
    /// <param name="forUserId">The subscribed account the delivery is for (<c>for_user_id</c>).</param>
    /// <param name="includeEditHistory">Whether each post carries <c>edit_history</c>.</param>
    /// <param name="posts">The posts, held by this fake.</param>
    /// <returns>The delivery: body bytes and signature header.</returns>
    /// <exception cref="ArgumentException">The account or a post is unknown.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public FakeXWebhookDelivery CreatePostDelivery(string forUserId, bool includeEditHistory, params FakeXPost[] posts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(forUserId);
        ArgumentNullException.ThrowIfNull(posts);
        var body = WithLock(state =>
        {
            if (!state.UsersById.ContainsKey(forUserId))
            {
                throw new ArgumentException($"Unknown account {forUserId}.", nameof(forUserId));
            }

            return FakeWebhookWriter.Write(w =>
            {
                w.WriteString("for_user_id", forUserId);
                w.WriteString("user_has_blocked", "false");
                w.WriteStartArray("tweet_create_events");
                foreach (var post in posts)
                {
                    ArgumentNullException.ThrowIfNull(post, nameof(posts));
                    var stored = state.Posts.Find(p => p.Id == post.Id) ?? throw new ArgumentException($"Unknown post {post.Id}.", nameof(posts));
                    FakeWebhookWriter.WriteV1Tweet(w, stored, state, includeEditHistory);
                }

                w.WriteEndArray();
            });
        });
        return SignDelivery(body);
    }

    /// <summary>Creates a signed <c>direct_message_events</c> delivery of one message to a desk account.</summary>
    /// <param name="recipientId">The desk account that receives the message (and <c>for_user_id</c>).</param>
    /// <param name="senderId">The sender's user id.</param>
    /// <param name="text">The message text.</param>
    /// <param name="id">The event id; the next id when <see langword="null"/>.</param>
    /// <returns>The delivery: body bytes and signature header.</returns>
    /// <exception cref="ArgumentException">An account is unknown.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public FakeXWebhookDelivery CreateDirectMessageDelivery(string recipientId, string senderId, string text, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(senderId);
        ArgumentNullException.ThrowIfNull(text);
        var body = WithLock(state =>
        {
            if (!state.UsersById.TryGetValue(senderId, out var sender) || !state.UsersById.ContainsKey(recipientId))
            {
                throw new ArgumentException($"Unknown account {senderId} or {recipientId}.", nameof(senderId));
            }

            var eventId = id ?? NextIdLocked();
            return FakeWebhookWriter.Write(w =>
            {
                w.WriteString("for_user_id", recipientId);
                w.WriteStartArray("direct_message_events");
                w.WriteStartObject();
                w.WriteString("type", "message_create");
                w.WriteString("id", eventId);
                w.WriteString("created_timestamp", Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                w.WriteStartObject("message_create");
                w.WriteStartObject("target");
                w.WriteString("recipient_id", recipientId);
                w.WriteEndObject();
                w.WriteString("sender_id", senderId);
                w.WriteStartObject("message_data");
                w.WriteString("text", text);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("users");
                w.WriteStartObject(senderId);
                w.WriteString("id", sender.Id);
                w.WriteString("screen_name", sender.Username);
                w.WriteString("name", sender.Name);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        });
        return SignDelivery(body);
    }

    /// <summary>Signs raw bytes as X signs a delivery, for tests that need a delivery of their own shape.</summary>
    /// <param name="body">The exact body bytes.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public FakeXWebhookDelivery SignDelivery(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(ConsumerSecret), body);
        return new FakeXWebhookDelivery(body, "sha256=" + Convert.ToBase64String(hash));
    }

    /// <summary>Creates a CRC challenge as X sends it on registration and every half hour, with the answer X will accept.</summary>
    /// <returns>The challenge.</returns>
    public FakeXCrcChallenge CreateCrcChallenge()
    {
        var token = "fake-crc-" + Interlocked.Increment(ref _crcSerial).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(ConsumerSecret), Encoding.UTF8.GetBytes(token));
        return new FakeXCrcChallenge(token, "sha256=" + Convert.ToBase64String(hash));
    }

    /// <summary>Checks a CRC answer as X does: status 200 and a JSON body whose <c>response_token</c> is the expected one.</summary>
    /// <param name="challenge">The challenge sent.</param>
    /// <param name="statusCode">The answer's status code.</param>
    /// <param name="body">The answer's body.</param>
    /// <returns><see langword="true"/> when X would keep the webhook valid.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool IsValidCrcAnswer(FakeXCrcChallenge challenge, int statusCode, string body)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(body);
        if (statusCode != 200)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("response_token", out var token)
                && token.ValueKind == JsonValueKind.String
                && token.GetString() == challenge.ExpectedResponseToken;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>A signed webhook delivery.</summary>
/// <param name="Body">The exact body bytes to POST.</param>
/// <param name="Signature">The <c>x-twitter-webhooks-signature</c> header value.</param>
public sealed record FakeXWebhookDelivery(byte[] Body, string Signature)
{
    /// <summary>Gets the body as text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>A CRC challenge: the token X sends as <c>crc_token</c> and the <c>response_token</c> it expects back.</summary>
/// <param name="CrcToken">The token.</param>
/// <param name="ExpectedResponseToken">The expected <c>sha256=…</c> value.</param>
public sealed record FakeXCrcChallenge(string CrcToken, string ExpectedResponseToken);
