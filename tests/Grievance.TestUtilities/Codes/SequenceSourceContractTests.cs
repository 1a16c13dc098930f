using System.Collections.Concurrent;
using Grievance.Codes;
using Xunit;

namespace Grievance.TestUtilities.Codes;

/// <summary>
/// The contract every <see cref="ISequenceSource"/> honours. Derive a test class per implementation (in memory,
/// hi/lo, SQLite, PostgreSQL) and implement <see cref="CreateSource"/>.
/// </summary>
/// <remarks>
/// xUnit creates a new instance of the test class for every test, so give each instance fresh storage (a new
/// in-memory counter, a new database file or schema) and let every <see cref="CreateSource"/> call of that instance
/// open a source over that same storage, as another process or a restarted one would.
/// </remarks>
public abstract class SequenceSourceContractTests
{
    /// <summary>The scope most tests use.</summary>
    protected static readonly SequenceScope Lucknow = new("LKO", 2026, 11);

    /// <summary>Creates a source over this test instance's storage; every call shares the same storage.</summary>
    /// <returns>A new source.</returns>
    protected abstract ISequenceSource CreateSource();

    /// <summary>Gets the number of concurrent callers in the concurrency tests.</summary>
    protected virtual int ConcurrentCallers => 8;

    /// <summary>Gets the number of calls each concurrent caller makes; lower it for slow storage.</summary>
    protected virtual int CallsPerCaller => 5_000;

    [Fact]
    public async Task NextAsync_NewScope_StartsAtZero()
    {
        var source = CreateSource();

        Assert.Equal(0, await source.NextAsync(Lucknow));
    }

    [Fact]
    public async Task NextAsync_OneCaller_ReturnsStrictlyIncreasingNumbers()
    {
        var source = CreateSource();
        var previous = -1L;

        for (var i = 0; i < 250; i++)
        {
            var next = await source.NextAsync(Lucknow);
            Assert.True(next > previous, $"{next} follows {previous}");
            previous = next;
        }
    }

    [Fact]
    public async Task NextAsync_DifferentDistrictsAndPeriods_CountIndependently()
    {
        var source = CreateSource();
        await source.NextAsync(Lucknow);
        await source.NextAsync(Lucknow);

        Assert.Equal(0, await source.NextAsync(new SequenceScope("AGR", 2026, 11)));
        Assert.Equal(0, await source.NextAsync(new SequenceScope("LKO", 2026, 12)));
        Assert.Equal(0, await source.NextAsync(new SequenceScope("LKO", 2027, 11)));
        Assert.Equal(2, await source.NextAsync(Lucknow));
    }

    [Fact]
    public async Task NextAsync_ConcurrentCallers_NeverRepeatANumber()
    {
        var source = CreateSource();

        var numbers = await TakeConcurrentlyAsync(Enumerable.Repeat(source, ConcurrentCallers).ToArray());

        Assert.Equal(ConcurrentCallers * CallsPerCaller, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task NextAsync_SeveralSourcesOnSameStorage_NeverRepeatANumber()
    {
        var sources = Enumerable.Range(0, ConcurrentCallers).Select(_ => CreateSource()).ToArray();

        var numbers = await TakeConcurrentlyAsync(sources);

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task NextAsync_SourceOpenedLater_ContinuesAboveEarlierNumbers()
    {
        var first = CreateSource();
        var before = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            before.Add(await first.NextAsync(Lucknow));
        }

        var restarted = CreateSource();
        for (var i = 0; i < 30; i++)
        {
            Assert.True(await restarted.NextAsync(Lucknow) > before.Max());
        }
    }

    [Fact]
    public async Task NextAsync_CancelledToken_Throws()
    {
        var source = CreateSource();
        await source.NextAsync(Lucknow);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.NextAsync(Lucknow, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task NextAsync_DefaultScope_ThrowsArgumentException()
    {
        var source = CreateSource();

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await source.NextAsync(default));
        Assert.Equal("scope", ex.ParamName);
    }

    private async Task<List<long>> TakeConcurrentlyAsync(IReadOnlyList<ISequenceSource> sources)
    {
        var numbers = new ConcurrentBag<long>();
        var callers = sources.Select(source => Task.Run(async () =>
        {
            for (var i = 0; i < CallsPerCaller; i++)
            {
                numbers.Add(await source.NextAsync(Lucknow));
            }
        }));
        await Task.WhenAll(callers);
        return [.. numbers];
    }
}
