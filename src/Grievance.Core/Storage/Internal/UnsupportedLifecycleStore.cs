using Grievance.Complaints;

namespace Grievance.Storage.Internal;

/// <summary>Stands in for the lifecycle store of a replaced store that has none: intake works, every lifecycle step says why it cannot.</summary>
internal sealed class UnsupportedLifecycleStore(string storeName) : IComplaintLifecycleStore
{
    private NotSupportedException Unsupported() =>
        new($"The store {storeName} does not implement {nameof(IComplaintLifecycleStore)}, so complaints cannot change state after intake.");

    public Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default) => throw Unsupported();

    public Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => throw Unsupported();

    public Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default) => throw Unsupported();

    public Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default) => throw Unsupported();

    public Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default) => throw Unsupported();
}
