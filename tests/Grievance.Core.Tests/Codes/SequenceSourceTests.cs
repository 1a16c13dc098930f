using Grievance.Codes;
using Grievance.Codes.Internal;
using Grievance.TestUtilities.Codes;
using Microsoft.Extensions.Options;

namespace Grievance.Core.Tests.Codes;

public class InMemorySequenceSourceTests : SequenceSourceContractTests
{
    private readonly InMemorySequenceSource _storage = new();

    // In memory, the source is its storage: every "process" of a test shares the one instance.
    protected override ISequenceSource CreateSource() => _storage;

    [Fact]
    public async Task ReserveAsync_Blocks_DoNotOverlap()
    {
        Assert.Equal(0, await _storage.ReserveAsync(Lucknow, 20));
        Assert.Equal(20, await _storage.ReserveAsync(Lucknow, 5));
        Assert.Equal(25, await _storage.NextAsync(Lucknow));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _storage.ReserveAsync(Lucknow, 0));
    }
}

public sealed class HiLoSequenceSourceTests : SequenceSourceContractTests, IDisposable
{
    private readonly CountingAllocator _allocator = new();
    private readonly List<HiLoSequenceSource> _sources = [];

    // Each source is a process with its own blocks, reserving from the shared allocator.
    protected override ISequenceSource CreateSource()
    {
        var source = new HiLoSequenceSource(_allocator, Options.Create(new ComplaintCodeOptions { SequenceBlockSize = 7 }));
        _sources.Add(source);
        return source;
    }

    [Fact]
    public async Task NextAsync_OneBlock_AsksTheAllocatorOnce()
    {
        var source = CreateSource();

        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(i, await source.NextAsync(Lucknow));
        }

        Assert.Equal(1, _allocator.Reservations);
        Assert.Equal(7, await source.NextAsync(Lucknow));
        Assert.Equal(2, _allocator.Reservations);
    }

    [Fact]
    public async Task NextAsync_TwoProcesses_TakeDisjointBlocks()
    {
        var first = CreateSource();
        var second = CreateSource();

        Assert.Equal(0, await first.NextAsync(Lucknow));
        Assert.Equal(7, await second.NextAsync(Lucknow));
        Assert.Equal(1, await first.NextAsync(Lucknow));
    }

    public void Dispose() => _sources.ForEach(s => s.Dispose());

    private sealed class CountingAllocator : ISequenceBlockAllocator
    {
        private readonly InMemorySequenceSource _storage = new();
        private int _reservations;

        public int Reservations => _reservations;

        public async ValueTask<long> ReserveAsync(SequenceScope scope, int count, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reservations);
            await Task.Yield(); // a database round trip completes later
            return await _storage.ReserveAsync(scope, count, cancellationToken);
        }
    }
}
