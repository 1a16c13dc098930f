using System.Collections.Concurrent;

namespace Grievance.Codes.Internal;

/// <summary>
/// Sequences in process memory: safe for any number of concurrent callers, lost at process exit. The default for a
/// single process with the in-memory store; stores that outlive the process provide their own source.
/// </summary>
internal sealed class InMemorySequenceSource : ISequenceSource, ISequenceBlockAllocator
{
    private readonly ConcurrentDictionary<SequenceScope, Counter> _counters = new();

    public ValueTask<long> NextAsync(SequenceScope scope, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Interlocked.Increment(ref CounterFor(scope).Next) - 1);
    }

    public ValueTask<long> ReserveAsync(SequenceScope scope, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Interlocked.Add(ref CounterFor(scope).Next, count) - count);
    }

    private Counter CounterFor(SequenceScope scope)
    {
        if (scope.Scope is null)
        {
            throw new ArgumentException("The scope is the default value; create it with its constructor.", nameof(scope));
        }

        return _counters.GetOrAdd(scope, static _ => new Counter());
    }

    private sealed class Counter
    {
        // The next number to hand out.
        public long Next;
    }
}
