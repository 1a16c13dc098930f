using Grievance.Samples.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// dotnet run --project samples/Grievance.Samples.Worker                 runs the worker (fake X and SQLite by default)
// dotnet run --project samples/Grievance.Samples.Worker -- --health     exit code 0 when the running worker reports itself healthy
// Any option can be set on the command line or in the environment: --Worker:Store=PostgreSql, Worker__PollInterval=00:01:00.
var health = args.Contains("--health", StringComparer.Ordinal);
var builder = WorkerApp.CreateBuilder([.. args.Where(a => a != "--health")]);
if (health)
{
    var options = builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
    if (string.IsNullOrWhiteSpace(options.HealthFile))
    {
        Console.Error.WriteLine("Worker:HealthFile is empty: the worker writes no health report.");
        return 2;
    }

    return HealthFile.Probe(Path.GetFullPath(options.HealthFile), options.HealthInterval, TimeProvider.System, Console.Out);
}

using var host = builder.Build();
await host.RunAsync();
return 0;
