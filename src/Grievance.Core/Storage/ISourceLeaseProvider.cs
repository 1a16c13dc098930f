namespace Grievance.Storage;

/// <summary>
/// Makes sure only one worker at a time reads a source (for example one poller per X account), across processes
/// when the store is shared. A worker that dies loses its lease, so another takes over.
/// </summary>
public interface ISourceLeaseProvider
{
    /// <summary>Tries to take the lease on a source without waiting.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The lease, to dispose when the read is done; <see langword="null"/> when another worker holds it.</returns>
    Task<ISourceLease?> TryAcquireAsync(string source, CancellationToken cancellationToken = default);
}

/// <summary>A held lease on a source. Disposing it releases the lease.</summary>
public interface ISourceLease : IAsyncDisposable
{
    /// <summary>Gets the source's name.</summary>
    string Source { get; }

    /// <summary>Gets a token that is cancelled when the lease is known to be lost (for example the database connection holding it broke).</summary>
    CancellationToken Lost { get; }
}
