namespace Grievance.Codes;

/// <summary>Hands out the sequence numbers of complaint codes, one sequence per <see cref="SequenceScope"/>.</summary>
/// <remarks>
/// Implementations must never return the same number twice for a scope: not to concurrent callers, not to other
/// processes sharing the same storage, and not after a restart. Numbers start at 0 and rise; gaps are allowed (a
/// process that stops may leave numbers it reserved unused). The default keeps the sequences in memory, which is right
/// only for a single process whose complaints are not kept across restarts; database stores provide a shared source,
/// usually through <see cref="ISequenceBlockAllocator"/>.
/// </remarks>
public interface ISequenceSource
{
    /// <summary>Returns the next number of the scope's sequence.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A number, at least 0, never returned before for <paramref name="scope"/>.</returns>
    ValueTask<long> NextAsync(SequenceScope scope, CancellationToken cancellationToken = default);
}
