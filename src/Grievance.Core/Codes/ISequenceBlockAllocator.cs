namespace Grievance.Codes;

/// <summary>
/// Reserves blocks of sequence numbers in shared storage, for the hi/lo sequence source: a process reserves a block in
/// one round trip and hands its numbers out from memory, so the database is asked once per block, not once per code.
/// </summary>
/// <remarks>
/// Register an implementation with <c>UseSequenceBlocks&lt;TAllocator&gt;()</c>. A database implementation typically
/// keeps one row per scope and runs, in one statement, <c>UPDATE … SET next = next + @count … RETURNING next - @count</c>
/// (inserting the row at 0 when missing).
/// </remarks>
public interface ISequenceBlockAllocator
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers of the scope's sequence that were never reserved before.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="count">How many numbers to reserve, at least 1.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The first number of the block; the block is <c>[first, first + count)</c>. The first block of a scope starts at 0.</returns>
    ValueTask<long> ReserveAsync(SequenceScope scope, int count, CancellationToken cancellationToken = default);
}
