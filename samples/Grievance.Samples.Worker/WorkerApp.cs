using Grievance.Codes;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Lifecycle;
using Grievance.Sla;
using Grievance.Twitter;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Worker;

/// <summary>Builds the worker host the way a department's app would, from configuration.</summary>
public static class WorkerApp
{
    /// <summary>The name of the X section: the <see cref="TwitterOptions"/> of live mode (credentials go in the environment, e.g. <c>Twitter__BearerToken</c>).</summary>
    public const string TwitterSectionName = "Twitter";

    /// <summary>
    /// Creates the host builder: configuration (<c>sample-directory.json</c>, then <c>appsettings.json</c>, the
    /// environment and the command line), the library, the chosen store and X, the hosted poller, dispatcher, time-limit
    /// monitor and health file. Callers may change the services before building (tests replace the fake X and the clock).
    /// </summary>
    /// <param name="args">The command line (configuration overrides such as <c>--Worker:Store=PostgreSql</c>).</param>
    /// <param name="configure">Adds configuration after the defaults (tests use it), or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="OptionsValidationException">The <c>Worker</c> section is invalid.</exception>
    public static HostApplicationBuilder CreateBuilder(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // The department directory first, so appsettings.json, the environment and the command line override it.
        var directory = new JsonConfigurationSource { Path = "sample-directory.json", Optional = true };
        directory.ResolveFileProvider();
        directory.FileProvider ??= builder.Environment.ContentRootFileProvider;
        builder.Configuration.Sources.Insert(0, directory);
        configure?.Invoke(builder.Configuration);

        // The store and X are chosen while building, so the Worker section is read and validated here as well as at start.
        var workerSection = builder.Configuration.GetSection(WorkerOptions.SectionName);
        var worker = workerSection.Get<WorkerOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new WorkerOptions();
        Validate(worker);
        builder.Services.AddOptionsWithValidateOnStart<WorkerOptions>().Bind(workerSection, o => o.ErrorOnUnknownConfiguration = true);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsCustomValidator>());

        var grievance = builder.Services.AddGrievance(builder.Configuration.GetSection(GrievanceOptions.SectionName))
            .ConfigureCodes(builder.Configuration.GetSection(ComplaintCodeOptions.SectionName))
            .ConfigureLifecycle(builder.Configuration.GetSection(LifecycleOptions.SectionName))
            .ConfigureSla(builder.Configuration.GetSection(SlaOptions.SectionName))
            .ConfigureCitizenLimits(builder.Configuration.GetSection(CitizenLimitOptions.SectionName));
        _ = worker.Store switch
        {
            WorkerStore.PostgreSql => grievance.UsePostgreSqlStore(o =>
            {
                o.ConnectionString = worker.PostgreSqlConnectionString!;
                o.Schema = worker.PostgreSqlSchema;
            }),
            _ => grievance.UseSqliteStore($"Data Source={Path.GetFullPath(worker.SqlitePath)}"),
        };

        if (worker.X == WorkerXMode.Live)
        {
            grievance.AddTwitter(builder.Configuration.GetSection(TwitterSectionName));
        }
        else
        {
            grievance.AddDemoFakeX();
        }

        if (worker.RunSlaMonitor)
        {
            grievance.AddSlaMonitor();
        }

        builder.Services.TryAddSingleton<WorkerStatus>();
        builder.Services.AddHostedService<MentionsPollerService>();
        builder.Services.AddHostedService<OutboxDispatcherService>();
        builder.Services.AddHostedService<HealthFileService>();
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store")
            .AddCheck<PollingHealthCheck>("polling");
        return builder;
    }

    /// <summary>Checks the worker options with the same validators the host runs at start.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static void Validate(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new IValidateOptions<WorkerOptions>[] { new WorkerOptionsValidator(), new WorkerOptionsCustomValidator() }
            .Select(v => v.Validate(Options.DefaultName, options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [])
            .ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WorkerOptions), failures);
        }
    }
}
