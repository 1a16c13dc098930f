using System.Net.Http.Json;
using Grievance.Twitter.Http.Internal.Dto;

namespace Grievance.Twitter.Http.Internal;

internal sealed partial class TwitterApiClient
{
    public async Task<IReadOnlyList<StreamRule>> GetStreamRulesAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "2/tweets/search/stream/rules");
        UseAppToken(request);
        using var response = await SendAsync(request, TwitterEndpoints.StreamRules, cancellationToken).ConfigureAwait(false);
        var body = await ReadJsonAsync(response, TwitterEndpointsJsonContext.Default.RulesResponseDto, TwitterEndpoints.StreamRules, cancellationToken).ConfigureAwait(false);
        return ToRules(body);
    }

    public async Task<IReadOnlyList<StreamRule>> AddStreamRulesAsync(IEnumerable<StreamRule> rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var add = rules.Select(r => new RuleDto { Value = r.Value, Tag = r.Tag }).ToList();
        if (add.Count == 0)
        {
            return [];
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "2/tweets/search/stream/rules")
        {
            Content = JsonContent.Create(new AddRulesRequestDto { Add = add }, TwitterEndpointsJsonContext.Default.AddRulesRequestDto),
        };
        UseAppToken(request);
        using var response = await SendAsync(request, TwitterEndpoints.StreamRules, cancellationToken).ConfigureAwait(false);
        var body = await ReadJsonAsync(response, TwitterEndpointsJsonContext.Default.RulesResponseDto, TwitterEndpoints.StreamRules, cancellationToken).ConfigureAwait(false);
        if (body.Errors is [var first, ..] && first.Type?.EndsWith("/duplicate-rules", StringComparison.Ordinal) != true)
        {
            throw new TwitterApiException($"X refused a stream rule: {first.Title} ({first.Detail}).")
            {
                StatusCode = response.StatusCode,
                ProblemType = first.Type?[(first.Type.LastIndexOf('/') + 1)..],
                Detail = first.Detail,
            };
        }

        return ToRules(body);
    }

    public async Task DeleteStreamRulesAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToList();
        if (list.Count == 0)
        {
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "2/tweets/search/stream/rules")
        {
            Content = JsonContent.Create(new DeleteRulesRequestDto { Delete = new DeleteIdsDto { Ids = list } }, TwitterEndpointsJsonContext.Default.DeleteRulesRequestDto),
        };
        UseAppToken(request);
        using var response = await SendAsync(request, TwitterEndpoints.StreamRules, cancellationToken).ConfigureAwait(false);
    }

    private static List<StreamRule> ToRules(RulesResponseDto body) =>
        [.. (body.Data ?? []).Where(r => r.Value is not null).Select(r => new StreamRule(r.Value!, r.Tag, r.Id))];
}
