using System.Text.Json;

namespace Grievance.Samples.Worker;

/// <summary>The health report the worker writes for probes.</summary>
public sealed record HealthFile
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Gets the overall status: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Gets when the checks ran.</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>Gets each check's result, by name.</summary>
    public IReadOnlyDictionary<string, HealthFileEntry> Checks { get; init; } = new Dictionary<string, HealthFileEntry>();

    /// <summary>
    /// <c>--health</c>: reads the health file and answers with an exit code, 0 when the worker reported itself healthy
    /// within three health intervals, 1 otherwise (no file, stale file, or a failing check).
    /// </summary>
    /// <param name="path">The health file.</param>
    /// <param name="interval">The worker's health interval.</param>
    /// <param name="time">The clock.</param>
    /// <param name="output">Where the verdict is written.</param>
    /// <returns>The exit code.</returns>
    public static int Probe(string path, TimeSpan interval, TimeProvider time, TextWriter output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        HealthFile? file;
        try
        {
            file = JsonSerializer.Deserialize<HealthFile>(File.ReadAllBytes(path), JsonOptions);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            output.WriteLine($"Unhealthy: no readable health file at {path} ({ex.GetType().Name}); is the worker running?");
            return 1;
        }

        if (file is null)
        {
            output.WriteLine($"Unhealthy: the health file at {path} is empty.");
            return 1;
        }

        var age = time.GetUtcNow() - file.CheckedAt;
        foreach (var (name, entry) in file.Checks.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {name}: {entry.Status}. {entry.Description}");
        }

        if (age > 3 * interval)
        {
            output.WriteLine($"Unhealthy: the last report is {age.TotalSeconds:0} s old; the worker is stuck or stopped.");
            return 1;
        }

        output.WriteLine($"{file.Status} ({age.TotalSeconds:0} s ago).");
        return file.Status == "Healthy" ? 0 : 1;
    }
}

/// <summary>One check's result in the health file.</summary>
public sealed record HealthFileEntry
{
    /// <summary>Gets the check's status.</summary>
    public required string Status { get; init; }

    /// <summary>Gets what the check found.</summary>
    public string? Description { get; init; }
}
