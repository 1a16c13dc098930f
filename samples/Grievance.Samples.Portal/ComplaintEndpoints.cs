using System.Globalization;
using System.Text;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Lifecycle;
using Grievance.Notifications;
using Grievance.Queries;
using Grievance.ServiceDirectory;
using Grievance.Storage;
using Grievance.Text;
using Microsoft.Extensions.Options;
using static Grievance.Samples.Portal.PortalHtml;

namespace Grievance.Samples.Portal;

/// <summary>
/// <c>GET /complaints/{code}</c> and <c>POST /complaints/{code}/{action}</c>. A complaint outside the officer's scope is
/// looked up through <see cref="IComplaintQueries"/> with the officer's scope and so answers 404, exactly as a code that
/// does not exist: the portal does not even confirm that another department's complaint exists.
/// </summary>
internal static class ComplaintEndpoints
{
    /// <summary>The officer actions, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> Actions = ["assign", "start", "note", "ask", "transfer", "resolve", "reject", "release"];

    public static void Map(RouteGroupBuilder officer)
    {
        officer.MapGet("/complaints/{code}", async (HttpContext context, string code) =>
        {
            var complaint = await FindAsync(context, code);
            return complaint is null ? NotFound(context) : await RenderAsync(context, complaint, error: null);
        });

        officer.MapPost("/complaints/{code}/{action}", Act).AddEndpointFilter(AntiforgeryFilter.Validate);
    }

    /// <summary>Finds a complaint by code within the signed-in officer's scope.</summary>
    private static async Task<Complaint?> FindAsync(HttpContext context, string code) =>
        ComplaintCode.TryParse(code, out var parsed)
            ? await context.RequestServices.GetRequiredService<IComplaintQueries>().FindByCodeAsync(context.CurrentOfficer().Scope, parsed, context.RequestAborted)
            : null;

