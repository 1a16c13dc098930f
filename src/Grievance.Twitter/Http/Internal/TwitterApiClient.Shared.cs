using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grievance.Intake;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http.Internal.Dto;
using Grievance.Twitter.Intake.Internal;

namespace Grievance.Twitter.Http.Internal;

/// <summary>Pieces the endpoints share: reading a page of posts, reading a JSON body, choosing a token.</summary>
internal sealed partial class TwitterApiClient
{
    /// <summary>Reads a page of posts (mentions, search) and maps them, in one place.</summary>
    internal async Task<MentionsPage> ReadPostsPageAsync(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
    {
        var body = await ReadJsonAsync(response, TwitterJsonContext.Default.MentionsResponseDto, endpoint, cancellationToken).ConfigureAwait(false);
        var page = MapPostsPage(body);
        if (page.Errors.Count > 0)
        {
            Log.PartialErrors(_logger, endpoint, page.Errors.Count);
        }

        return page;
    }

    /// <summary>Maps a deserialised page of posts: authors from <c>includes.users</c>, every post, meta and partial errors.</summary>
    internal static MentionsPage MapPostsPage(MentionsResponseDto body)
    {
        var includedUsers = body.Includes?.Users;
        var users = new Dictionary<string, UserDto>(includedUsers?.Count ?? 0, StringComparer.Ordinal);
        if (includedUsers is not null)
        {
            foreach (var user in includedUsers)
            {
                if (user.Id is not null)
                {
                    users[user.Id] = user;
                }
            }
        }

        var data = body.Data;
        var messages = new List<InboundMessage>(data?.Count ?? 0);
        if (data is not null)
        {
            foreach (var tweet in data)
            {
                messages.Add(TweetMapper.Map(tweet, users));
            }
        }

        return new MentionsPage
        {
            Messages = messages,
            ResultCount = body.Meta?.ResultCount ?? messages.Count,
            NewestId = body.Meta?.NewestId,
            OldestId = body.Meta?.OldestId,
            NextToken = body.Meta?.NextToken,
            Errors = MapErrors(body.Errors),
        };
    }

    internal static List<TwitterPartialError> MapErrors(List<PartialErrorDto>? errors) => [.. (errors ?? []).Select(e => new TwitterPartialError
    {
        Type = e.Type,
        Title = e.Title,
        Detail = e.Detail,
        ResourceType = e.ResourceType,
        ResourceId = e.ResourceId,
        Parameter = e.Parameter,
    })];

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string endpoint, CancellationToken cancellationToken)
        where T : class
    {
        T? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new TwitterApiException($"The response of '{endpoint}' is not valid X API JSON.", ex) { StatusCode = response.StatusCode };
        }

        return body ?? throw new TwitterApiException($"The response of '{endpoint}' is empty.") { StatusCode = response.StatusCode };
    }

    private static void UseAppToken(HttpRequestMessage request) => request.WithAuth(TwitterAuthContext.App);

    /// <summary>Authenticates as a desk account (its configured scheme, else the default user context). X accepts posts, DMs and hides only in a user context.</summary>
    private void UseUserToken(HttpRequestMessage request, string? account)
    {
        var configured = TwitterUserAuth.FindByUsername(_options.CurrentValue, account);
        request.WithAuth(configured is null ? TwitterAuthContext.DefaultUser : TwitterAuthContext.User(configured.UserId));
    }

    private static void ThrowIfNotId(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value.Length > 19 || !value.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{value}' is not an X id (1-19 digits).", paramName);
        }
    }
}
