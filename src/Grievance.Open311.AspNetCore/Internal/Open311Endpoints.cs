using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Queries;
using Grievance.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Grievance.Open311.Internal;

/// <summary>The request delegates behind <c>MapOpen311</c>.</summary>
internal static partial class Open311Endpoints
{
    /// <summary>The header a client may send so that a retried POST answers the first one's service request instead of opening another.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The largest POST body read: the fields and a 4,000-character description, percent-encoded, fit well within it.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    private const int MaxIdempotencyKeyLength = 128;
    private const int MaxNameLength = 200;

    private static readonly IReadOnlyList<ComplaintStatus> s_open = [.. Enum.GetValues<ComplaintStatus>().Where(s => !Open311RequestMapper.IsClosed(s))];
    private static readonly IReadOnlyList<ComplaintStatus> s_closed = [.. Enum.GetValues<ComplaintStatus>().Where(Open311RequestMapper.IsClosed)];

    public static Task ServicesAsync(HttpContext context)
    {
        if (!Prepare(context, out var format, out var catalog, out var failure))
        {
            return failure;
        }

        return Open311Writer.WriteAsync(context, format, StatusCodes.Status200OK, "services", "service", [.. catalog.Services.Select(s => Open311Writer.Service(s.Options))]);
    }

    public static async Task RequestsAsync(HttpContext context)
    {
        if (!Prepare(context, out var format, out var catalog, out var failure))
        {
            await failure.ConfigureAwait(false);
            return;
        }

        var services = context.RequestServices;
        var queries = services.GetRequiredService<IComplaintQueries>();
        var mapper = services.GetRequiredService<Open311RequestMapper>();
        var scope = Scope(catalog);
        var query = context.Request.Query;
        var max = catalog.Options.MaxRequests;
        var cancellationToken = context.RequestAborted;

        List<Complaint> found = [];
        if (List(query["service_request_id"]) is { Count: > 0 } ids)
        {
            // The spec: service_request_id overrides every other argument.
            if (ids.Count > max)
            {
                await Open311Writer.WriteErrorAsync(context, format, 400, $"At most {max} service_request_id values may be asked for at once.").ConfigureAwait(false);
                return;
            }

            foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (ComplaintCode.TryParse(id, out var code) && await queries.FindByCodeAsync(scope, code, cancellationToken).ConfigureAwait(false) is { } complaint)
                {
                    found.Add(complaint);
                }
            }
        }
        else
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!TryDate(query["start_date"], "start_date", out var start, out var error) || !TryDate(query["end_date"], "end_date", out var end, out error))
            {
                await Open311Writer.WriteErrorAsync(context, format, 400, error!).ConfigureAwait(false);
                return;
            }

            var range = catalog.Options.MaxDateRange;
            var to = end ?? (start is { } s && s + range < now ? s + range : now);
            var from = start ?? to - range;
            if (from > to)
            {
                await Open311Writer.WriteErrorAsync(context, format, 400, "start_date is after end_date.").ConfigureAwait(false);
                return;
            }

            if (to - from > range)
            {
                await Open311Writer.WriteErrorAsync(context, format, 400, $"start_date and end_date may not span more than {range.TotalDays.ToString(CultureInfo.InvariantCulture)} days.").ConfigureAwait(false);
                return;
            }

            IReadOnlyList<ComplaintStatus> statuses = [];
            var asked = List(query["status"]);
            foreach (var status in asked)
            {
                if (!string.Equals(status, Open311RequestMapper.Open, StringComparison.OrdinalIgnoreCase) && !string.Equals(status, Open311RequestMapper.Closed, StringComparison.OrdinalIgnoreCase))
                {
                    await Open311Writer.WriteErrorAsync(context, format, 400, "status is open or closed (comma-separated for both).").ConfigureAwait(false);
                    return;
                }
            }

            var open = asked.Contains(Open311RequestMapper.Open, StringComparer.OrdinalIgnoreCase);
            var closed = asked.Contains(Open311RequestMapper.Closed, StringComparer.OrdinalIgnoreCase);
            if (open != closed)
            {
                statuses = open ? s_open : s_closed;
            }

            // A code of a configured service means its category; any other code is taken as a category id, which is
            // what requests of categories without a service show as their service_code.
            List<CategoryId> categories = [];
            foreach (var code in List(query["service_code"]))
            {
                categories.Add(catalog.FindByCode(code)?.Category ?? new CategoryId(code));
            }

            var page = await queries.FindAsync(scope, new ComplaintQuery
            {
                Statuses = statuses,
                Categories = categories,
                CreatedFrom = from,
                CreatedBefore = to.AddTicks(1),
                Take = max,
            }, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Items);
        }

        await Open311Writer.WriteAsync(context, format, 200, "service_requests", "request", [.. found.Select(c => Open311Writer.Request(mapper.Map(c)))]).ConfigureAwait(false);
    }

    public static async Task RequestAsync(HttpContext context)
    {
        if (!Prepare(context, out var format, out var catalog, out var failure))
        {
            await failure.ConfigureAwait(false);
            return;
        }

        var id = context.Request.RouteValues["id"] as string;
        var complaint = ComplaintCode.TryParse(id, out var code)
            ? await context.RequestServices.GetRequiredService<IComplaintQueries>().FindByCodeAsync(Scope(catalog), code, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (complaint is null)
        {
            await Open311Writer.WriteErrorAsync(context, format, 404, "service_request_id was not found.").ConfigureAwait(false);
            return;
        }

        var mapper = context.RequestServices.GetRequiredService<Open311RequestMapper>();
        await Open311Writer.WriteAsync(context, format, 200, "service_requests", "request", [Open311Writer.Request(mapper.Map(complaint))]).ConfigureAwait(false);
    }

    public static async Task PostAsync(HttpContext context)
    {
        if (!TryFormat(context, out var format))
        {
            await Open311Writer.WriteErrorAsync(context, format, 404, "Unknown format: use .json or .xml.").ConfigureAwait(false);
            return;
        }

        var services = context.RequestServices;
        var catalog = services.GetRequiredService<Open311Catalog>();
        var logger = services.GetRequiredService<ILogger<Open311Catalog>>();
        if (!context.Request.HasFormContentType)
        {
            await Open311Writer.WriteErrorAsync(context, format, 400, "Send the request form-encoded (application/x-www-form-urlencoded).").ConfigureAwait(false);
            return;
        }

        // A request is a few fields and at most 4,000 characters of description: larger bodies are refused unread.
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await Open311Writer.WriteErrorAsync(context, format, 413, $"The request is larger than {MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Open311Writer.WriteErrorAsync(context, format, 413, $"The request is larger than {MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }
        catch (InvalidDataException)
        {
            await Open311Writer.WriteErrorAsync(context, format, 400, "The form could not be read.").ConfigureAwait(false);
            return;
        }

        // api_key first: nothing else is looked at, or written, for a caller without a valid key.
        var apiKey = Value(form["api_key"]);
        if (apiKey is null)
        {
            Log.ApiKeyRefused(logger, "no api_key");
            await Open311Writer.WriteErrorAsync(context, format, 401, "api_key was not provided.").ConfigureAwait(false);
            return;
        }

        if (FindClient(catalog, apiKey) is not { } client)
        {
            Log.ApiKeyRefused(logger, "api_key not valid");
            await Open311Writer.WriteErrorAsync(context, format, 403, "api_key is not valid.").ConfigureAwait(false);
            return;
        }

        if (!JurisdictionMatches(catalog, Value(form["jurisdiction_id"]) ?? Value(context.Request.Query["jurisdiction_id"])))
        {
            await Open311Writer.WriteErrorAsync(context, format, 404, "jurisdiction_id was not found.").ConfigureAwait(false);
            return;
        }

        var serviceCode = Value(form["service_code"]);
        if (serviceCode is null)
        {
            await Open311Writer.WriteErrorAsync(context, format, 400, "service_code was not provided.").ConfigureAwait(false);
            return;
        }

        if (catalog.FindByCode(serviceCode) is not { } service)
        {
            await Open311Writer.WriteErrorAsync(context, format, 404, "service_code was not found.").ConfigureAwait(false);
            return;
        }

        Submission? submission = null;
        var problem = ReadIdempotencyKey(context.Request.Headers[IdempotencyKeyHeader], out var idempotencyKey) ?? ReadSubmission(form, out submission);
        if (problem is not null || submission is null)
        {
            await Open311Writer.WriteErrorAsync(context, format, 400, problem ?? "The request could not be read.").ConfigureAwait(false);
            return;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var token = idempotencyKey is null ? Guid.CreateVersion7(now).ToString("N") : Pseudonym(client.Key, "idempotency:" + idempotencyKey);
        var externalId = Open311Catalog.ExternalId(service.Options.Code, token);
        var identity = submission.Email?.ToLowerInvariant() ?? Digits(submission.Phone) ?? submission.AccountId ?? submission.DeviceId;
        var message = new InboundMessage
        {
            Channel = Open311Options.Channel,
            ExternalId = externalId,
            Author = new Complainant
            {
                PlatformId = identity is null ? $"{client.Name}:anonymous:{token}" : $"{client.Name}:{Pseudonym(client.Key, identity)}",
                DisplayName = string.Join(' ', new[] { submission.FirstName, submission.LastName }.Where(n => n is not null)) is { Length: > 0 } name ? name : null,
            },
            Text = submission.Description ?? service.Options.Name,
            CreatedAt = now,
            Geo = submission.Geo,
            PlaceName = submission.Address,
        };

        var result = await services.GetRequiredService<IIntakePipeline>().ProcessAsync(message, context.RequestAborted).ConfigureAwait(false);
        if (result.Outcome == IntakeOutcome.Rejected)
        {
            Log.RequestRejected(logger, client.Name, service.Options.Code, result.Errors.Count);
            await Open311Writer.WriteErrorAsync(context, format, 400, "The request was refused: " + string.Join(" ", result.Errors)).ConfigureAwait(false);
            return;
        }

        var code = result.Code;
        if (code is null && result.ComplaintId is { } complaintId)
        {
            code = (await services.GetRequiredService<IComplaintStore>().GetAsync(complaintId, context.RequestAborted).ConfigureAwait(false))?.Code;
        }

        Log.RequestPosted(logger, client.Name, service.Options.Code, result.Outcome, result.ComplaintId?.Value, code?.Value);
        if (code is not { } answered)
        {
            // A retry (same Idempotency-Key) of a request refused earlier.
            await Open311Writer.WriteErrorAsync(context, format, 400, "A request with this Idempotency-Key was refused earlier.").ConfigureAwait(false);
            return;
        }

        var notice = result.Outcome is IntakeOutcome.FollowUp or IntakeOutcome.StatusQuery
            ? $"Added to service request {answered.Value}."
            : service.Options.ServiceNotice;
        await Open311Writer.WriteAsync(context, format, 200, "service_requests", "request",
            [[("service_request_id", answered.Value), ("service_notice", notice), ("account_id", null)]]).ConfigureAwait(false);
    }

    /// <summary>The fields of a posted request, checked.</summary>
    private sealed record Submission(string? Description, GeoPoint? Geo, string? Address, string? Email, string? Phone, string? AccountId, string? DeviceId, string? FirstName, string? LastName);

    private static string? ReadSubmission(IFormCollection form, out Submission? submission)
    {
        submission = null;
        var lat = Value(form["lat"]);
        var lon = Value(form["long"]);
        var address = Value(form["address_string"]);
        GeoPoint? geo = null;
        if (lat is not null || lon is not null)
        {
            if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
                || latitude is < -90 or > 90 || longitude is < -180 or > 180)
            {
                return "lat and long must both be sent, as WGS 84 degrees (lat -90 to 90, long -180 to 180).";
            }

            geo = new GeoPoint(latitude, longitude);
        }
        else if (address is null)
        {
            return Value(form["address_id"]) is null
                ? "A location is required: lat and long, or address_string."
                : "address_id is not supported here: send lat and long, or address_string.";
        }

        var description = Value(form["description"]);
        if (description?.Length > Open311Options.MaxDescriptionLength)
        {
            return $"description is longer than {Open311Options.MaxDescriptionLength} characters.";
        }

        string?[] short_ = [address, Value(form["email"]), Value(form["phone"]), Value(form["account_id"]), Value(form["device_id"]), Value(form["first_name"]), Value(form["last_name"])];
        if (short_.Any(v => v?.Length > MaxNameLength))
        {
            return $"address_string, email, phone, account_id, device_id, first_name and last_name are at most {MaxNameLength} characters each.";
        }

        submission = new Submission(description, geo, address, short_[1], short_[2], short_[3], short_[4], short_[5], short_[6]);
        return null;
    }

    private static string? ReadIdempotencyKey(StringValues header, out string? key)
    {
        key = Value(header);
        return key is not null && (key.Length > MaxIdempotencyKeyLength || key.Any(c => c is < '!' or > '~'))
            ? $"The {IdempotencyKeyHeader} header is at most {MaxIdempotencyKeyLength} visible ASCII characters."
            : null;
    }

    /// <summary>Checks the format and the jurisdiction of a GET; on failure <paramref name="failure"/> writes the error.</summary>
    private static bool Prepare(HttpContext context, out Open311Format format, out Open311Catalog catalog, out Task failure)
    {
        catalog = context.RequestServices.GetRequiredService<Open311Catalog>();
        failure = Task.CompletedTask;
        if (!TryFormat(context, out format))
        {
            failure = Open311Writer.WriteErrorAsync(context, format, 404, "Unknown format: use .json or .xml.");
            return false;
        }

        if (!JurisdictionMatches(catalog, Value(context.Request.Query["jurisdiction_id"])))
        {
            failure = Open311Writer.WriteErrorAsync(context, format, 404, "jurisdiction_id was not found.");
            return false;
        }

        return true;
    }

    private static bool TryFormat(HttpContext context, out Open311Format format) =>
        Open311Writer.TryParseFormat(context.Request.RouteValues["format"] as string, out format);

    private static bool JurisdictionMatches(Open311Catalog catalog, string? asked) =>
        asked is null || string.Equals(asked, catalog.Options.JurisdictionId, StringComparison.OrdinalIgnoreCase);

    private static ComplaintScope Scope(Open311Catalog catalog) =>
        catalog.FeedDepartment is { } department
            ? ComplaintScope.ForDepartment(department)
            : ComplaintScope.StateOversight(Open311Options.Channel, "public Open311 GeoReport feed (public fields only)");

    /// <summary>The client whose key this is; every configured key is compared in fixed time.</summary>
    private static (string Name, string Key)? FindClient(Open311Catalog catalog, string apiKey)
    {
        var asked = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        (string, string)? found = null;
        foreach (var (name, key) in catalog.Options.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(asked, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                found = (name, key);
            }
        }

        return found;
    }

    /// <summary>A stable pseudonym of a value for one client: keyed with the client's API key, so it cannot be reversed by guessing numbers.</summary>
    private static string Pseudonym(string key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));

    private static string? Digits(string? phone) =>
        phone is null ? null : new string([.. phone.Where(char.IsAsciiDigit)]) is { Length: > 0 } digits ? digits : null;

    /// <summary>A parameter's value, trimmed; <see langword="null"/> when absent or empty (the spec treats both alike).</summary>
    private static string? Value(StringValues values) =>
        values.Count > 0 && values[^1] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static List<string> List(StringValues values) =>
        [.. values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static bool TryDate(StringValues values, string name, out DateTimeOffset? date, out string? error)
    {
        date = null;
        error = null;
        if (Value(values) is not { } text)
        {
            return true;
        }

        if (!W3cDateTime().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error = $"{name} must be an ISO 8601 date and time with a time zone, for example 2026-11-01T00:00:00Z or 2026-11-01T00:00:00+05:30.";
            return false;
        }

        date = parsed;
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex W3cDateTime();
}
