using System.Globalization;

namespace Grievance.Twitter.Intake.Internal;

/// <summary>
/// X's ids are "snowflakes": the bits above the lowest 22 count milliseconds since 2010-11-04T01:42:54.657Z. So a time
/// window maps to an id range, which lets a source re-read "the last two minutes before the checkpoint" with <c>since_id</c>.
/// </summary>
internal static class Snowflake
{
    public static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeMilliseconds(1_288_834_974_657);

    /// <summary>How far from now an id's time may lie and still be taken for a snowflake of this desk's recent traffic.</summary>
    internal static readonly TimeSpan Plausible = TimeSpan.FromDays(30);

    /// <summary>
    /// The id <paramref name="span"/> earlier than <paramref name="id"/>, or <see langword="null"/> when it is not a number,
    /// would fall before the epoch, or does not look like a recent snowflake (its time more than 30 days from
    /// <paramref name="now"/>, as for ids that are not time-based): then there is no id range to widen.
    /// </summary>
    public static string? Before(string id, TimeSpan span, DateTimeOffset now)
    {
        if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || Time(id) is not { } at || at < now - Plausible || at > now + Plausible)
        {
            return null;
        }

        var shift = (ulong)(span.Ticks / TimeSpan.TicksPerMillisecond) << 22;
        return value > shift ? (value - shift).ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>When the id was made, or <see langword="null"/> when it is not a number.</summary>
    public static DateTimeOffset? Time(string id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Epoch.AddMilliseconds(value >> 22)
            : null;

    /// <summary>The later of two ids (numerically); either may be <see langword="null"/>.</summary>
    public static string? Max(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        return ulong.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && ulong.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y > x ? b : a;
    }
}
