namespace Grievance.Twitter.Http.Internal;

/// <summary>What the client tells the handlers below it about a request: which endpoint and which auth context it spends.</summary>
internal static class TwitterRequestInfo
{
    public static readonly HttpRequestOptionsKey<string> Endpoint = new("Grievance.X.Endpoint");
    public static readonly HttpRequestOptionsKey<string> Auth = new("Grievance.X.Auth");

    public const string AppAuth = "app";

    public static string UserAuth(string userId) => "user:" + userId;

    public static void Set(HttpRequestMessage request, string endpoint, string auth)
    {
        request.Options.Set(Endpoint, endpoint);
        request.Options.Set(Auth, auth);
    }

    /// <summary>The budget a request spends; for requests the client did not tag, the method and path with ids blanked, and the app context.</summary>
    public static BudgetKey KeyOf(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Endpoint, out var endpoint) && request.Options.TryGetValue(Auth, out var auth))
        {
            return new BudgetKey(endpoint, auth);
        }

        var segments = (request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? string.Empty)
            .Trim('/').Split('/').Select(s => s.Length > 0 && s.All(char.IsAsciiDigit) ? ":id" : s);
        return new BudgetKey(request.Method.Method + " /" + string.Join('/', segments), AppAuth);
    }
}
