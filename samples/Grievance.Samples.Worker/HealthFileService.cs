using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Worker;

/// <summary>
/// Runs the health checks every <see cref="WorkerOptions.HealthInterval"/> and writes the report to
/// <see cref="WorkerOptions.HealthFile"/> (replaced atomically), where <c>--health</c>, a container HEALTHCHECK or a
/// Kubernetes exec probe reads it. The file is removed when the worker stops, so a stopped worker is never reported healthy.
/// </summary>
internal sealed class HealthFileService(
    HealthCheckService health,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<HealthFileService> logger) : BackgroundService
{
    private HealthStatus? _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.HealthFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var report = await health.CheckHealthAsync(stoppingToken);
                if (report.Status != _last)
                {
                    _last = report.Status;
                    if (report.Status != HealthStatus.Healthy)
                    {
                        Log.HealthChanged(logger, report.Status.ToString());
                    }
                }

                await WriteAsync(path, report, stoppingToken);
                await Task.Delay(options.Value.HealthInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            File.Delete(path);
        }
    }

    private async Task WriteAsync(string path, HealthReport report, CancellationToken cancellationToken)
    {
        try
        {
            var file = new HealthFile
            {
                Status = report.Status.ToString(),
                CheckedAt = time.GetUtcNow(),
                Checks = report.Entries.ToDictionary(e => e.Key, e => new HealthFileEntry { Status = e.Value.Status.ToString(), Description = e.Value.Description }, StringComparer.Ordinal),
            };
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(file, HealthFile.JsonOptions), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException ex)
        {
            Log.HealthFileFailed(logger, ex.GetType().Name);
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.HealthFileFailed(logger, ex.GetType().Name);
        }
    }
}
