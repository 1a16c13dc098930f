namespace Grievance.Intake;

/// <summary>A place messages come from: an X account's mentions, a webhook, a web form, a file import.</summary>
public interface IComplaintSource
{
    /// <summary>Gets the source's stable name; checkpoints are stored under it (for example <c>x:mentions:12345</c>).</summary>
    string Name { get; }

    /// <summary>Reads the messages that arrived after <paramref name="checkpoint"/>.</summary>
    /// <param name="checkpoint">The last committed cursor, or <see langword="null"/> on the first read.</param>
    /// <param name="cancellationToken">The token to cancel the read.</param>
    /// <returns>Batches in the order they should be stored; the last batch of a window carries its checkpoint.</returns>
    IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, CancellationToken cancellationToken = default);
}
