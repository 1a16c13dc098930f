using System.Globalization;
using Grievance.Intake;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Worker;

/// <summary>
/// Healthy while every desk account was polled successfully (or found polled by another instance) within
/// <see cref="WorkerOptions.MaxPollAge"/>; before an account's first poll the age counts from the worker's start.
/// </summary>
internal sealed class PollingHealthCheck(
    IEnumerable<IComplaintSourceProvider> providers,
    WorkerStatus status,
    IOptions<WorkerOptions> options,
    TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var polls = status.LastSuccessfulPolls();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var oldest = TimeSpan.Zero;
        foreach (var source in providers.SelectMany(p => p.GetSources()))
        {
            var age = now - (polls.TryGetValue(source.Name, out var at) ? at : status.StartedAt);
            data[source.Name] = Math.Round(age.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
            oldest = age > oldest ? age : oldest;
        }

        var description = $"Oldest successful poll {oldest.TotalSeconds:0} s ago (limit {options.Value.MaxPollAge.TotalSeconds:0} s); {status.FailedPollPasses} failed passes in a row.";
        return Task.FromResult(oldest > options.Value.MaxPollAge
            ? new HealthCheckResult(context.Registration.FailureStatus, description, data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
