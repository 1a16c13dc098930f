using Grievance.Complaints;
using Grievance.ServiceDirectory;
using Microsoft.Extensions.Options;

namespace Grievance.Notifications.Internal;

/// <summary>Fills the configured templates; Hindi messages get the Hindi template.</summary>
internal sealed class TemplateReplyComposer : ICitizenReplyComposer
{
    private readonly IOptionsMonitor<GrievanceOptions> _options;
    private readonly IServiceDirectory _directory;
    private readonly IOptionsMonitor<Intake.CitizenLimitOptions>? _limits;

    public TemplateReplyComposer(IOptionsMonitor<GrievanceOptions> options, IServiceDirectory directory, IOptionsMonitor<Intake.CitizenLimitOptions>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        _options = options;
        _directory = directory;
        _limits = limits;
    }

    public string Acknowledgement(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var options = _options.CurrentValue;
        var hindi = IsHindi(complaint.Language);
        if (complaint.Status == ComplaintStatus.HeldForReview && _limits is not null)
        {
            var limits = _limits.CurrentValue;
            return Fill(hindi ? limits.HeldAcknowledgementTemplateHindi : limits.HeldAcknowledgementTemplate, complaint, hindi)
                .Replace("{limit}", limits.MonthlyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return Fill(hindi ? options.AcknowledgementTemplateHindi : options.AcknowledgementTemplate, complaint, hindi);
    }

    public string StatusReply(Complaint complaint) => StatusReply(complaint, language: null);

    public string StatusReply(Complaint complaint, string? language)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var hindi = IsHindi(language);
        return Fill(hindi ? _options.CurrentValue.StatusReplyTemplateHindi : _options.CurrentValue.StatusReplyTemplate, complaint, hindi);
    }

    private string Fill(string template, Complaint complaint, bool hindi)
    {
        var department = _directory.FindDepartment(complaint.Department);
        var departmentName = hindi ? department?.HindiName ?? department?.Name : department?.Name;
        var district = complaint.District is { } id ? _directory.Gazetteer.FindDistrict(id) : null;
        var districtName = district is null ? string.Empty : hindi ? ", " + district.HindiName : ", " + district.Name;
        return template
            .Replace("{code}", complaint.Code.Value, StringComparison.Ordinal)
            .Replace("{department}", departmentName ?? complaint.Department.Value, StringComparison.Ordinal)
            .Replace("{district}", districtName, StringComparison.Ordinal)
            .Replace("{status}", hindi ? StatusTextHindi(complaint.Status) : StatusText(complaint.Status), StringComparison.Ordinal)
            .Replace("{due}", Due(complaint.DueAt), StringComparison.Ordinal);
    }

    private string Due(DateTimeOffset? due)
    {
        if (due is not { } at)
        {
            return "-";
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(_options.CurrentValue.TimeZone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsHindi(string? language) =>
        language is not null && (language.Equals("hi", StringComparison.OrdinalIgnoreCase) || language.StartsWith("hi-", StringComparison.OrdinalIgnoreCase));

    private static string StatusTextHindi(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Assigned => "अधिकारी को सौंपी गई",
        ComplaintStatus.InProgress => "कार्रवाई जारी",
        ComplaintStatus.AwaitingCitizen => "आपके जवाब की प्रतीक्षा",
        ComplaintStatus.Resolved => "निस्तारित",
        ComplaintStatus.Rejected => "अस्वीकृत",
        ComplaintStatus.Reopened => "फिर से खोली गई",
        ComplaintStatus.Closed => "बंद",
        ComplaintStatus.HeldForReview => "समीक्षाधीन",
        _ => "प्राप्त",
    };

    private static string StatusText(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "received",
        ComplaintStatus.Assigned => "assigned to an officer",
        ComplaintStatus.InProgress => "in progress",
        ComplaintStatus.AwaitingCitizen => "waiting for your reply",
        ComplaintStatus.Resolved => "resolved",
        ComplaintStatus.Rejected => "rejected",
        ComplaintStatus.Reopened => "reopened",
        ComplaintStatus.Closed => "closed",
        ComplaintStatus.HeldForReview => "held for review",
        _ => "received",
    };
}
