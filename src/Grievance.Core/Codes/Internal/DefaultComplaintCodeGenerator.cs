using Grievance.Complaints;
using Microsoft.Extensions.Options;

namespace Grievance.Codes.Internal;

/// <summary>
/// Issues codes like <c>LKO-2611-0044D</c>: the district's id (or the triage scope), the year and month of creation in
/// the configured time zone, and the next number of that scope and period from the <see cref="ISequenceSource"/>.
/// </summary>
internal sealed class DefaultComplaintCodeGenerator : IComplaintCodeGenerator
{
    private readonly ISequenceSource _sequences;
    private readonly TimeZoneInfo _timeZone;
    private readonly TimeZoneInfo.AdjustmentRule[] _rules;
    private readonly string _triageScope;
    private readonly int _sequenceDigits;
    private volatile MonthWindow? _month;

    public DefaultComplaintCodeGenerator(ISequenceSource sequences, IOptions<ComplaintCodeOptions> options, IOptions<GrievanceOptions> grievanceOptions)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grievanceOptions);
        _sequences = sequences;
        var codes = options.Value;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(codes.TimeZone ?? grievanceOptions.Value.TimeZone);
        _rules = _timeZone.GetAdjustmentRules();
        _triageScope = codes.TriageScope.ToUpperInvariant();
        _sequenceDigits = codes.SequenceDigits;
    }

    /// <summary>Gets a value indicating whether a month is cached, so codes skip the time-zone conversion (for tests).</summary>
    internal bool HasCachedMonth => _month is not null;

    public ValueTask<ComplaintCode> NextAsync(DistrictId? district, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = district is { } id ? id.Value : _triageScope;
        if (!ComplaintCode.IsValidScope(scope))
        {
            throw new ArgumentException($"The district id '{scope}' cannot head a complaint code: a code's scope is exactly {ComplaintCode.ScopeLength} letters A-Z.", nameof(district));
        }

        var (year, month) = PeriodOf(createdAt);
        var sequenceScope = new SequenceScope(scope, year, month);
        var next = _sequences.NextAsync(sequenceScope, cancellationToken);
        return next.IsCompletedSuccessfully
            ? ValueTask.FromResult(Create(sequenceScope, next.Result))
            : AwaitAsync(next, sequenceScope);
    }

    /// <summary>The year and month of an instant in the configured time zone.</summary>
    private (int Year, int Month) PeriodOf(DateTimeOffset createdAt)
    {
        var ticks = createdAt.UtcTicks;
        var window = _month;
        if (window is not null && ticks >= window.FromUtcTicks && ticks < window.ToUtcTicks)
        {
            return (window.Year, window.Month);
        }

        var local = TimeZoneInfo.ConvertTime(createdAt, _timeZone);
        if (local.Year is < ComplaintCode.MinYear or > ComplaintCode.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(createdAt), createdAt, $"A code's period is a year from {ComplaintCode.MinYear} to {ComplaintCode.MaxYear}.");
        }

        _month = MonthWindow.TryCreate(local.Year, local.Month, _timeZone.BaseUtcOffset, _rules) ?? window;
        return (local.Year, local.Month);
    }

    private async ValueTask<ComplaintCode> AwaitAsync(ValueTask<long> next, SequenceScope scope) =>
        Create(scope, await next.ConfigureAwait(false));

    private ComplaintCode Create(SequenceScope scope, long sequence) =>
        ComplaintCode.Create(scope.Scope, scope.Year, scope.Month, sequence, _sequenceDigits);

    /// <summary>
    /// The UTC instants of one local month, kept so most codes skip the time-zone conversion. Only made for a month
    /// that no adjustment rule of the zone touches (no daylight saving, no change of offset), where the offset is the
    /// zone's base offset at every instant, so the window is exact.
    /// </summary>
    private sealed record MonthWindow(long FromUtcTicks, long ToUtcTicks, int Year, int Month)
    {
        public static MonthWindow? TryCreate(int year, int month, TimeSpan offset, TimeZoneInfo.AdjustmentRule[] rules)
        {
            var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
            var next = first.AddMonths(1);
            foreach (var rule in rules)
            {
                var changesOffset = rule.DaylightDelta != TimeSpan.Zero || rule.BaseUtcOffsetDelta != TimeSpan.Zero;
                if (changesOffset && rule.DateStart <= next.AddDays(1) && rule.DateEnd >= first.AddDays(-1))
                {
                    return null;
                }
            }

            return new MonthWindow((first - offset).Ticks, (next - offset).Ticks, year, month);
        }
    }
}
