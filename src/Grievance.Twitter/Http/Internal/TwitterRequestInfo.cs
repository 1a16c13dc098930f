using Grievance.Twitter.Auth.Internal;

namespace Grievance.Twitter.Http.Internal;

/// <summary>
/// What the client tells the handlers below it about a request: which endpoint it spends. The auth context it spends is
/// the <see cref="TwitterAuthContext"/> the request carries for authentication, so the two can never disagree.
/// </summary>
internal static class TwitterRequestInfo
{
    public static readonly HttpRequestOptionsKey<string> Endpoint = new("Grievance.X.Endpoint");

    public const string AppAuth = "app";

    public static string UserAuth(string userId) => "user:" + userId;

    /// <summary>The budget a request spends; for requests the client did not tag, the method and path with ids blanked.</summary>
    public static BudgetKey KeyOf(HttpRequestMessage request)
    {
        var auth = request.Options.TryGetValue(TwitterAuthContext.Key, out var context) && context.IsUser
            ? context.AccountUserId is { } userId ? UserAuth(userId) : "user"
            : AppAuth;
        if (request.Options.TryGetValue(Endpoint, out var endpoint))
        {
            return new BudgetKey(endpoint, auth);
        }

        var segments = (request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? string.Empty)
            .Trim('/').Split('/').Select(s => s.Length > 0 && s.All(char.IsAsciiDigit) ? ":id" : s);
        return new BudgetKey(request.Method.Method + " /" + string.Join('/', segments), auth);
    }
}
