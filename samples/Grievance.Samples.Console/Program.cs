using System.Text.Encodings.Web;
using System.Text.Json;
using Grievance.Samples;
using Grievance.Samples.Console;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Time.Testing;

// dotnet run --project samples/Grievance.Samples.Console [-- --json] [--post] [--db PATH] [--chaos]
// dotnet run --project samples/Grievance.Samples.Console -- route --input FILE.jsonl [--eval] [--directory FILE.json]
// dotnet run --project samples/Grievance.Samples.Console -- report [--db PATH] [--output FILE.html] [--at TIME]
if (args is ["route", .. var routeArgs])
{
    return await RouteCommand.RunAsync(routeArgs, Console.In, Console.Out, Console.Error);
}

if (args is ["report", .. var reportArgs])
{
    return await ReportCommand.RunAsync(reportArgs, Console.Out, Console.Error);
}

const string Usage = "Usage: [--json] [--post] [--db PATH] [--chaos], or: route --input FILE.jsonl [--eval] [--directory FILE.json], or: report [--db PATH] [--output FILE.html] [--at TIME]";
var json = false;
var post = false;
var chaos = false;
var database = SampleSettings.DefaultDatabasePath;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--json": json = true; break;
        case "--post": post = true; break;
        case "--chaos": chaos = true; break;
        case "--db" when i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal): database = args[++i]; break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. {Usage}");
            return 2;
    }
}

var live = SampleSettings.LiveFromEnvironment();
if (chaos && live is not null)
{
    Console.Error.WriteLine("--chaos runs on the fake X only; unset GRIEVANCE_X_BEARER_TOKEN.");
    return 2;
}

// On the fake X the sample runs on a fake clock, so that it can play a month of desk work after intake; with --chaos
// the same clock is moved over every rate-limit reset and timeout, so faults are waited out in no time.
var clock = live is null ? new FakeTimeProvider(DeskMonth.Start) : null;
var settings = new SampleSettings { Live = live, Post = post, DatabasePath = database, Chaos = chaos, Time = clock };

// The database path goes to standard error so that --json output stays one JSON object per line.
Console.Error.WriteLine($"Database: {Path.GetFullPath(database)}");
FakeXApi? fake = null;
if (live is null)
{
    fake = new FakeXApi(clock);
    var seeded = DemoFeed.Seed(fake, DeskMonth.Start.AddHours(-4));
    if (chaos)
    {
        Chaos.Arrange(fake, clock!, seeded[5]);
    }
}
else if (post && live.UserAccessToken is null)
{
    Console.Error.WriteLine("--post needs GRIEVANCE_X_USER_ACCESS_TOKEN (a user token of the desk account).");
    return 2;
}

await using var services = SampleDesk.BuildServices(settings, fake);
var chaosStart = clock?.GetUtcNow();
var result = chaos
    ? await SampleDesk.RunThroughFaultsAsync(services, clock!)
    : await SampleDesk.RunAsync(services, send: live is null || post);
if (chaos)
{
    // On standard error, so --json output is the same with and without --chaos.
    Console.Error.WriteLine($"Chaos: {fake!.Faults.TotalInjected} faults served ({string.Join(", ", fake.Faults.Injected.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}); "
        + $"{result.Runs.Sum(r => r.Duplicates)} duplicate deliveries; fake clock moved {clock!.GetUtcNow() - chaosStart:c}.");
}

if (fake is not null && clock is not null)
{
    result = await DeskMonth.PlayAsync(services, fake, clock, result);
}

if (json)
{
    var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    foreach (var row in result.Complaints)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteString("externalId", row.ExternalId);
            writer.WriteString("code", row.Code);
            writer.WriteString("department", row.Department);
            writer.WriteString("district", row.District);
            writer.WriteString("category", row.Category);
            writer.WriteString("status", row.Status);
            writer.WriteString("reply", row.Reply);
            SampleTimeline.WriteJsonFields(writer, row);
            writer.WriteEndObject();
        }

        Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    return 0;
}

Console.WriteLine(live is null
    ? $"Grievance console sample: fake X with {DemoFeed.Complaints.Count} demo complaints, polled through the real X client."
    : $"Grievance console sample: live X account @{live.Username}, {(post ? "posting replies" : "read-only (add --post to reply)")}.");
Console.WriteLine();
Console.WriteLine($"{"CODE",-16} {"DEPARTMENT",-10} {"DISTRICT",-8} {"CATEGORY",-17} STATUS");
foreach (var row in result.Complaints)
{
    Console.WriteLine($"{row.Code,-16} {row.Department,-10} {row.District ?? "-",-8} {row.Category,-17} {row.Status}");
}

var read = result.Runs.Sum(r => r.Read);
Console.WriteLine();
Console.WriteLine($"{result.Complaints.Count} complaints in the database; this run read {read} new mentions ({result.Runs.Sum(r => r.Duplicates)} duplicate deliveries, "
    + $"{result.Runs.Sum(r => r.FollowUps)} follow-ups, {result.Rejections.Count} not grievances or invalid).");
Console.WriteLine();
Console.WriteLine(live is null || post ? "Replies posted:" : "Replies queued (not posted: read-only):");
foreach (var row in result.Complaints.Where(r => r.Reply is not null))
{
    Console.WriteLine($"  -> {row.ExternalId}: {row.Reply}{(row.ReplySent ? string.Empty : "  [not sent]")}");
}

Console.WriteLine();
Console.WriteLine(fake is null ? "Timeline:" : $"Timeline (intake, then {DeskMonth.Days} days of desk work on a fake clock):");
SampleTimeline.Write(Console.Out, result.Complaints);

// Per district: all complaints, the open ones, and the open ones past their due date (at the clock's time now).
var summaryAt = (clock ?? TimeProvider.System).GetUtcNow();
Console.WriteLine();
Console.WriteLine($"Per district (overdue as of {summaryAt:yyyy-MM-dd HH:mm} UTC):");
Console.WriteLine($"{"DISTRICT",-8} {"TOTAL",5} {"OPEN",5} {"OVERDUE",7}");
foreach (var line in DeskReport.SummariseByDistrict(result.Complaints.Select(r => (r.District, r.StatusValue, r.DueAt)), summaryAt))
{
    Console.WriteLine($"{line.District,-8} {line.Total,5} {line.Open,5} {line.Overdue,7}");
}

return 0;
