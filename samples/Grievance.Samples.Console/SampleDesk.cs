using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.Twitter;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grievance.Samples.Console;

/// <summary>How the sample runs.</summary>
public sealed record SampleSettings
{
    /// <summary>Gets the live X credentials, or <see langword="null"/> to run on the fake X with the demo feed.</summary>
    public LiveX? Live { get; init; }

    /// <summary>Gets a value indicating whether replies are posted on live X (always posted to the fake).</summary>
    public bool Post { get; init; }

    /// <summary>Gets the SQLite file complaints are stored in; in memory when <see langword="null"/>.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Gets the default database file: <c>grievance-sample.db</c> in the temp folder.</summary>
    public static string DefaultDatabasePath => Path.Combine(Path.GetTempPath(), "grievance-sample.db");

    /// <summary>Gets the clock; the system clock when <see langword="null"/>.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Gets a value indicating whether the fake X serves faults (<c>--chaos</c>): every wait then surfaces to the host loop, which moves the fake clock.</summary>
    public bool Chaos { get; init; }

    /// <summary>Gets the log level (warnings by default, so the output stays readable).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Reads live credentials from the environment: GRIEVANCE_X_BEARER_TOKEN, GRIEVANCE_X_USER_ID, GRIEVANCE_X_USERNAME and, for --post, GRIEVANCE_X_USER_ACCESS_TOKEN.</summary>
    /// <returns>The credentials, or <see langword="null"/> when GRIEVANCE_X_BEARER_TOKEN is not set.</returns>
    /// <exception cref="InvalidOperationException">The bearer token is set but the account is not.</exception>
    public static LiveX? LiveFromEnvironment()
    {
        var bearer = Environment.GetEnvironmentVariable("GRIEVANCE_X_BEARER_TOKEN");
        if (string.IsNullOrWhiteSpace(bearer))
        {
            return null;
        }

        var userId = Environment.GetEnvironmentVariable("GRIEVANCE_X_USER_ID");
        var username = Environment.GetEnvironmentVariable("GRIEVANCE_X_USERNAME");
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(username))
        {
            throw new InvalidOperationException("GRIEVANCE_X_BEARER_TOKEN is set: also set GRIEVANCE_X_USER_ID and GRIEVANCE_X_USERNAME of the desk account to poll.");
        }

        return new LiveX(bearer, userId, username, Environment.GetEnvironmentVariable("GRIEVANCE_X_USER_ACCESS_TOKEN"));
    }
}

/// <summary>Credentials of a live desk account.</summary>
/// <param name="BearerToken">The app-only bearer token (reads).</param>
/// <param name="UserId">The desk account's user id.</param>
/// <param name="Username">The desk account's username.</param>
/// <param name="UserAccessToken">The desk account's user token (posting), when posting.</param>
public sealed record LiveX(string BearerToken, string UserId, string Username, string? UserAccessToken);

/// <summary>One complaint as the sample prints it.</summary>
public sealed record SampleRow(string ExternalId, string Code, string Department, string? District, string Category, string Status, string? Reply, bool ReplySent)
{
    /// <summary>Gets the complaint's history (its audit trail), oldest first.</summary>
    public IReadOnlyList<SampleEvent> History { get; init; } = [];

    /// <summary>Gets every text sent to the complainant about this complaint, in the order sent.</summary>
    public IReadOnlyList<string> Replies { get; init; } = [];

    /// <summary>Gets the complaint's status as a value (<see cref="Status"/> is its printed name).</summary>
    public ComplaintStatus StatusValue { get; init; }

    /// <summary>Gets when the complaint is due, if a time limit runs.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

/// <summary>What one run of the sample produced.</summary>
public sealed record SampleResult(IReadOnlyList<SampleRow> Complaints, IReadOnlyList<IntakeRunResult> Runs, IReadOnlyList<Rejection> Rejections, OutboxDispatchResult? Dispatch);

/// <summary>The sample's whole job: read mentions, create routed complaints with codes, acknowledge them.</summary>
public static class SampleDesk
{
    /// <summary>Builds the services the way a department's app would, on embedded defaults and the sample directory.</summary>
    /// <param name="settings">How to run.</param>
    /// <param name="fake">The fake X to use when not live.</param>
    /// <returns>The service provider.</returns>
    public static ServiceProvider BuildServices(SampleSettings settings, FakeXApi? fake)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("sample-directory.json", optional: false)
            .Build();

        var services = new ServiceCollection();
        // Logs go to standard error, so --json output on standard output stays clean.
        services.AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(settings.LogLevel));
        if (settings.Time is not null)
        {
            services.AddSingleton(settings.Time);
        }

        var grievance = services.AddGrievance(configuration.GetSection(GrievanceOptions.SectionName));
        if (settings.DatabasePath is { } path)
        {
            grievance.UseSqliteStore($"Data Source={Path.GetFullPath(path)}");
        }

