using System.Globalization;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Samples.Console;

/// <summary><c>report [--db PATH] [--output FILE.html] [--at TIME]</c>: the state-wide report of a sample database as one self-contained HTML page.</summary>
public static class ReportCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "Usage: report [--db PATH] [--output FILE.html] [--at 2025-12-03T12:00:00Z]";

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>report</c>.</param>
    /// <param name="output">Where the path of the written page goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code: 0 when written, 1 when there is no database, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var database = SampleSettings.DefaultDatabasePath;
        var file = "grievance-report.html";
        DateTimeOffset? at = null;
        for (var i = 0; i < args.Count; i++)
        {
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            switch (args[i])
            {
                case "--db" when hasValue: database = args[++i]; break;
                case "--output" when hasValue: file = args[++i]; break;
                case "--at" when hasValue && DateTimeOffset.TryParse(args[i + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                    at = parsed.ToUniversalTime();
                    i++;
                    break;
                default:
                    await error.WriteLineAsync($"Unknown or incomplete argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (!File.Exists(database))
        {
            await error.WriteLineAsync($"No database at {Path.GetFullPath(database)}: run the sample first (dotnet run --project samples/Grievance.Samples.Console -- --db PATH).");
            return 1;
        }

        // Age and overdue are measured at --at, or now. The services never reach X here: the fake only satisfies the wiring.
        TimeProvider time = at is { } fixedAt ? new FakeTimeProvider(fixedAt) : TimeProvider.System;
        await using var services = SampleDesk.BuildServices(new SampleSettings { DatabasePath = database, Time = time }, new FakeXApi(time));
        var report = await DeskReport.LoadAsync(services, time.GetUtcNow());
        var path = Path.GetFullPath(file);
        await File.WriteAllTextAsync(path, ReportHtml.Render(report));
        await output.WriteLineAsync($"Report of {report.Complaints.Count} complaints written to {path}");
        return 0;
    }
}
