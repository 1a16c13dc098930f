namespace Grievance.Storage.Internal;

/// <summary>The in-memory store's per-citizen count and the erasure of rejected messages.</summary>
internal sealed partial class InMemoryComplaintStore
{
    public Task<int> CountByComplainantAsync(string channel, string platformId, DateTimeOffset createdFrom, DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        lock (_gate)
        {
            return Task.FromResult(_complaints.Values.Count(c => c.Channel == channel && c.Complainant.PlatformId == platformId
                && c.ErasedAt is null && c.CreatedAt >= createdFrom && c.CreatedAt < createdBefore));
        }
    }

    public Task<int> EraseRejectionsAsync(string channel, string platformId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var erased = 0;
            for (var i = 0; i < _rejections.Count; i++)
            {
                var rejection = _rejections[i];
                if (rejection.Channel == channel && rejection.Message is { Author: { } author } && author.PlatformId == platformId)
                {
                    _rejections[i] = Anonymised(rejection);
                    erased++;
                }
            }

            return Task.FromResult(erased);
        }
    }

    public Task<int> EraseRejectionsBeforeAsync(DateTimeOffset rejectedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var erased = 0;
            for (var i = 0; i < _rejections.Count && erased < max; i++)
            {
                var rejection = _rejections[i];
                if (rejection.Message is not null && rejection.RejectedAt < rejectedBefore)
                {
                    _rejections[i] = Anonymised(rejection);
                    erased++;
                }
            }

            return Task.FromResult(erased);
        }
    }

    /// <summary>The rejection without the message as received; id, kind, channel, external id, reasons and time stay.</summary>
    private static Rejection Anonymised(Rejection rejection) => rejection with { Message = null };
}
