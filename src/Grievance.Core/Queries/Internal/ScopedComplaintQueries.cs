using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Diagnostics.Internal;
using Grievance.Storage;
using Microsoft.Extensions.Logging;

namespace Grievance.Queries.Internal;

/// <summary>Applies the scope in one place, over the store's filter, so no store can forget it.</summary>
internal sealed class ScopedComplaintQueries(IComplaintStore store, ILogger<ScopedComplaintQueries> logger) : IComplaintQueries
{
    public const int MaxPageSize = 1000;

    public async Task<ComplaintPage> FindAsync(ComplaintScope scope, ComplaintQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Take, MaxPageSize, nameof(filter));
        var scoped = Apply(scope, filter, "find");
        if (scoped is null)
        {
            return new ComplaintPage([], null);
        }

        var items = await store.ListAsync(scoped with { Take = filter.Take + 1 }, cancellationToken).ConfigureAwait(false);
        return items.Count > filter.Take
            ? new ComplaintPage([.. items.Take(filter.Take)], ComplaintCursor.Of(items[filter.Take - 1]))
            : new ComplaintPage(items, null);
    }

    public async Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintScope scope, ComplaintQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scoped = Apply(scope, filter, "count");
        return scoped is null ? [] : await store.CountAsync(scoped, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Complaint?> FindByCodeAsync(ComplaintScope scope, ComplaintCode code, CancellationToken cancellationToken = default)
    {
        var page = await FindAsync(scope, new ComplaintQuery { Code = code, Take = 1 }, cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    public async Task<Complaint?> FindBySourceAsync(ComplaintScope scope, string channel, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        var page = await FindAsync(scope, new ComplaintQuery { Channel = channel, SourceMessageId = externalId, Take = 1 }, cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    /// <summary>Narrows the filter to the scope; <see langword="null"/> when nothing can match.</summary>
    private ComplaintQuery? Apply(ComplaintScope scope, ComplaintQuery filter, string operation)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsStateOversight)
        {
            Log.OversightQuery(logger, scope.OversightActor!, scope.OversightReason!, operation);
            return filter;
        }

        if (filter.Department is { } asked && asked != scope.Department)
        {
            return null;
        }

        IReadOnlyList<DistrictId> districts = filter.Districts;
        if (scope.Districts.Count > 0)
        {
            districts = filter.Districts.Count == 0 ? scope.Districts : [.. filter.Districts.Intersect(scope.Districts)];
            if (districts.Count == 0)
            {
                return null;
            }
        }

        return filter with { Department = scope.Department, Districts = districts };
    }
}
