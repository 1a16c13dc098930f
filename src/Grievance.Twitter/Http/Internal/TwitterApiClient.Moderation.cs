using System.Net.Http.Json;
using Grievance.Twitter.Http.Internal.Dto;

namespace Grievance.Twitter.Http.Internal;

internal sealed partial class TwitterApiClient
{
    public async Task<bool> HideReplyAsync(string tweetId, bool hidden = true, string? fromAccount = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNotId(tweetId, nameof(tweetId));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"2/tweets/{tweetId}/hidden")
        {
            Content = JsonContent.Create(new HideRequestDto { Hidden = hidden }, TwitterEndpointsJsonContext.Default.HideRequestDto),
        };
        UseUserToken(request, fromAccount);
        using var response = await SendAsync(request, TwitterEndpoints.HideReply, cancellationToken).ConfigureAwait(false);
        var body = await ReadJsonAsync(response, TwitterEndpointsJsonContext.Default.HideResponseDto, TwitterEndpoints.HideReply, cancellationToken).ConfigureAwait(false);
        return body.Data?.Hidden ?? throw new TwitterApiException("X answered the hide request without the hidden state.") { StatusCode = response.StatusCode };
    }
}
