namespace Grievance.Storage;

/// <summary>Stores each source's cursor (for X mentions, the <c>since_id</c>).</summary>
public interface ICheckpointStore
{
    /// <summary>Gets a source's last committed cursor.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The cursor, or <see langword="null"/> when none was committed yet.</returns>
    Task<string?> GetAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Commits a source's cursor. Called only after every message up to it is stored.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="checkpoint">The cursor.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the cursor is durable.</returns>
    Task SetAsync(string source, string checkpoint, CancellationToken cancellationToken = default);
}
