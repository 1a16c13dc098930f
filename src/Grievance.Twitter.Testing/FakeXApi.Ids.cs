using System.Globalization;

namespace Grievance.Twitter.Testing;

public sealed partial class FakeXApi
{
    /// <summary>The epoch of X's ids ("snowflakes"): an id's top bits count milliseconds since 2010-11-04T01:42:54.657Z.</summary>
    internal static readonly DateTimeOffset SnowflakeEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1_288_834_974_657);

    private readonly HashSet<ulong> _usedIds = [];

    /// <summary>
    /// Gets or sets a value indicating whether new ids are derived from the creation time as X's are (so a time window
    /// is an id range and the client's trailing overlap applies), rather than counted up from a fixed start (the same ids
    /// in every run, which demos that compare runs rely on).
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool TimeBasedIds { get; set; }

    /// <summary>Gets or sets how long after creation a new post becomes visible to mentions and search, as X indexes some posts late.</summary>
    /// <value>The default value is zero: at once.</value>
    public TimeSpan IndexingDelay { get; set; }

    /// <summary>
    /// A new id for something created at <paramref name="at"/>: like X's, its top bits are the milliseconds since the
    /// snowflake epoch, so ids order by time and a time window maps to an id range, when <see cref="TimeBasedIds"/> is set;
    /// otherwise (and before the epoch) ids simply count up. Call under the lock.
    /// </summary>
    internal string NextIdLocked(DateTimeOffset at)
    {
        ulong id;
        if (TimeBasedIds && at > SnowflakeEpoch)
        {
            id = (ulong)(at - SnowflakeEpoch).Ticks / TimeSpan.TicksPerMillisecond << 22;
        }
        else
        {
            _nextId += 1000;
            id = _nextId;
        }

        while (!_usedIds.Add(id))
        {
            id++;
        }

        return id.ToString(CultureInfo.InvariantCulture);
    }
}