        var twitter = grievance
            .AddTwitter(o =>
            {
                if (settings.Live is { } live)
                {
                    o.BearerToken = live.BearerToken;
                    o.UserAccessToken = live.UserAccessToken;
                    o.Accounts.Add(new TwitterAccountOptions { UserId = live.UserId, Username = live.Username });
                }
                else
                {
                    ArgumentNullException.ThrowIfNull(fake);
                    o.BaseAddress = FakeXApi.BaseAddress;
                    o.BearerToken = fake.AppBearerToken;
                    if (settings.Chaos)
                    {
                        o.Governor.MaxWait = TimeSpan.Zero;
                        o.Governor.ReadRetryDelay = TimeSpan.Zero;
                        o.Governor.ReplyReconcileDelay = TimeSpan.Zero;
                    }

                    foreach (var (id, username) in DemoFeed.Desks)
                    {
                        o.Accounts.Add(new TwitterAccountOptions { UserId = id, Username = username, UserAccessToken = fake.UserTokenFor(id) });
                    }
                }
            });

        if (settings.Live is null)
        {
            twitter.HttpClient.ConfigurePrimaryHttpMessageHandler(() => fake!.CreateHandler());
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Runs one intake pass over every desk account, then sends the acknowledgements (unless live without <c>--post</c>).</summary>
    /// <param name="services">The services from <see cref="BuildServices"/>.</param>
    /// <param name="send">Whether to send queued replies.</param>
    /// <param name="cancellationToken">The token to cancel the run.</param>
    /// <returns>The complaints and what the run did.</returns>
    public static async Task<SampleResult> RunAsync(IServiceProvider services, bool send, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var runs = new List<IntakeRunResult>();
        foreach (var source in services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()))
        {
            runs.Add(await pipeline.RunAsync(source, cancellationToken));
        }

        OutboxDispatchResult? dispatch = null;
        if (send)
        {
            dispatch = await services.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000, cancellationToken);
        }

        return new SampleResult(await ReadComplaintsAsync(services, cancellationToken), runs, await services.GetRequiredService<IComplaintStore>().ListRejectionsAsync(0, 1000, cancellationToken), dispatch);
    }

    /// <summary>Runs the sample's job through the fake X's faults (<c>--chaos</c>), moving the fake clock over every wait.</summary>
    /// <param name="services">The services from <see cref="BuildServices"/> with <see cref="SampleSettings.Chaos"/> set.</param>
    /// <param name="clock">The fake clock the services run on.</param>
    /// <param name="cancellationToken">The token to cancel the run.</param>
    /// <returns>The complaints and what the run did.</returns>
    public static async Task<SampleResult> RunThroughFaultsAsync(IServiceProvider services, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, CancellationToken cancellationToken = default)
    {
        var (runs, dispatch) = await Chaos.RunAsync(services, clock, cancellationToken);
        return new SampleResult(await ReadComplaintsAsync(services, cancellationToken), runs, await services.GetRequiredService<IComplaintStore>().ListRejectionsAsync(0, 1000, cancellationToken), dispatch);
    }

    /// <summary>Reads every stored complaint with its history and the replies sent, in the order citizens posted.</summary>
    internal static async Task<IReadOnlyList<SampleRow>> ReadComplaintsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IComplaintStore>();
        var outbox = services.GetRequiredService<IOutboxStore>();
        var rows = new List<SampleRow>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await store.ListAsync(new ComplaintQuery { Skip = skip, Take = 500 }, cancellationToken);
            foreach (var complaint in page)
            {
                var messages = await outbox.ListForComplaintAsync(complaint.Id, cancellationToken);
                var ack = messages.FirstOrDefault(m => m.Kind == OutboundMessageKind.Acknowledgement);
                var trail = await store.GetAuditTrailAsync(complaint.Id, cancellationToken);
                var row = new SampleRow(
                    complaint.SourceMessageId,
                    complaint.Code.Value,
                    complaint.Department.Value,
                    complaint.District?.Value,
                    complaint.Category.Value,
                    StatusName(complaint.Status),
                    ack?.Text,
                    ack?.Status == OutboundMessageStatus.Sent)
                {
                    History = [.. trail.Select(e => SampleEvent.FromAudit(e, complaint.Complainant.PlatformId))],
                    Replies = [.. messages.Where(m => m.Status == OutboundMessageStatus.Sent && m.RecipientId == complaint.Complainant.PlatformId).Select(m => m.Text)],
                    StatusValue = complaint.Status,
                    DueAt = complaint.DueAt,
                };
                rows.Add(row);
            }

            if (page.Count < 500)
            {
                // In the order citizens posted (the channel numbers posts in order), so the listing depends neither on
                // when each window was processed (--chaos) nor on complaints taken in at the same instant.
                return [.. rows.OrderBy(r => r.ExternalId.Length).ThenBy(r => r.ExternalId, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The status as the sample prints it.</summary>
    internal static string StatusName(ComplaintStatus status) => SampleStatus.Name(status);
}
