using Grievance.Sla.Internal;

namespace Grievance.Core.Tests.Sla;

public class WorkingCalendarTests
{
    private static readonly TimeZoneInfo s_india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    // Mon-Fri 10:00-18:00 India time; Monday 7 December 2026 is a holiday.
    private readonly WorkingCalendar _calendar = new(
        s_india, new TimeSpan(10, 0, 0), new TimeSpan(18, 0, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new DateOnly(2026, 12, 7)]);

    private static DateTimeOffset Ist(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(5.5));

    [Theory]
    [InlineData(2, 11, 0, 3, 11)]     // Wednesday 11:00 + 1 working day = Thursday 11:00
    [InlineData(4, 17, 30, 8, 17)]    // Friday 17:30 + 1 working day skips the weekend and Monday's holiday: Tuesday 17:30
    [InlineData(4, 22, 0, 9, 10)]     // Friday night starts the next working morning (Tuesday 10:00) + 1 day = Wednesday 10:00
    [InlineData(5, 12, 0, 9, 10)]     // Saturday: same as Friday night
    public void Add_OneWorkingDay_SkipsNightsWeekendsAndHolidays(int startDay, int startHour, int startMinute, int dueDay, int dueHour)
    {
        var due = _calendar.Add(Ist(startDay, startHour, startMinute), TimeSpan.FromDays(1), workingTime: true);

        Assert.Equal(Ist(dueDay, dueHour, startMinute == 30 && startHour == 17 ? 30 : 0), due);
    }

    [Fact]
    public void Add_WorkingHours_CarryOverTheNightIntoTheNextWorkingDay()
    {
        // Friday 16:00 + 6 working hours: 2 hours on Friday, the holiday Monday is skipped, 4 hours on Tuesday.
        Assert.Equal(Ist(8, 14), _calendar.Add(Ist(4, 16), TimeSpan.FromHours(6), workingTime: true));

        // Early morning counts from 10:00.
        Assert.Equal(Ist(3, 13), _calendar.Add(Ist(3, 6), TimeSpan.FromHours(3), workingTime: true));
    }

    [Fact]
    public void Add_CalendarTime_IgnoresTheCalendar()
    {
        Assert.Equal(Ist(5, 22), _calendar.Add(Ist(4, 22), TimeSpan.FromDays(1), workingTime: false));
    }

    [Fact]
    public void Constructor_NoWorkingDayOrEndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(s_india, new TimeSpan(10, 0, 0), new TimeSpan(18, 0, 0), [], []));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(s_india, new TimeSpan(18, 0, 0), new TimeSpan(10, 0, 0), [DayOfWeek.Monday], []));
    }
}
