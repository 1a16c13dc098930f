using System.Text.Json;
using Grievance.Intake;
using Grievance.Storage;
using Grievance.Twitter.Diagnostics.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Webhooks.Internal;

/// <summary>
/// Verifies, parses and processes Account Activity deliveries. Processing is inline: each post goes through the intake
/// pipeline, whose single commit (complaint, audit event and acknowledgement, keyed by the post) is the durable record,
/// and only then is the delivery acknowledged. A separate durable queue would be a second copy of that record; a
/// delivery holds one or a few events and intake takes milliseconds on the embedded and shared stores, well inside the
/// few seconds X waits. If the store fails, the exception reaches the host, which answers 5xx: X retries (Enterprise)
/// or the delivery is replayed, and polling reads the same post anyway; what was stored before the failure is then a duplicate.
/// </summary>
internal sealed class TwitterWebhookHandler : ITwitterWebhookHandler
{
    private readonly IIntakePipeline _intake;
    private readonly IComplaintStore _store;
    private readonly IOptionsMonitor<TwitterOptions> _options;
    private readonly ILogger<TwitterWebhookHandler> _logger;

    public TwitterWebhookHandler(IIntakePipeline intake, IComplaintStore store, IOptionsMonitor<TwitterOptions> options, ILogger<TwitterWebhookHandler> logger)
    {
        _intake = intake;
        _store = store;
        _options = options;
        _logger = logger;
    }

    public string CreateCrcResponse(string crcToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(crcToken);
        Log.WebhookCrcAnswered(_logger);
        return TwitterWebhookSignature.ComputeCrcResponse(ConsumerSecret(), crcToken);
    }

    public async Task<TwitterWebhookResult> HandleAsync(ReadOnlyMemory<byte> body, string? signatureHeader, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            Log.WebhookRefused(_logger, TwitterWebhookStatus.MissingSignature, body.Length);
            return new TwitterWebhookResult { Status = TwitterWebhookStatus.MissingSignature };
        }

        if (!TwitterWebhookSignature.IsValid(ConsumerSecret(), body.Span, signatureHeader))
        {
            Log.WebhookRefused(_logger, TwitterWebhookStatus.InvalidSignature, body.Length);
            return new TwitterWebhookResult { Status = TwitterWebhookStatus.InvalidSignature };
        }

        WebhookPayloadDto? payload;
        try
        {
            payload = JsonSerializer.Deserialize(body.Span, WebhookJsonContext.Default.WebhookPayloadDto);
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            Log.WebhookRefused(_logger, TwitterWebhookStatus.MalformedPayload, body.Length);
            return new TwitterWebhookResult { Status = TwitterWebhookStatus.MalformedPayload };
        }

        var options = _options.CurrentValue;
        var desks = new HashSet<string>(options.Accounts.Where(a => a is not null).Select(a => a.UserId), StringComparer.Ordinal);
        if (payload.ForUserId is { Length: > 0 } forUser)
        {
            desks.Add(forUser);
        }

        var messages = new List<InboundMessage>();
        var ignored = 0;
        foreach (var tweet in payload.TweetCreateEvents ?? [])
        {
            // The desk's own posts (its replies included) are delivered too; they are never complaints.
            if (tweet is null || (tweet.User?.IdStr is { } author && desks.Contains(author)))
            {
                ignored++;
                continue;
            }

            messages.Add(V1TweetMapper.MapTweet(tweet));
        }

        foreach (var dm in payload.DirectMessageEvents ?? [])
        {
            if (dm is null || dm.Type != "message_create" || (dm.MessageCreate?.SenderId is { } sender && desks.Contains(sender)))
            {
                ignored++;
                continue;
            }

            var recipient = dm.MessageCreate?.Target?.RecipientId;
            var username = options.Accounts.FirstOrDefault(a => a is not null && a.UserId == recipient)?.Username.TrimStart('@');
            messages.Add(V1TweetMapper.MapDirectMessage(dm, payload.Users, username));
        }

        ignored += payload.Other?.Count(p => p.Key.EndsWith("_events", StringComparison.Ordinal)) ?? 0;

        int created = 0, duplicates = 0;
        foreach (var message in messages)
        {
            var resolved = await ResolveConversationAsync(message, cancellationToken).ConfigureAwait(false);
            var result = await _intake.ProcessAsync(resolved, cancellationToken).ConfigureAwait(false);
            created += result.Outcome == IntakeOutcome.Created ? 1 : 0;
            duplicates += result.Outcome == IntakeOutcome.Duplicate ? 1 : 0;
        }

        Log.WebhookProcessed(_logger, payload.ForUserId, messages.Count, created, duplicates, ignored);
        return new TwitterWebhookResult
        {
            Status = TwitterWebhookStatus.Accepted,
            ForUserId = payload.ForUserId,
            Processed = messages.Count,
            Created = created,
            Duplicates = duplicates,
            Ignored = ignored,
        };
    }

    /// <summary>
    /// A v1.1 reply carries no conversation id. When it replies to a post that is a stored complaint's source, that
    /// complaint's conversation is the reply's, so the citizen's reply in their own thread is a follow-up as when polled.
    /// </summary>
    private async Task<InboundMessage> ResolveConversationAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.ConversationId is not null || message.InReplyToId is not { Length: > 0 } parent || message.Channel != Channels.X)
        {
            return message;
        }

        var processed = await _store.FindProcessedAsync(Channels.X, parent, cancellationToken).ConfigureAwait(false);
        if (processed?.ComplaintId is not { } complaintId)
        {
            return message;
        }

        var complaint = await _store.GetAsync(complaintId, cancellationToken).ConfigureAwait(false);
        return complaint?.ConversationId is { } conversation ? message with { ConversationId = conversation } : message;
    }

    private string ConsumerSecret() =>
        _options.CurrentValue.ConsumerSecret is { Length: > 0 } secret
            ? secret
            : throw new InvalidOperationException("Webhooks need TwitterOptions.ConsumerSecret; it is validated at start-up when webhooks are added.");
}
