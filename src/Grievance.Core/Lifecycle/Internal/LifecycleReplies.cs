using System.Globalization;
using Grievance.Complaints;
using Grievance.Notifications;
using Grievance.Notifications.Internal;
using Grievance.ServiceDirectory;
using Grievance.Sla.Internal;
using Grievance.Text;
using Microsoft.Extensions.Options;

namespace Grievance.Lifecycle.Internal;

/// <summary>What a lifecycle reply says.</summary>
internal enum LifecycleReply
{
    InterimReply,
    InformationRequest,
    PrivateInformationRequest,
    Resolution,
    Rejection,
    Transfer,
    Reopened,
    Closed,
    Released,
}

/// <summary>
/// Writes the texts of lifecycle replies in the complaint's language (English or Hindi), from the configured templates:
/// officers' notes are stripped of phone and Aadhaar numbers, and a public reply that does not fit the channel carries
/// a safely shortened note and the whole note follows by direct message.
/// </summary>
internal sealed class LifecycleReplies
{
    private readonly IOptionsMonitor<LifecycleOptions> _options;
    private readonly IOptionsMonitor<Intake.CitizenLimitOptions> _limits;
    private readonly IServiceDirectory _directory;
    private readonly Dictionary<string, IChannelMessagePolicy> _policies;
    private readonly SlaPlanner _planner;
    private readonly IOptionsMonitor<GrievanceOptions> _grievance;

    public LifecycleReplies(IOptionsMonitor<LifecycleOptions> options, IServiceDirectory directory, IEnumerable<IChannelMessagePolicy> policies, SlaPlanner planner, IOptionsMonitor<Intake.CitizenLimitOptions> limits, IOptionsMonitor<GrievanceOptions> grievance)
    {
        _grievance = grievance;
        _options = options;
        _limits = limits;
        _directory = directory;
        _policies = policies.ToDictionary(p => p.Channel, StringComparer.OrdinalIgnoreCase);
        _planner = planner;
    }

    public static bool IsHindi(string? language) =>
        language is not null && (language.Equals("hi", StringComparison.OrdinalIgnoreCase) || language.StartsWith("hi-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds the messages of one reply: normally one, two when the note had to be shortened.</summary>
    public List<OutboundMessage> Build(Complaint complaint, LifecycleReply reply, string? note, DateTimeOffset now)
    {
        var hindi = IsHindi(complaint.Language);
        var template = Template(reply, hindi);
        var cleanNote = note is null ? string.Empty : PiiScanner.Redact(note.Trim());
        var kind = reply switch
        {
            LifecycleReply.InterimReply => OutboundMessageKind.InterimReply,
            LifecycleReply.InformationRequest => OutboundMessageKind.InformationRequest,
            LifecycleReply.PrivateInformationRequest => OutboundMessageKind.DirectMessage,
            LifecycleReply.Resolution => OutboundMessageKind.Resolution,
            LifecycleReply.Rejection => OutboundMessageKind.Rejection,
            _ => OutboundMessageKind.Notice,
        };
        var key = $"{reply}:{complaint.Id}:{complaint.Version}".ToLowerInvariant();
        var filled = Fill(template, complaint, hindi);
        var text = filled.Replace("{note}", cleanNote, StringComparison.Ordinal);
        var isPrivate = kind == OutboundMessageKind.DirectMessage;
        var policy = _policies.GetValueOrDefault(complaint.Channel);
        if (policy is null || isPrivate || policy.Fits(text))
        {
            return [Message(complaint, kind, key, text, isPrivate, now)];
        }

        // Too long: keep the template whole, cut the note at a word, and send the whole note privately.
        var more = " " + (hindi ? _options.CurrentValue.MoreByDirectMessageHindi : _options.CurrentValue.MoreByDirectMessage);
        var shortened = FitNote(filled, cleanNote, more, policy);
        var messages = new List<OutboundMessage> { Message(complaint, kind, key, shortened, isPrivate: false, now) };
        if (cleanNote.Length > 0)
        {
            messages.Add(Message(complaint, OutboundMessageKind.DirectMessage, key + ":dm", $"{complaint.Code}: {cleanNote}", isPrivate: true, now));
        }

        return messages;
    }

    private static string FitNote(string filled, string note, string more, IChannelMessagePolicy policy)
    {
        var words = note.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int low = 0, high = words.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (policy.Fits(filled.Replace("{note}", string.Join(' ', words, 0, mid) + "…" + more, StringComparison.Ordinal)))
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var text = filled.Replace("{note}", string.Join(' ', words, 0, low) + "…" + more, StringComparison.Ordinal);
        return policy.Fits(text) ? text : policy.Shorten(text);
    }

    private OutboundMessage Message(Complaint complaint, OutboundMessageKind kind, string key, string text, bool isPrivate, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        IdempotencyKey = key,
        ComplaintId = complaint.Id,
        Channel = complaint.Channel,
        Kind = kind,
        Priority = OutboxPriority.For(kind, complaint.Category, _grievance.CurrentValue),
        RecipientId = complaint.Complainant.PlatformId,
        InReplyToExternalId = isPrivate ? null : complaint.SourceMessageId,
        FromAccount = complaint.AddressedAccount,
        Text = text,
        CreatedAt = now,
        Status = OutboundMessageStatus.Pending,
    };

    private string Template(LifecycleReply reply, bool hindi)
    {
        var o = _options.CurrentValue;
        return reply switch
        {
            LifecycleReply.InterimReply => hindi ? o.InterimReplyTemplateHindi : o.InterimReplyTemplate,
            LifecycleReply.InformationRequest => hindi ? o.InformationRequestTemplateHindi : o.InformationRequestTemplate,
            LifecycleReply.PrivateInformationRequest => hindi ? o.PrivateInformationRequestTemplateHindi : o.PrivateInformationRequestTemplate,
            LifecycleReply.Resolution => hindi ? o.ResolutionTemplateHindi : o.ResolutionTemplate,
            LifecycleReply.Rejection => hindi ? o.RejectionTemplateHindi : o.RejectionTemplate,
            LifecycleReply.Transfer => hindi ? o.TransferTemplateHindi : o.TransferTemplate,
            LifecycleReply.Reopened => hindi ? o.ReopenedTemplateHindi : o.ReopenedTemplate,
            LifecycleReply.Released => hindi ? _limits.CurrentValue.ReleasedTemplateHindi : _limits.CurrentValue.ReleasedTemplate,
            _ => hindi ? o.ClosedTemplateHindi : o.ClosedTemplate,
        };
    }

    /// <summary>Fills every placeholder but <c>{note}</c> with public fields only.</summary>
    public string Fill(string template, Complaint complaint, bool hindi)
    {
        var department = _directory.FindDepartment(complaint.Department);
        var departmentName = (hindi ? department?.HindiName ?? department?.Name : department?.Name) ?? complaint.Department.Value;
        var district = complaint.District is { } id ? _directory.Gazetteer.FindDistrict(id) : null;
        var districtName = district is null ? string.Empty : ", " + (hindi ? district.HindiName : district.Name);
        return template
            .Replace("{code}", complaint.Code.Value, StringComparison.Ordinal)
            .Replace("{department}", departmentName, StringComparison.Ordinal)
            .Replace("{district}", districtName, StringComparison.Ordinal)
            .Replace("{due}", Due(complaint.DueAt), StringComparison.Ordinal);
    }

    /// <summary>The due date as citizens read it: the local date, for example <c>19 Dec 2026</c>.</summary>
    public string Due(DateTimeOffset? due) => due is { } at
        ? TimeZoneInfo.ConvertTime(at, _planner.Calendar.Zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : "-";
}
