using System.Globalization;
using System.Runtime.CompilerServices;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Benchmarks;

/// <summary>
/// The SQLite database the per-citizen count benchmarks run on: <see cref="OtherComplaints"/> complaints of
/// <see cref="OtherCitizens"/> other citizens and a given number of one heavy citizen's, all taken in by the intake
/// pipeline in one calendar month (Asia/Kolkata), the heavy citizen's spread evenly among the others. Each size is seeded
/// once per process into a template file; every benchmark case works on its own copy.
/// </summary>
internal static class CitizenCountDatabase
{
    /// <summary>The heavy citizen's platform id.</summary>
    public const string HeavyCitizen = "1600000000000000042";

    public const int OtherComplaints = 50_000;

    public const int OtherCitizens = 10_000;

    private const int WindowSize = 5_000;

    private static readonly Dictionary<int, string> s_templates = [];
    private static readonly Lock s_lock = new();
    private static long s_nextId = 1_950_000_000_000_000_000;

    static CitizenCountDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        SqliteConnection.ClearAllPools();
        foreach (var template in s_templates.Values)
        {
            Directory.Delete(Path.GetDirectoryName(template)!, recursive: true);
        }
    };

    /// <summary>Gets the clock of every service provider here: mid-November 2026 in India, running at real speed.</summary>
    public static TimeProvider Clock { get; } = new MonthClock(new DateTimeOffset(2026, 11, 10, 6, 30, 0, TimeSpan.Zero));

    /// <summary>Gets the calendar month of <see cref="Clock"/> in Asia/Kolkata, as the limiter computes it: [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Month { get; } =
        (new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(5.5)), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(5.5)));

    /// <summary>Copies the database with <paramref name="heavyComplaints"/> complaints of the heavy citizen into a new directory.</summary>
    /// <returns>The path of the copy; delete its directory when done.</returns>
    public static string CopyOf(int heavyComplaints)
    {
        string template;
        lock (s_lock)
        {
            if (!s_templates.TryGetValue(heavyComplaints, out template!))
            {
                template = Seed(heavyComplaints);
                s_templates[heavyComplaints] = template;
            }
        }

        var directory = Directory.CreateTempSubdirectory("grievance-bench-count-").FullName;
        var path = Path.Combine(directory, "complaints.db");
        File.Copy(template, path);
        return path;
    }

    /// <summary>A service provider on the database at <paramref name="path"/>, with the monthly limit at <paramref name="monthlyLimit"/> (0: off).</summary>
    public static ServiceProvider Services(string path, int monthlyLimit)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Clock);
        services.AddGrievance(o =>
        {
            var police = new DepartmentOptions { Id = "police", Name = "UP Police" };
            police.Handles.Add("Uppolice");
            o.Departments.Add(police);
        }).ConfigureCitizenLimits(o => o.MonthlyLimit = monthlyLimit)
        .UseSqliteStore($"Data Source={path}");
        return services.BuildServiceProvider();
    }

    /// <summary>A new complaint of <paramref name="platformId"/>.</summary>
    public static InboundMessage Message(string platformId) => new()
    {
        Channel = Channels.X,
        ExternalId = Interlocked.Increment(ref s_nextId).ToString(CultureInfo.InvariantCulture),
        Author = new Complainant { PlatformId = platformId, Handle = "citizen" },
        Text = "@Uppolice my bike was stolen outside the market in Lucknow last night, please register an FIR",
        CreatedAt = Clock.GetUtcNow(),
        AddressedAccounts = ["Uppolice"],
        Language = "en",
    };

    private static string Seed(int heavyComplaints)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("grievance-bench-count-template-").FullName, "complaints.db");
        var total = OtherComplaints + heavyComplaints;
        var step = total / heavyComplaints;
        var messages = new List<InboundMessage>(total);
        var heavy = 0;
        for (var i = 0; i < total; i++)
        {
            var isHeavy = heavy < heavyComplaints && (i % step == 0 || total - i == heavyComplaints - heavy);
            if (isHeavy)
            {
                heavy++;
            }

            messages.Add(Message(isHeavy ? HeavyCitizen : (1_700_000_000_000_000_000L + (i % OtherCitizens)).ToString(CultureInfo.InvariantCulture)));
        }

        using (var services = Services(path, monthlyLimit: 0))
        {
            var pipeline = services.GetRequiredService<IIntakePipeline>();
            foreach (var window in messages.Chunk(WindowSize))
            {
                var run = pipeline.RunAsync(new WindowSource(window)).GetAwaiter().GetResult();
                if (run.Created != window.Length)
                {
                    throw new InvalidOperationException($"{run.Created} of {window.Length} messages became complaints.");
                }
            }

            var store = services.GetRequiredService<IComplaintLifecycleStore>();
            var counted = store.CountByComplainantAsync(Channels.X, HeavyCitizen, Month.Start, Month.End).GetAwaiter().GetResult();
            if (counted != heavyComplaints)
            {
                throw new InvalidOperationException($"The heavy citizen has {counted} complaints this month, not {heavyComplaints}.");
            }
        }

        // Closing the last connection checkpoints the write-ahead log into the file, so the file alone is the database.
        SqliteConnection.ClearAllPools();
        return path;
    }

    /// <summary>One window of messages with a checkpoint, as a mentions poll yields it.</summary>
    private sealed class WindowSource(InboundMessage[] messages) : IComplaintSource
    {
        public string Name => "bench:seed";

        public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield return new InboundBatch { Messages = messages, Checkpoint = messages[^1].ExternalId };
        }
    }

    /// <summary>A clock that starts at a fixed instant and runs at real speed, so every run counts within one month.</summary>
    private sealed class MonthClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _origin = TimeProvider.System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start + TimeProvider.System.GetElapsedTime(_origin);
    }
}
