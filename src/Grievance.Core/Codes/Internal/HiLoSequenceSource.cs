using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Grievance.Codes.Internal;

/// <summary>
/// Hands out numbers from blocks reserved through an <see cref="ISequenceBlockAllocator"/> (the hi/lo pattern): one
/// round trip to shared storage per block. Concurrent callers take numbers from the current block without locking;
/// only the caller that finds it used up reserves the next one, while the others wait for it.
/// </summary>
internal sealed class HiLoSequenceSource : ISequenceSource, IDisposable
{
    private readonly ISequenceBlockAllocator _allocator;
    private readonly int _blockSize;
    private readonly ConcurrentDictionary<SequenceScope, ScopeState> _states = new();

    public HiLoSequenceSource(ISequenceBlockAllocator allocator, IOptions<ComplaintCodeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(allocator);
        ArgumentNullException.ThrowIfNull(options);
        _allocator = allocator;
        _blockSize = options.Value.SequenceBlockSize;
    }

    public async ValueTask<long> NextAsync(SequenceScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Scope is null)
        {
            throw new ArgumentException("The scope is the default value; create it with its constructor.", nameof(scope));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var state = _states.GetOrAdd(scope, static _ => new ScopeState());
        while (true)
        {
            var block = state.Current;
            if (block is not null && block.TryTake(out var number))
            {
                return number;
            }

            await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have reserved a fresh block while this one waited.
                if (ReferenceEquals(state.Current, block))
                {
                    var first = await _allocator.ReserveAsync(scope, _blockSize, cancellationToken).ConfigureAwait(false);
                    state.Current = new Block(first, _blockSize);
                }
            }
            finally
            {
                state.Gate.Release();
            }
        }
    }

    public void Dispose()
    {
        foreach (var state in _states.Values)
        {
            state.Dispose();
        }
    }

    private sealed class ScopeState : IDisposable
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile Block? Current;

        public void Dispose() => Gate.Dispose();
    }

    private sealed class Block(long first, int size)
    {
        private int _taken;

        public bool TryTake(out long number)
        {
            var index = Interlocked.Increment(ref _taken) - 1;
            number = first + index;
            return index < size;
        }
    }
}
