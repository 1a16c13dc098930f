namespace Grievance.Samples.Portal;

/// <summary>Adds the security headers to every response, error pages and redirects included.</summary>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy: own origin only, no inline script or style, no framing, forms post to the portal only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Sets the headers when the response starts, so nothing later in the pipeline (exception pages) drops them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
