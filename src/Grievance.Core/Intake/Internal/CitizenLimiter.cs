using Grievance.Complaints;
using Grievance.Storage;
using Microsoft.Extensions.Options;

namespace Grievance.Intake.Internal;

/// <summary>
/// Decides whether a new complaint is held for review because its complainant reached the monthly limit
/// (<see cref="CitizenLimitOptions"/>): it counts the complaints the citizen opened on the channel in the current
/// calendar month, stored ones (counted in the store once per citizen and group) and those pending in the group.
/// </summary>
internal sealed class CitizenLimiter
{
    private readonly IOptionsMonitor<CitizenLimitOptions> _options;
    private readonly IOptionsMonitor<GrievanceOptions> _grievance;
    private readonly IComplaintLifecycleStore _store;

    public CitizenLimiter(IOptionsMonitor<CitizenLimitOptions> options, IOptionsMonitor<GrievanceOptions> grievance, IComplaintLifecycleStore store)
    {
        _options = options;
        _grievance = grievance;
        _store = store;
    }

    /// <summary>Gets the configured monthly limit (0: off).</summary>
    public int Limit => _options.CurrentValue.MonthlyLimit;

    /// <summary>The calendar month of <paramref name="at"/> in <paramref name="zone"/>, as UTC instants [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) MonthOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var start = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var end = start.AddMonths(1);
        return (new DateTimeOffset(start, zone.GetUtcOffset(start)), new DateTimeOffset(end, zone.GetUtcOffset(end)));
    }

    /// <summary>
    /// Gives the verdict for <paramref name="complaint"/>, about to join <paramref name="group"/>: <see langword="null"/> when
    /// it proceeds normally, else the citizen's count this month (before it) and the limit.
    /// </summary>
    public async ValueTask<(int Count, int Limit)?> CheckAsync(IntakeGroup group, Complaint complaint, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var limit = options.MonthlyLimit;
        var citizen = complaint.Complainant.PlatformId;
        if (limit <= 0 || string.IsNullOrEmpty(citizen) || options.IsExempt(complaint.Category.Value, citizen))
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(_grievance.CurrentValue.TimeZone);
        var (start, end) = MonthOf(complaint.CreatedAt, zone);
        var key = (complaint.Channel, citizen, start);
        if (!group.StoredCounts.TryGetValue(key, out var stored))
        {
            stored = await _store.CountByComplainantAsync(complaint.Channel, citizen, start, end, cancellationToken).ConfigureAwait(false);
            group.StoredCounts[key] = stored;
        }

        var pending = 0;
        foreach (var entry in group.Entries)
        {
            if (entry.Staged?.Commit.NewComplaint is { } other && other.Channel == complaint.Channel
                && other.Complainant.PlatformId == citizen && other.CreatedAt >= start && other.CreatedAt < end)
            {
                pending++;
            }
        }

        var count = stored + pending;
        return count >= limit ? (count, limit) : null;
    }
}
