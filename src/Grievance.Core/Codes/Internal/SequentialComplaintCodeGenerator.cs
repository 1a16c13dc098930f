using System.Collections.Concurrent;
using System.Globalization;
using Grievance.Complaints;
using Microsoft.Extensions.Options;

namespace Grievance.Codes.Internal;

/// <summary>
/// Codes of the form <c>LKO-2611-0042</c>: district (or <c>TRI</c> for triage), year and month in the configured
/// time zone, and a per-scope, per-period sequence counted in this process.
/// </summary>
internal sealed class SequentialComplaintCodeGenerator : IComplaintCodeGenerator
{
    internal const string TriageScope = "TRI";

    private readonly ConcurrentDictionary<string, StrongBox> _sequences = new(StringComparer.Ordinal);
    private readonly TimeZoneInfo _timeZone;

    public SequentialComplaintCodeGenerator(IOptions<GrievanceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public ValueTask<ComplaintCode> NextAsync(DistrictId? district, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var local = TimeZoneInfo.ConvertTime(createdAt, _timeZone);
        var scope = district?.Value ?? TriageScope;
        var period = local.ToString("yyMM", CultureInfo.InvariantCulture);
        var box = _sequences.GetOrAdd(scope + "-" + period, static _ => new StrongBox());
        var sequence = Interlocked.Increment(ref box.Value);
        return ValueTask.FromResult(ComplaintCode.Create(scope, local.Year, local.Month, sequence));
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
