using Grievance.Complaints;
using Microsoft.Extensions.Options;

namespace Grievance.Codes.Internal;

/// <summary>
/// Issues codes like <c>LKO-2611-0044D</c>: the district's id (or the triage scope), the year and month of creation in
/// the configured time zone, and the next number of that scope and period from the <see cref="ISequenceSource"/>.
/// </summary>
internal sealed class DefaultComplaintCodeGenerator : IComplaintCodeGenerator
{
    private readonly ISequenceSource _sequences;
    private readonly TimeZoneInfo _timeZone;
    private readonly string _triageScope;
    private readonly int _sequenceDigits;

    public DefaultComplaintCodeGenerator(ISequenceSource sequences, IOptions<ComplaintCodeOptions> options, IOptions<GrievanceOptions> grievanceOptions)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grievanceOptions);
        _sequences = sequences;
        var codes = options.Value;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(codes.TimeZone ?? grievanceOptions.Value.TimeZone);
        _triageScope = codes.TriageScope.ToUpperInvariant();
        _sequenceDigits = codes.SequenceDigits;
    }

    public ValueTask<ComplaintCode> NextAsync(DistrictId? district, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = district is { } id ? id.Value : _triageScope;
        if (!ComplaintCode.IsValidScope(scope))
        {
            throw new ArgumentException($"The district id '{scope}' cannot head a complaint code: a code's scope is exactly {ComplaintCode.ScopeLength} letters A-Z.", nameof(district));
        }

        var local = TimeZoneInfo.ConvertTime(createdAt, _timeZone);
        if (local.Year is < ComplaintCode.MinYear or > ComplaintCode.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(createdAt), createdAt, $"A code's period is a year from {ComplaintCode.MinYear} to {ComplaintCode.MaxYear}.");
        }

        var sequenceScope = new SequenceScope(scope, local.Year, local.Month);
        var next = _sequences.NextAsync(sequenceScope, cancellationToken);
        return next.IsCompletedSuccessfully
            ? ValueTask.FromResult(Create(sequenceScope, next.Result))
            : AwaitAsync(next, sequenceScope);
    }

    private async ValueTask<ComplaintCode> AwaitAsync(ValueTask<long> next, SequenceScope scope) =>
        Create(scope, await next.ConfigureAwait(false));

    private ComplaintCode Create(SequenceScope scope, long sequence) =>
        ComplaintCode.Create(scope.Scope, scope.Year, scope.Month, sequence, _sequenceDigits);
}
