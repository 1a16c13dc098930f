using System.Text;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Queries;
using Grievance.ServiceDirectory;
using static Grievance.Samples.Portal.PortalHtml;

namespace Grievance.Samples.Portal;

/// <summary>
/// The citizen pages, open to everyone: <c>/complain</c>, a second intake channel into the same
/// <see cref="IIntakePipeline"/> as X, and <c>/status</c>, which shows public fields only (status, department, district,
/// due date): never the complaint text, the citizen's name or handle.
/// </summary>
internal static class CitizenEndpoints
{
    /// <summary>The longest name the web form takes.</summary>
    public const int MaxNameLength = 100;

    public static void MapCitizenPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/complain", (HttpContext context, IServiceDirectory directory) => Form(context, directory, null, null, null)).AllowAnonymous();
        app.MapPost("/complain", Complain).AllowAnonymous().AddEndpointFilter(AntiforgeryFilter.Validate);
        app.MapGet("/status", (HttpContext context, IComplaintQueries queries, IServiceDirectory directory, string? code) => Status(context, queries, directory, code)).AllowAnonymous();
        app.MapGet("/status/{code}", (HttpContext context, IComplaintQueries queries, IServiceDirectory directory, string code) => Status(context, queries, directory, code)).AllowAnonymous();
    }

    private static async Task<IResult> Complain(HttpContext context, IIntakePipeline pipeline, IServiceDirectory directory, TimeProvider time, ILogger<IIntakePipeline> logger)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var text = form["Text"].ToString().Trim();
        var districtId = form["District"].ToString().Trim();
        var name = form["Name"].ToString().Trim();
        var district = string.IsNullOrEmpty(districtId) ? null : directory.Gazetteer.FindDistrict(new DistrictId(districtId));
        if (text.Length == 0 || (districtId.Length > 0 && district is null) || name.Length > MaxNameLength)
        {
            var problem = text.Length == 0 ? "Please describe your complaint."
                : district is null && districtId.Length > 0 ? "Please choose a district from the list."
                : $"Please keep the name under {MaxNameLength} characters.";
            return Form(context, directory, problem, text, districtId, StatusCodes.Status400BadRequest);
        }

        // One web submission is one inbound message on the "web" channel; the pipeline validates, routes (the chosen
        // district counts as the place), codes and stores it, and queues the acknowledgement, as it does for X.
        var id = "web-" + Guid.NewGuid().ToString("N");
        var message = new InboundMessage
        {
            Channel = Channels.Web,
            ExternalId = id,
            Author = new Complainant { PlatformId = id, DisplayName = name.Length == 0 ? null : name },
            Text = text,
            CreatedAt = time.GetUtcNow(),
            PlaceName = district?.Name,
        };
        var result = await pipeline.ProcessAsync(message, context.RequestAborted);
        Log.WebIntake(logger, result.Outcome, result.Code?.Value);
        await ReplySender.SendAsync(context.RequestServices, logger, context.RequestAborted);
        return result.Outcome switch
        {
            IntakeOutcome.Created or IntakeOutcome.FollowUp when result.Code is { } code => Page(context, "Complaint received",
                $"<p>Your complaint has been registered. Your complaint code is <span id=\"code\">{E(code.Value)}</span>.</p>"
                + $"<p>Keep this code. You can <a href=\"/status/{U(code.Value)}\">check its status</a> at any time.</p>"),
            IntakeOutcome.StatusQuery when result.Code is { } code => Results.Redirect("/status/" + U(code.Value)),
            _ => Form(context, directory, "Your message could not be registered as a complaint: " + string.Join(" ", result.Errors), text, districtId, StatusCodes.Status400BadRequest),
        };
    }

    private static IResult Form(HttpContext context, IServiceDirectory directory, string? error, string? text, string? district, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append("<p id=\"error\" class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>\n");
        }

        html.Append("<p>Describe your grievance. You will get a complaint code to follow it. Please do not write phone, Aadhaar or bank numbers here.</p>\n")
            .Append("<form id=\"complain\" method=\"post\" action=\"/complain\">").Append(Antiforgery(context))
            .Append("<label>Your complaint <textarea name=\"Text\" required=\"required\" maxlength=\"2000\">").Append(E(text)).Append("</textarea></label>")
            .Append("<label>District (optional) ")
            .Append(Select("District", district, directory.Gazetteer.Districts.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d.Id.Value, d.Name)), "not sure"))
            .Append("</label><label>Your name (optional) <input name=\"Name\" maxlength=\"100\" autocomplete=\"name\" /></label>")
            .Append("<button type=\"submit\">Submit complaint</button></form>\n");
        return Page(context, "File a complaint", html.ToString(), statusCode);
    }

    private static async Task<IResult> Status(HttpContext context, IComplaintQueries queries, IServiceDirectory directory, string? code)
    {
        var html = new StringBuilder();
        html.Append("<form id=\"status-lookup\" method=\"get\" action=\"/status\"><label>Complaint code <input name=\"code\" value=\"")
            .Append(E(code)).Append("\" required=\"required\" /></label><button type=\"submit\">Check</button></form>\n");
        if (string.IsNullOrWhiteSpace(code))
        {
            return Page(context, "Complaint status", html.ToString());
        }

        // A code identifies a complaint across departments, so the lookup runs in an explicit, logged oversight scope,
        // and only the public fields leave it. A mistyped code fails its check character and matches nobody else's.
        Complaint? complaint = null;
        if (ComplaintCode.TryParse(code.Trim(), out var parsed))
        {
            complaint = await queries.FindByCodeAsync(ComplaintScope.StateOversight("public-status-page", "Citizen status lookup by code"), parsed, context.RequestAborted);
        }

        if (complaint is null)
        {
            html.Append("<p id=\"error\" class=\"error\" role=\"alert\">No complaint has that code. Check it and try again.</p>\n");
            return Page(context, "Complaint status", html.ToString(), StatusCodes.Status404NotFound);
        }

        html.Append("<table id=\"public-status\">\n<tr><th>Code</th><td id=\"code\">").Append(E(complaint.Code.Value)).Append("</td></tr>\n")
            .Append("<tr><th>Status</th><td><span id=\"status\">").Append(E(StatusName(complaint.Status))).Append("</span></td></tr>\n")
            .Append("<tr><th>Department</th><td id=\"department\">").Append(E(directory.FindDepartment(complaint.Department)?.Name ?? complaint.Department.Value)).Append("</td></tr>\n")
            .Append("<tr><th>District</th><td id=\"district\">").Append(E(complaint.District is { } d ? directory.Gazetteer.FindDistrict(d)?.Name ?? d.Value : "-")).Append("</td></tr>\n")
            .Append("<tr><th>Due</th><td id=\"due\">").Append(E(Time(complaint.DueAt))).Append("</td></tr>\n</table>\n");
        return Page(context, "Complaint status", html.ToString());
    }
}
