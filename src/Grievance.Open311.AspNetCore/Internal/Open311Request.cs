using System.Globalization;
using Grievance.Complaints;
using Grievance.Text;

namespace Grievance.Open311.Internal;

/// <summary>A service request as GeoReport v2 shows it: public fields only.</summary>
internal sealed record Open311Request
{
    /// <summary>The field names, in the spec's order; every request carries all of them (null when unknown).</summary>
    public static readonly IReadOnlyList<string> FieldNames =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    public required string ServiceRequestId { get; init; }

    public required string Status { get; init; }

    public string? StatusNotes { get; init; }

    public required string ServiceName { get; init; }

    public required string ServiceCode { get; init; }

    public string? Description { get; init; }

    public string? AgencyResponsible { get; init; }

    public string? ServiceNotice { get; init; }

    public required string RequestedDatetime { get; init; }

    public required string UpdatedDatetime { get; init; }

    public string? ExpectedDatetime { get; init; }

    public string? Address { get; init; }
}

/// <summary>Maps complaints to <see cref="Open311Request"/>s: the one place that decides what Open311 shows.</summary>
internal sealed class Open311RequestMapper(Open311Catalog catalog, TimeZoneInfo zone)
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static bool IsClosed(ComplaintStatus status) => status is ComplaintStatus.Resolved or ComplaintStatus.Rejected or ComplaintStatus.Closed;

    /// <summary>The public words for a status: never an officer's note or the citizen's text.</summary>
    public static string StatusNotes(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "Received; waiting to be assigned.",
        ComplaintStatus.Assigned => "Assigned to an officer.",
        ComplaintStatus.InProgress => "In progress.",
        ComplaintStatus.AwaitingCitizen => "Waiting for information from the citizen.",
        ComplaintStatus.Resolved => "Resolved.",
        ComplaintStatus.Rejected => "Closed without action.",
        ComplaintStatus.Reopened => "Reopened.",
        ComplaintStatus.Closed => "Closed.",
        ComplaintStatus.HeldForReview => "Received; under review.",
        _ => "Received.",
    };

    public string Format(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public Open311Request Map(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var service = catalog.FindByCategory(complaint.Category);
        var department = catalog.Directory.FindDepartment(complaint.Department);
        var district = complaint.District is { } id ? catalog.Directory.Gazetteer.FindDistrict(id) : null;
        var agency = department?.Name ?? complaint.Department.Value;
        if (district is not null)
        {
            agency += ", " + district.Name;
        }

        return new Open311Request
        {
            ServiceRequestId = complaint.Code.Value,
            Status = IsClosed(complaint.Status) ? Closed : Open,
            StatusNotes = StatusNotes(complaint.Status),
            ServiceName = service?.Options.Name ?? complaint.Category.Value,
            ServiceCode = service?.Options.Code ?? complaint.Category.Value,
            Description = catalog.Options.IncludeDescription && complaint.ErasedAt is null ? Describe(complaint.Text) : null,
            AgencyResponsible = agency,
            ServiceNotice = service?.Options.ServiceNotice,
            RequestedDatetime = Format(complaint.CreatedAt),
            UpdatedDatetime = Format(complaint.UpdatedAt),
            ExpectedDatetime = complaint.DueAt is { } due && !IsClosed(complaint.Status) ? Format(due) : null,
            Address = district is null ? null : $"{district.Name} district, {catalog.Directory.Gazetteer.StateName}",
        };
    }

    /// <summary>The complaint text with personal data masked, cut to the spec's 4,000 characters.</summary>
    private static string? Describe(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var redacted = PiiScanner.Redact(text);
        if (redacted.Length > Open311Options.MaxDescriptionLength)
        {
            var cut = Open311Options.MaxDescriptionLength;
            if (char.IsHighSurrogate(redacted[cut - 1]))
            {
                cut--;
            }

            redacted = redacted[..cut];
        }

        return redacted;
    }
}
