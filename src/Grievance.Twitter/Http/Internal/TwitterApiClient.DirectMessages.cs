using System.Globalization;
using System.Net.Http.Json;
using Grievance.Twitter.Http.Internal.Dto;

namespace Grievance.Twitter.Http.Internal;

internal sealed partial class TwitterApiClient
{
    internal const string DmEventFields = "id,event_type,text,sender_id,dm_conversation_id,created_at";

    public async Task<DirectMessageSent> SendDirectMessageAsync(string participantId, string text, string? fromAccount = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNotId(participantId, nameof(participantId));
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"2/dm_conversations/with/{participantId}/messages")
        {
            Content = JsonContent.Create(new CreateMessageRequestDto { Text = text }, TwitterEndpointsJsonContext.Default.CreateMessageRequestDto),
        };
        UseUserToken(request, fromAccount);
        using var response = await SendAsync(request, TwitterEndpoints.SendDirectMessage, cancellationToken).ConfigureAwait(false);
        var body = await ReadJsonAsync(response, TwitterEndpointsJsonContext.Default.CreateDmEventResponseDto, TwitterEndpoints.SendDirectMessage, cancellationToken).ConfigureAwait(false);
        return body.Data is { ConversationId: { Length: > 0 } conversation, EventId: { Length: > 0 } eventId }
            ? new DirectMessageSent(conversation, eventId)
            : throw new TwitterApiException("The message was accepted but the response has no ids; it may have been delivered.") { StatusCode = response.StatusCode };
    }

    public async Task<DirectMessageEventsPage> GetDirectMessageEventsAsync(DirectMessageEventsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxResults, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MaxResults, 100, nameof(query));
        var uri = string.Create(CultureInfo.InvariantCulture, $"2/dm_events?max_results={query.MaxResults}&event_types=MessageCreate&dm_event.fields={DmEventFields}");
        if (query.PaginationToken is not null)
        {
            uri += "&pagination_token=" + Uri.EscapeDataString(query.PaginationToken);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        UseUserToken(request, query.Account);
        using var response = await SendAsync(request, TwitterEndpoints.DirectMessageEvents, cancellationToken).ConfigureAwait(false);
        var body = await ReadJsonAsync(response, TwitterEndpointsJsonContext.Default.DmEventsResponseDto, TwitterEndpoints.DirectMessageEvents, cancellationToken).ConfigureAwait(false);
        return new DirectMessageEventsPage
        {
            Events = [.. (body.Data ?? []).Where(e => e.Id is not null && e.EventType is not null).Select(e => new DirectMessageEvent
            {
                Id = e.Id!,
                EventType = e.EventType!,
                Text = e.Text,
                SenderId = e.SenderId,
                ConversationId = e.ConversationId,
                CreatedAt = e.CreatedAt,
            })],
            NextToken = body.Meta?.NextToken,
        };
    }
}
