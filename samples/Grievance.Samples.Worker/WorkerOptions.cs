using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Worker;

/// <summary>Where the worker reads mentions from.</summary>
public enum WorkerXMode
{
    /// <summary>An in-process fake X seeded with the demo feed (the default; needs no credentials).</summary>
    Fake,

    /// <summary>The real X API, with the credentials in the <c>Twitter</c> configuration section.</summary>
    Live,
}

/// <summary>Which store complaints and the outbox live in.</summary>
public enum WorkerStore
{
    /// <summary>An SQLite file: one machine, one worker process (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several worker instances.</summary>
    PostgreSql,
}

/// <summary>The worker's own options, bound from the <c>Worker</c> section of <c>appsettings.json</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Worker";

    /// <summary>Gets or sets where mentions are read from.</summary>
    /// <value>The default value is <see cref="WorkerXMode.Fake"/>.</value>
    public WorkerXMode X { get; set; } = WorkerXMode.Fake;

    /// <summary>Gets or sets the store.</summary>
    /// <value>The default value is <see cref="WorkerStore.Sqlite"/>.</value>
    public WorkerStore Store { get; set; } = WorkerStore.Sqlite;

    /// <summary>Gets or sets the SQLite file, relative to the working directory; used when <see cref="Store"/> is SQLite.</summary>
    /// <value>The default value is <c>grievance-worker.db</c>.</value>
    public string SqlitePath { get; set; } = "grievance-worker.db";

    /// <summary>Gets or sets the PostgreSQL connection string; required when <see cref="Store"/> is PostgreSQL.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Gets or sets the PostgreSQL schema the tables live in.</summary>
    /// <value>The default value is <c>grievance</c>.</value>
    [Required]
    public string PostgreSqlSchema { get; set; } = "grievance";

    /// <summary>Gets or sets how long the poller waits between passes over the desk accounts when all went well.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest wait after failed passes (the wait doubles from <see cref="PollInterval"/> per failed pass).</summary>
    /// <value>The default value is 15 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long the dispatcher waits when the outbox is empty (new complaints wake it sooner).</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how many outbox messages one dispatch claims.</summary>
    /// <value>The default value is 100.</value>
    [Range(1, 1000)]
    public int DispatchBatchSize { get; set; } = 100;

    /// <summary>Gets or sets a value indicating whether this instance runs the time-limit monitor (run it in one instance only).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RunSlaMonitor { get; set; } = true;

    /// <summary>Gets or sets the file the health report is written to, for <c>--health</c> and container probes; empty turns it off.</summary>
    /// <value>The default value is <c>grievance-worker.health.json</c>.</value>
    public string? HealthFile { get; set; } = "grievance-worker.health.json";

    /// <summary>Gets or sets how often the health checks run and the health file is rewritten.</summary>
    /// <value>The default value is 15 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how old the last successful poll of a desk account may be before the worker reports itself unhealthy.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxPollAge { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Checks the simple rules of <see cref="WorkerOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class WorkerOptionsValidator : IValidateOptions<WorkerOptions>;

/// <summary>Checks the rules across properties of <see cref="WorkerOptions"/>.</summary>
internal sealed class WorkerOptionsCustomValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.X))
        {
            failures.Add($"Worker:X must be {WorkerXMode.Fake} or {WorkerXMode.Live}.");
        }

        if (!Enum.IsDefined(options.Store))
        {
            failures.Add($"Worker:Store must be {WorkerStore.Sqlite} or {WorkerStore.PostgreSql}.");
        }

        if (options.Store == WorkerStore.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Worker:SqlitePath is required when Worker:Store is Sqlite.");
        }

        if (options.Store == WorkerStore.PostgreSql && string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
        {
            failures.Add("Worker:PostgreSqlConnectionString is required when Worker:Store is PostgreSql.");
        }

        if (options.MaxBackoff < options.PollInterval)
        {
            failures.Add("Worker:MaxBackoff must not be shorter than Worker:PollInterval.");
        }

        if (options.MaxPollAge <= options.PollInterval)
        {
            failures.Add("Worker:MaxPollAge must be longer than Worker:PollInterval, or a healthy worker would be reported stale between passes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
