using Grievance.Intake;
using Grievance.Notifications;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Portal;

/// <summary>
/// Runs intake once over every desk account of the fake X (seeded with the demo feed) when the portal starts, and
/// sends the acknowledgements, so the queue has complaints. A second start on the same database takes in nothing new:
/// every mention is already a complaint.
/// </summary>
internal sealed class DemoIntakeService(IServiceProvider services, IOptions<PortalOptions> options, ILogger<DemoIntakeService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RunDemoIntake)
        {
            return;
        }

        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var sources = services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()).ToList();
        int created = 0, read = 0;
        foreach (var source in sources)
        {
            var run = await pipeline.RunAsync(source, cancellationToken);
            created += run.Created;
            read += run.Read;
        }

        Log.DemoIntake(logger, sources.Count, created, read);
        await ReplySender.SendAsync(services, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Sends queued replies right after intake or an officer's action (the worker sample does this in a background service).</summary>
internal static class ReplySender
{
    public static async Task SendAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var dispatcher = services.GetRequiredService<IOutboxDispatcher>();
            while ((await dispatcher.DispatchAsync(100, cancellationToken)).Sent >= 100)
            {
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The messages stay in the outbox and go with the next action; the officer's action itself succeeded.
            Log.DispatchFailed(logger, ex);
        }
    }
}
