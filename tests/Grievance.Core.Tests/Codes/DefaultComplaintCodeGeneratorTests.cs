using Grievance.Codes;
using Grievance.Codes.Internal;
using Grievance.Complaints;
using Microsoft.Extensions.Options;

namespace Grievance.Core.Tests.Codes;

public class DefaultComplaintCodeGeneratorTests
{
    private static readonly DistrictId s_lucknow = new("LKO");

    [Fact]
    public async Task NextAsync_FirstComplaintOfADistrict_CodesDistrictPeriodAndSequenceZero()
    {
        var generator = Create();

        var code = await generator.NextAsync(s_lucknow, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("LKO-2611-0000N", code.Value);
    }

    [Fact]
    public async Task NextAsync_LateOnTheLastDayInUtc_TakesTheMonthOfIndianTime()
    {
        var generator = Create();

        // 20:00 UTC on 30 November is 01:30 on 1 December in Asia/Kolkata.
        var code = await generator.NextAsync(s_lucknow, new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(2026, code.Year);
        Assert.Equal(12, code.Month);
    }

    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("UTC")]
    public async Task NextAsync_InstantsAroundMonthEndsAndClockChanges_TakeTheMonthTheTimeZoneSays(string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var generator = Create(new ComplaintCodeOptions { TimeZone = timeZone });
        var random = new Random(2026);
        var instants = new List<DateTimeOffset>();
        for (var month = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero); month.Year < 2028; month = month.AddMonths(1))
        {
            // Every quarter of an hour from a day before to a day after each UTC month end, plus random instants.
            for (var at = month.AddDays(-1); at < month.AddDays(1); at = at.AddMinutes(15))
            {
                instants.Add(at);
            }

            instants.Add(month.AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 28)));
        }

        // Jumping back and forth checks that a cached month is never used outside its window.
        foreach (var at in instants.OrderBy(_ => random.Next()))
        {
            var code = await generator.NextAsync(s_lucknow, at);
            var local = TimeZoneInfo.ConvertTime(at, zone);
            Assert.True(local.Year == code.Year && local.Month == code.Month, $"{at:O} in {timeZone} is {local:O}, coded {code}");
        }
    }

    [Theory]
    [InlineData("Asia/Kolkata", 11, true)]
    [InlineData("UTC", 11, true)]
    [InlineData("Europe/London", 11, true)]
    [InlineData("Europe/London", 7, false)]
    [InlineData("Europe/London", 3, false)]
    public async Task NextAsync_MonthWithoutClockChanges_IsCached(string timeZone, int month, bool cached)
    {
        var generator = Create(new ComplaintCodeOptions { TimeZone = timeZone });

        await generator.NextAsync(s_lucknow, new DateTimeOffset(2026, month, 15, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(cached, generator.HasCachedMonth);
    }

    [Fact]
    public async Task NextAsync_ConfiguredTimeZone_OverridesTheGrievanceTimeZone()
    {
        var generator = Create(new ComplaintCodeOptions { TimeZone = "UTC" });

        var code = await generator.NextAsync(s_lucknow, new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(11, code.Month);
    }

    [Fact]
    public async Task NextAsync_NoDistrict_CodesUnderTheTriageScope()
    {
        var generator = Create(new ComplaintCodeOptions { TriageScope = "XTR" });

        var code = await generator.NextAsync(null, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("XTR", code.Scope);
    }

    [Fact]
    public async Task NextAsync_SequenceDigits_PadsTheSequence()
    {
        var generator = Create(new ComplaintCodeOptions { SequenceDigits = 6 });

        var code = await generator.NextAsync(s_lucknow, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("LKO-2611-000000", code.Value[..^1]);
    }

    [Fact]
    public async Task NextAsync_DistrictIdNotThreeLetters_ThrowsArgumentException()
    {
        var generator = Create();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await generator.NextAsync(new DistrictId("LKO1"), DateTimeOffset.UnixEpoch));

        Assert.Equal("district", ex.ParamName);
    }

    [Fact]
    public async Task NextAsync_CreatedBefore2000_ThrowsArgumentOutOfRangeException()
    {
        var generator = Create();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await generator.NextAsync(s_lucknow, new DateTimeOffset(1999, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal("createdAt", ex.ParamName);
    }

    [Fact]
    public async Task NextAsync_CancelledToken_Throws()
    {
        var generator = Create();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await generator.NextAsync(s_lucknow, DateTimeOffset.UnixEpoch, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task NextAsync_SourceCompletingLater_StillIssuesTheCode()
    {
        var generator = new DefaultComplaintCodeGenerator(new YieldingSource(), Options.Create(new ComplaintCodeOptions()), Options.Create(new GrievanceOptions()));

        var code = await generator.NextAsync(s_lucknow, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(42, code.Sequence);
    }

    [Fact]
    public async Task NextAsync_CodesOfOneScopeAndPeriod_SortInTheOrderIssued()
    {
        var generator = Create(new ComplaintCodeOptions { SequenceDigits = 1 });
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var issued = new List<ComplaintCode>();
        for (var i = 0; i < 150; i++)
        {
            issued.Add(await generator.NextAsync(s_lucknow, at));
        }

        Assert.Equal(issued, issued.Order());
        Assert.NotEqual(issued, issued.OrderBy(c => c.Value, StringComparer.Ordinal));
    }

    [Fact]
    public void NextAsync_EightThreadsOf100000_AllCodesUnique()
    {
        const int Threads = 8;
        const int PerThread = 100_000;
        var generator = Create();
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var codes = new ComplaintCode[Threads][];
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var mine = new ComplaintCode[PerThread];
            for (var i = 0; i < PerThread; i++)
            {
                // Two districts and the triage scope, so scopes are shared between threads.
                DistrictId? district = (i % 3) switch { 0 => s_lucknow, 1 => new DistrictId("AGR"), _ => null };
                mine[i] = generator.NextAsync(district, at).AsTask().GetAwaiter().GetResult();
            }

            codes[t] = mine;
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var all = codes.SelectMany(c => c).ToList();
        Assert.Equal(Threads * PerThread, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(all.Count, all.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, c => Assert.True(ComplaintCode.TryParse(c.Value, out var parsed) && parsed == c));
    }

    private static DefaultComplaintCodeGenerator Create(ComplaintCodeOptions? options = null) =>
        new(new InMemorySequenceSource(), Options.Create(options ?? new ComplaintCodeOptions()), Options.Create(new GrievanceOptions()));

    private sealed class YieldingSource : ISequenceSource
    {
        public async ValueTask<long> NextAsync(SequenceScope scope, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return 42;
        }
    }
}
