namespace Grievance.Sla.Internal;

/// <summary>
/// Adds time on a working calendar in a local time zone: whole days of a span are working days (a date that is a weekend
/// day or a holiday does not count), the rest is working hours. A start outside working hours counts from the next
/// working morning. Without working time, spans are plain elapsed time.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan _dayStart;
    private readonly TimeSpan _dayEnd;
    private readonly HashSet<DayOfWeek> _workingDays;
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(TimeZoneInfo zone, TimeSpan dayStart, TimeSpan dayEnd, IEnumerable<DayOfWeek> workingDays, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (dayEnd <= dayStart)
        {
            throw new ArgumentException("The working day must end after it starts.", nameof(dayEnd));
        }

        _zone = zone;
        _dayStart = dayStart;
        _dayEnd = dayEnd;
        _workingDays = [.. workingDays];
        _holidays = [.. holidays];
        if (_workingDays.Count == 0)
        {
            throw new ArgumentException("At least one day of the week must be a working day.", nameof(workingDays));
        }
    }

    public TimeZoneInfo Zone => _zone;

    public bool IsWorkingDay(DateOnly date) => _workingDays.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan span, bool workingTime)
    {
        if (!workingTime)
        {
            return start + span;
        }

        var local = TimeZoneInfo.ConvertTime(start, _zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = local.TimeOfDay;

        // Move to working time: before the day starts → its start; after it ends or on a day off → the next working morning.
        if (!IsWorkingDay(date) || time >= _dayEnd)
        {
            date = NextWorkingDay(date);
            time = _dayStart;
        }
        else if (time < _dayStart)
        {
            time = _dayStart;
        }

        for (var days = span.Days; days > 0; days--)
        {
            date = NextWorkingDay(date);
        }

        var hours = span - TimeSpan.FromDays(span.Days);
        while (hours > TimeSpan.Zero)
        {
            var left = _dayEnd - time;
            if (hours <= left)
            {
                time += hours;
                break;
            }

            hours -= left;
            date = NextWorkingDay(date);
            time = _dayStart;
        }

        return ToInstant(date, time);
    }

    private DateOnly NextWorkingDay(DateOnly date)
    {
        for (var i = 0; i < 3660; i++)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException("The calendar has no working day in ten years; check the holidays.");
    }

    private DateTimeOffset ToInstant(DateOnly date, TimeSpan time)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + time;
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
