using Grievance.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grievance.Samples.Worker;

/// <summary>Healthy when the store answers a one-row query.</summary>
internal sealed class StoreHealthCheck(IComplaintStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ListAsync(new ComplaintQuery { Take = 1 }, cancellationToken);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The store does not answer ({ex.GetType().Name}).");
        }
    }
}