    private static async Task<IResult> Act(HttpContext context, string code, string action, IComplaintService service, ILogger<IComplaintService> logger)
    {
        var complaint = await FindAsync(context, code);
        if (complaint is null || !Actions.Contains(action, StringComparer.Ordinal))
        {
            return NotFound(context);
        }

        var me = context.CurrentOfficer();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string Field(string name) => form[name].ToString().Trim();
        string? Optional(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : Field(name);
        var ct = context.RequestAborted;
        Complaint changed;
        try
        {
            changed = action switch
            {
                "assign" => await service.AssignAsync(complaint.Id, me.UserName, Optional("Unit"), Optional("Officer") ?? (Optional("Unit") is null ? me.UserName : null), ct),
                "start" => await service.StartAsync(complaint.Id, me.UserName, ct),
                "note" => await service.AddNoteAsync(complaint.Id, me.UserName, Required(Field("Note"), "Write the note."), ct),
                "ask" => await service.RequestInformationAsync(complaint.Id, me.UserName, Required(Field("Question"), "Write the question for the citizen."), form["Privately"] == "true", ct),
                "transfer" => await service.TransferAsync(
                    complaint.Id,
                    me.UserName,
                    new DepartmentId(Required(Field("Department"), "Choose the department to transfer to.")),
                    Optional("District") is { } d ? new DistrictId(d) : null,
                    Required(Field("Reason"), "Give the reason for the transfer."),
                    ct),
                "resolve" => await service.ResolveAsync(complaint.Id, me.UserName, Required(Field("Note"), "Write the resolution note the citizen will receive."), ct),
                "reject" => await service.RejectAsync(complaint.Id, me.UserName, Required(Field("Reason"), "Give the reason for rejecting."), ct),
                _ => await service.ReleaseAsync(complaint.Id, me.UserName, Optional("Reason"), ct),
            };
        }
        catch (Exception ex) when (ex is ComplaintTransitionException or ComplaintRuleException or ComplaintConcurrencyException or ArgumentException)
        {
            // A refused action is the officer's everyday business, not a server error: show why, on the same page.
            var kind = ex.GetType().Name;
            Log.ActionRefused(logger, me.UserName, action, complaint.Code.Value, kind);
            var current = await FindAsync(context, code) ?? complaint;
            return await RenderAsync(context, current, ex.Message, ex is ArgumentException ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict);
        }

        Log.Action(logger, me.UserName, action, changed.Code.Value);
        await ReplySender.SendAsync(context.RequestServices, logger, ct);

        // Post/redirect/get: back to the complaint, or to the queue when a transfer moved it out of the officer's scope.
        return await FindAsync(context, code) is null
            ? Results.Redirect("/queue?moved=" + U(changed.Code.Value))
            : Results.Redirect("/complaints/" + U(changed.Code.Value));
    }

    private static string Required(string value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException(message) : value;

    private static async Task<IResult> RenderAsync(HttpContext context, Complaint c, string? error, int statusCode = StatusCodes.Status200OK)
    {
        var services = context.RequestServices;
        var directory = services.GetRequiredService<IServiceDirectory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var trail = await services.GetRequiredService<IComplaintStore>().GetAuditTrailAsync(c.Id, context.RequestAborted);
        var messages = await services.GetRequiredService<IOutboxStore>().ListForComplaintAsync(c.Id, context.RequestAborted);
        var late = ComplaintQuery.OpenStatuses.Contains(c.Status) && c.DueAt < now;

        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append("<p id=\"error\" class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>\n");
        }

        html.Append("<p>Status: <span id=\"status\">").Append(E(StatusName(c.Status))).Append("</span></p>\n<table id=\"facts\">\n");
        Fact(html, "Department", directory.FindDepartment(c.Department)?.Name ?? c.Department.Value);
        Fact(html, "District", c.District is { } d ? directory.Gazetteer.FindDistrict(d)?.Name ?? d.Value : "-");
        Fact(html, "Category", c.Category.Value);
        Fact(html, "Channel", c.Channel);
        Fact(html, "Received", Time(c.CreatedAt));
        Fact(html, "Due", Time(c.DueAt) + (late ? " (overdue)" : string.Empty));
        Fact(html, "Assigned to", string.Join(" / ", new[] { c.AssignedUnit, c.AssignedOfficer }.Where(x => x is not null)) is { Length: > 0 } who ? who : "-");
        Fact(html, "Escalation level", c.EscalationLevel.ToString(CultureInfo.InvariantCulture));
        html.Append("</table>\n");

        // What the citizen wrote, with phone, Aadhaar and e-mail masked; never their name or handle.
        html.Append("<section id=\"complaint-text\"><h2>Complaint</h2><p>")
            .Append(E(c.ErasedAt is null ? PiiScanner.Redact(c.Text) : "(personal data erased)")).Append("</p></section>\n");

        html.Append("<section id=\"routing\"><h2>Routing</h2>");
        if (c.Routing is { } routing)
        {
            html.Append("<p>Confidence ").Append(E(routing.Confidence.ToString("0.00", CultureInfo.InvariantCulture))).Append("</p><ul>");
            foreach (var reason in routing.Reasons)
            {
                html.Append("<li>").Append(E(reason)).Append("</li>");
            }

            html.Append("</ul>");
        }
        else
        {
            html.Append("<p>No routing decision recorded.</p>");
        }

        html.Append("</section>\n<h2>History</h2>\n<ol id=\"history\">\n");
        foreach (var e in trail)
        {
            var actor = e.Actor == c.Complainant.PlatformId ? "citizen" : e.Actor;
            html.Append("<li data-action=\"").Append(E(e.Action)).Append("\">").Append(E(Time(e.At))).Append(" <strong>").Append(E(e.Action)).Append("</strong> by ").Append(E(actor));
            if (e.FromStatus is { } from && e.ToStatus is { } to && from != to)
            {
                html.Append(": ").Append(E(StatusName(from))).Append(" → ").Append(E(StatusName(to)));
            }
            else if (e.FromStatus is null && e.ToStatus is { } first)
            {
                html.Append(": ").Append(E(StatusName(first)));
            }

            if (!string.IsNullOrWhiteSpace(e.Reason))
            {
                html.Append(" <q>").Append(E(PiiScanner.Redact(e.Reason))).Append("</q>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n<h2>Replies sent to the citizen</h2>\n<ol id=\"replies\">\n");
        foreach (var m in messages.Where(m => m.Status == OutboundMessageStatus.Sent && m.Kind != OutboundMessageKind.HideReply))
        {
            html.Append("<li data-kind=\"").Append(E(m.Kind.ToString())).Append("\">").Append(E(PiiScanner.Redact(m.Text))).Append("</li>\n");
        }

        html.Append("</ol>\n");
        var waiting = messages.Where(m => m.Status != OutboundMessageStatus.Sent && m.Kind != OutboundMessageKind.HideReply).ToList();
        if (waiting.Count > 0)
        {
            html.Append("<h3>Not sent yet</h3>\n<ul id=\"replies-waiting\">\n");
            foreach (var m in waiting)
            {
                html.Append("<li>").Append(E(m.Status == OutboundMessageStatus.Failed ? "failed: " : "queued: ")).Append(E(PiiScanner.Redact(m.Text))).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Actions</h2>\n");
        var path = "/complaints/" + U(c.Code.Value) + "/";
        var token = Antiforgery(context);
        // Only the actions the complaint's status allows (the service checks again when one is posted).
        void Form(string action, string button, string fields)
        {
            if (!ComplaintActions.IsAllowed(c.Status, AuditActionOf(action)))
            {
                return;
            }

            html.Append("<form class=\"action\" data-action=\"").Append(action).Append("\" method=\"post\" action=\"").Append(E(path + action)).Append("\">")
                .Append(token).Append(fields).Append("<button type=\"submit\">").Append(E(button)).Append("</button></form>\n");
        }

        Form("assign", "Assign", "<label>Unit <input name=\"Unit\" /></label><label>Officer <input name=\"Officer\" placeholder=\"you, when both are empty\" /></label>");
        Form("start", "Start work", string.Empty);
        Form("note", "Add internal note", "<label>Note (not sent to the citizen) <textarea name=\"Note\"></textarea></label>");
        Form("ask", "Ask the citizen", "<label>Question <textarea name=\"Question\"></textarea></label><label><input type=\"checkbox\" name=\"Privately\" value=\"true\" /> by direct message</label>");
        Form("transfer", "Transfer",
            "<label>Department " + Select("Department", null, directory.Departments.Select(x => (x.Id.Value, x.Name)), "choose") + "</label>"
            + "<label>District " + Select("District", null, directory.Gazetteer.Districts.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => (x.Id.Value, x.Name)), "keep") + "</label>"
            + "<label>Reason <textarea name=\"Reason\"></textarea></label>");
        Form("resolve", "Resolve", "<label>Resolution note (sent to the citizen) <textarea name=\"Note\"></textarea></label>");
        // Only the configured rejection reasons are accepted: anything else is transferred, never closed as "not ours".
        var lifecycle = services.GetRequiredService<IOptionsMonitor<LifecycleOptions>>().CurrentValue;
        var reasons = lifecycle.RejectionReasons.Count > 0 ? [.. lifecycle.RejectionReasons] : LifecycleOptions.DefaultRejectionReasons;
        Form("reject", "Reject", "<label>Reason (sent to the citizen) " + Select("Reason", null, reasons.Select(r => (r, r)), "choose") + "</label>");
        Form("release", "Release for work", "<label>Reason <textarea name=\"Reason\"></textarea></label>");

        return Page(context, $"Complaint {c.Code.Value}", html.ToString(), statusCode);
    }

    /// <summary>The audit action a portal action records, as <see cref="ComplaintActions"/> names it.</summary>
    private static string AuditActionOf(string action) => action switch
    {
        "assign" => AuditActions.Assigned,
        "start" => AuditActions.Started,
        "note" => AuditActions.Note,
        "ask" => AuditActions.InformationRequested,
        "transfer" => AuditActions.Transferred,
        "resolve" => AuditActions.Resolved,
        "reject" => AuditActions.Rejected,
        "release" => AuditActions.Released,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a portal action."),
    };

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
}
