namespace Grievance.Intake;

/// <summary>
/// Turns inbound messages into complaints: validate, deduplicate, classify, route, code, persist (with the
/// acknowledgement in the outbox, in one transaction), and checkpoint the source.
/// </summary>
public interface IIntakePipeline
{
    /// <summary>Handles one message. Bad input is recorded as a rejection and reported in the result, not thrown.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    Task<IntakeResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a source from its last checkpoint, handles every message, and commits each checkpoint only after every
    /// message before it is stored. If anything fails the exception propagates and the checkpoint stays where it was,
    /// so the next run reads the same messages again (and deduplication makes that harmless).
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="cancellationToken">The token to cancel the run.</param>
    /// <returns>What the run produced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    Task<IntakeRunResult> RunAsync(IComplaintSource source, CancellationToken cancellationToken = default);
}
