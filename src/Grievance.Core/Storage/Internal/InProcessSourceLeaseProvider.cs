using System.Collections.Concurrent;

namespace Grievance.Storage.Internal;

/// <summary>Leases within one process: enough for the in-memory store, whose data is not shared anyway.</summary>
internal sealed class InProcessSourceLeaseProvider : ISourceLeaseProvider
{
    private readonly ConcurrentDictionary<string, Lease> _held = new(StringComparer.Ordinal);

    public Task<ISourceLease?> TryAcquireAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        cancellationToken.ThrowIfCancellationRequested();
        var lease = new Lease(source, this);
        return Task.FromResult<ISourceLease?>(_held.TryAdd(source, lease) ? lease : null);
    }

    private sealed class Lease(string source, InProcessSourceLeaseProvider owner) : ISourceLease
    {
        public string Source { get; } = source;

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            owner._held.TryRemove(new KeyValuePair<string, Lease>(Source, this));
            return ValueTask.CompletedTask;
        }
    }
}
