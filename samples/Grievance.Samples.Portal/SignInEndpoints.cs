using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Grievance.Samples.Portal;

/// <summary><c>GET/POST /signin</c>, <c>POST /signout</c> and the landing page.</summary>
internal static class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Redirect("/queue")
            : PortalHtml.Page(context, "Grievance portal",
                "<p>Citizens: <a href=\"/complain\">file a complaint</a> or <a href=\"/status\">check its status by code</a>.</p>"
                + "<p>Officers: <a href=\"/signin\">sign in</a> to work on your queue.</p>")).AllowAnonymous();

        app.MapGet("/signin", (HttpContext context, string? returnUrl) => Form(context, returnUrl, error: null)).AllowAnonymous();

        app.MapPost("/signin", async (HttpContext context, OfficerDirectory officers, ILogger<OfficerDirectory> logger) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = form["ReturnUrl"].ToString();
            var officer = officers.SignIn(form["UserName"], form["Password"]);
            if (officer is null)
            {
                Log.SignInFailed(logger);
                return Form(context, returnUrl, "The user name or password is wrong.", StatusCodes.Status401Unauthorized);
            }

            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, OfficerDirectory.Principal(officer, CookieAuthenticationDefaults.AuthenticationScheme));
            Log.SignedIn(logger, officer.UserName);
            // Only a local return address is followed, so the sign-in page is no open redirect.
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/queue");
        }).AllowAnonymous().AddEndpointFilter(AntiforgeryFilter.Validate);

        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }).AddEndpointFilter(AntiforgeryFilter.Validate);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal);

    private static IResult Form(HttpContext context, string? returnUrl, string? error, int statusCode = StatusCodes.Status200OK) =>
        PortalHtml.Page(context, "Officer sign-in",
            (error is null ? string.Empty : $"<p id=\"error\" class=\"error\" role=\"alert\">{PortalHtml.E(error)}</p>")
            + "<form id=\"signin\" method=\"post\" action=\"/signin\">" + PortalHtml.Antiforgery(context)
            + (IsLocal(returnUrl) ? $"<input type=\"hidden\" name=\"ReturnUrl\" value=\"{PortalHtml.E(returnUrl)}\" />" : string.Empty)
            + "<label>User name <input name=\"UserName\" autocomplete=\"username\" required=\"required\" /></label>"
            + "<label>Password <input name=\"Password\" type=\"password\" autocomplete=\"current-password\" required=\"required\" /></label>"
            + "<button type=\"submit\">Sign in</button></form>"
            + "<p>Demo officers are listed in the portal's README (sample-grade sign-in from configuration).</p>",
            statusCode);
}

/// <summary>Checks the antiforgery token of every POST form: a missing or wrong token is a 400 with a friendly page.</summary>
internal static class AntiforgeryFilter
{
    public static async ValueTask<object?> Validate(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        try
        {
            await context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException)
        {
            return PortalHtml.Page(context, "Form expired",
                "<p id=\"error\" class=\"error\" role=\"alert\">This form is out of date or did not come from the portal. Go back, reload the page and send it again.</p>",
                StatusCodes.Status400BadRequest);
        }

        return await next(invocation);
    }
}
