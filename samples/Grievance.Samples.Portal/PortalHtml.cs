using System.Globalization;
using System.Net;
using System.Text;
using Grievance.Complaints;
using Microsoft.AspNetCore.Antiforgery;

namespace Grievance.Samples.Portal;

/// <summary>
/// Server-rendered HTML: one layout, every text HTML-encoded through <see cref="E"/>, no scripts, no inline styles
/// (the stylesheet is <c>/portal.css</c>), so the Content-Security-Policy can stay <c>default-src 'self'</c>.
/// </summary>
internal static class PortalHtml
{
    /// <summary>The statuses in the order the portal lists them.</summary>
    public static readonly IReadOnlyList<ComplaintStatus> Statuses =
    [
        ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen,
        ComplaintStatus.Reopened, ComplaintStatus.HeldForReview, ComplaintStatus.Resolved, ComplaintStatus.Rejected, ComplaintStatus.Closed,
    ];

    /// <summary>The stylesheet served at <c>/portal.css</c>.</summary>
    public const string Stylesheet =
        "body{font-family:system-ui,sans-serif;margin:0;color:#222}header{background:#1f3b5a;color:#fff;padding:0.5em 1em}"
        + "header a{color:#fff;margin-right:1em}header form{display:inline}main{padding:1em 2em}"
        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left}"
        + "th{background:#f3f3f3}.overdue{color:#b00;font-weight:bold}.error{color:#b00;border:1px solid #b00;padding:0.5em}"
        + ".notice{border:1px solid #4e79a7;padding:0.5em}form.action{border:1px solid #ddd;padding:0.5em;margin:0.5em 0}"
        + "textarea{width:40em;max-width:100%;height:4em}label{display:block;margin:0.25em 0}svg{display:block;margin:0.5em 0}"
        + "#complaint-text p{white-space:pre-wrap;border-left:4px solid #ccc;padding-left:0.5em}";

    /// <summary>HTML-encodes a text (null as empty).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Encodes a text for a URL query or path segment.</summary>
    public static string U(string? text) => Uri.EscapeDataString(text ?? string.Empty);

    /// <summary>The status as the portal shows it (the same names as the console sample's JSON).</summary>
    public static string StatusName(ComplaintStatus status) => SampleStatus.Name(status);

    /// <summary>Parses a status name from <see cref="StatusName"/>.</summary>
    public static ComplaintStatus? ParseStatus(string? name) =>
        Statuses.Cast<ComplaintStatus?>().FirstOrDefault(s => string.Equals(StatusName(s!.Value), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A time as the portal shows it (UTC).</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "-";

    /// <summary>The hidden antiforgery field every POST form carries.</summary>
    public static string Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\" />";
    }

    /// <summary>A whole page in the portal's layout.</summary>
    /// <param name="context">The request.</param>
    /// <param name="title">The page title (encoded here).</param>
    /// <param name="body">The page body (already encoded HTML).</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns>The result.</returns>
    public static IResult Page(HttpContext context, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var officer = context.Items[typeof(Officer)] as Officer;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>")
            .Append(E(title)).Append(" - Grievance portal</title>\n<link rel=\"stylesheet\" href=\"/portal.css\" />\n</head>\n<body>\n<header><nav>");
        if (officer is not null)
        {
            html.Append("<a href=\"/queue\">Queue</a><a href=\"/dashboard\">Dashboard</a>")
                .Append("<span id=\"officer\">").Append(E(officer.DisplayName)).Append("</span> ")
                .Append("<form id=\"signout\" method=\"post\" action=\"/signout\">").Append(Antiforgery(context))
                .Append("<button type=\"submit\">Sign out</button></form>");
        }
        else
        {
            html.Append("<a href=\"/complain\">File a complaint</a><a href=\"/status\">Check status</a><a href=\"/signin\">Officer sign-in</a>");
        }

        html.Append("</nav></header>\n<main>\n<h1>").Append(E(title)).Append("</h1>\n").Append(body).Append("\n</main>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>The page for a complaint or route that does not exist or is outside the officer's scope.</summary>
    public static IResult NotFound(HttpContext context) =>
        Page(context, "Not found", "<p>There is no such page or complaint.</p>", StatusCodes.Status404NotFound);

    /// <summary>A <c>&lt;select&gt;</c> with an empty "any" option.</summary>
    public static string Select(string name, string? selected, IEnumerable<(string Value, string Label)> options, string anyLabel = "any")
    {
        var html = new StringBuilder();
        html.Append("<select name=\"").Append(E(name)).Append("\"><option value=\"\">").Append(E(anyLabel)).Append("</option>");
        foreach (var (value, label) in options)
        {
            html.Append("<option value=\"").Append(E(value)).Append('"')
                .Append(string.Equals(value, selected, StringComparison.OrdinalIgnoreCase) ? " selected=\"selected\"" : string.Empty)
                .Append('>').Append(E(label)).Append("</option>");
        }

        return html.Append("</select>").ToString();
    }
}
