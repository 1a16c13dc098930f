using System.Globalization;
using System.Text;
using Grievance.Complaints;
using Grievance.Queries;
using Grievance.ServiceDirectory;
using Grievance.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using static Grievance.Samples.Portal.PortalHtml;

namespace Grievance.Samples.Portal;

/// <summary>The officer routes: every one needs a signed-in officer and works only within the officer's scope.</summary>
internal static class OfficerEndpoints
{
    public static void MapOfficerPages(this IEndpointRouteBuilder app)
    {
        var officer = app.MapGroup(string.Empty).RequireAuthorization().AddEndpointFilter(RequireOfficer);
        officer.MapGet("/queue", Queue);
        ComplaintEndpoints.Map(officer);
        DashboardEndpoints.Map(officer);
    }

    /// <summary>Gets the officer the request runs as (set by <see cref="RequireOfficer"/>).</summary>
    public static Officer CurrentOfficer(this HttpContext context) => (Officer)context.Items[typeof(Officer)]!;

    /// <summary>Looks the signed-in officer up in configuration on every request: an officer removed there is signed out.</summary>
    private static async ValueTask<object?> RequireOfficer(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var found = context.RequestServices.GetRequiredService<OfficerDirectory>().Find(context.User);
        if (found is null)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }

        context.Items[typeof(Officer)] = found;
        return await next(invocation);
    }

    /// <summary>The districts an officer may filter by: theirs, or every district of the state.</summary>
    public static IEnumerable<(string Value, string Label)> DistrictOptions(Officer officer, IServiceDirectory directory) =>
        officer.Districts.Count > 0 && !officer.IsStateCell
            ? officer.Districts.Select(d => (d.Value, directory.Gazetteer.FindDistrict(d)?.Name ?? d.Value))
            : directory.Gazetteer.Districts.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d.Id.Value, d.Name));

    private static async Task<IResult> Queue(
        HttpContext context, IComplaintQueries queries, IServiceDirectory directory, TimeProvider time, IOptions<PortalOptions> options,
        string? status, string? district, string? category, string? overdue, string? page, string? moved)
    {
        var me = context.CurrentOfficer();
        // Hand-edited query strings get the nearest sensible listing rather than an error page.
        var pageNumber = int.TryParse(page, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100_000 ? n : 1;
        bool? overdueOnly = overdue is "true" or "on" ? true : null;
        var size = options.Value.PageSize;
        var parsedStatus = ParseStatus(status);
        var filter = new ComplaintQuery
        {
            Statuses = parsedStatus is { } s ? [s] : [],
            Districts = string.IsNullOrWhiteSpace(district) ? [] : [new DistrictId(district)],
            Categories = string.IsNullOrWhiteSpace(category) ? [] : [new CategoryId(category)],
            OverdueAt = overdueOnly == true ? time.GetUtcNow() : null,
            Skip = (pageNumber - 1) * size,
            Take = size,
        };
        var result = await queries.FindAsync(me.Scope, filter, context.RequestAborted);
        var now = time.GetUtcNow();

        var categories = me.IsStateCell
            ? directory.Departments.SelectMany(d => d.Categories)
            : directory.FindDepartment(me.Department)?.Categories ?? [];
        var html = new StringBuilder();
        if (!string.IsNullOrEmpty(moved))
        {
            html.Append("<p id=\"notice\" class=\"notice\">Complaint ").Append(E(moved)).Append(" was transferred out of your queue.</p>\n");
        }

        html.Append("<p>").Append(E(me.IsStateCell ? "State oversight: every department and district." : ScopeText(me, directory))).Append("</p>\n")
            .Append("<form id=\"queue-filter\" method=\"get\" action=\"/queue\">")
            .Append("<label>Status ").Append(Select("status", parsedStatus is { } ps ? StatusName(ps) : null, Statuses.Select(x => (StatusName(x), StatusName(x))))).Append("</label>")
            .Append("<label>District ").Append(Select("district", district, DistrictOptions(me, directory))).Append("</label>")
            .Append("<label>Category ").Append(Select("category", category, categories.Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => (c, c)))).Append("</label>")
            .Append("<label><input type=\"checkbox\" name=\"overdue\" value=\"true\"").Append(overdueOnly == true ? " checked=\"checked\"" : string.Empty).Append(" /> Overdue only</label>")
            .Append("<button type=\"submit\">Filter</button></form>\n");

        html.Append("<table id=\"queue\">\n<thead><tr><th>Code</th><th>Status</th><th>Department</th><th>District</th><th>Category</th><th>Received</th><th>Due</th></tr></thead>\n<tbody>\n");
        foreach (var c in result.Items)
        {
            var late = ComplaintQuery.OpenStatuses.Contains(c.Status) && c.DueAt < now;
            html.Append("<tr data-code=\"").Append(E(c.Code.Value)).Append("\"><td><a href=\"/complaints/").Append(U(c.Code.Value)).Append("\">").Append(E(c.Code.Value)).Append("</a></td>")
                .Append("<td>").Append(E(StatusName(c.Status))).Append("</td>")
                .Append("<td>").Append(E(c.Department.Value)).Append("</td>")
                .Append("<td>").Append(E(c.District is { } d ? directory.Gazetteer.FindDistrict(d)?.Name ?? d.Value : "-")).Append("</td>")
                .Append("<td>").Append(E(c.Category.Value)).Append("</td>")
                .Append("<td>").Append(E(Time(c.CreatedAt))).Append("</td>")
                .Append("<td").Append(late ? " class=\"overdue\"" : string.Empty).Append('>').Append(E(Time(c.DueAt))).Append(late ? " (overdue)" : string.Empty).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (result.Items.Count == 0)
        {
            html.Append("<p id=\"empty\">No complaints match.</p>\n");
        }

        html.Append("<nav id=\"paging\">");
        if (pageNumber > 1)
        {
            html.Append("<a rel=\"prev\" href=\"").Append(E(QueueUrl(parsedStatus, district, category, overdueOnly, pageNumber - 1))).Append("\">Previous</a> ");
        }

        html.Append("<span>Page ").Append(pageNumber.ToString(CultureInfo.InvariantCulture)).Append("</span>");
        if (result.Next is not null)
        {
            html.Append(" <a rel=\"next\" href=\"").Append(E(QueueUrl(parsedStatus, district, category, overdueOnly, pageNumber + 1))).Append("\">Next</a>");
        }

        html.Append("</nav>\n");
        return Page(context, "Queue", html.ToString());
    }

    private static string ScopeText(Officer me, IServiceDirectory directory)
    {
        var department = directory.FindDepartment(me.Department)?.Name ?? me.Department.Value;
        return me.Districts.Count == 0
            ? $"{department}: every district."
            : $"{department}: {string.Join(", ", me.Districts.Select(d => directory.Gazetteer.FindDistrict(d)?.Name ?? d.Value))}.";
    }

    private static string QueueUrl(ComplaintStatus? status, string? district, string? category, bool? overdue, int page)
    {
        var query = new List<string>();
        if (status is { } s)
        {
            query.Add("status=" + U(StatusName(s)));
        }

        if (!string.IsNullOrWhiteSpace(district))
        {
            query.Add("district=" + U(district));
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            query.Add("category=" + U(category));
        }

        if (overdue == true)
        {
            query.Add("overdue=true");
        }

        query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return "/queue?" + string.Join("&", query);
    }
}
