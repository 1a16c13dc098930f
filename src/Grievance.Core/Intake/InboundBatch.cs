namespace Grievance.Intake;

/// <summary>A batch of messages read from a source, and the checkpoint to commit once every message of the window is stored.</summary>
public sealed record InboundBatch
{
    /// <summary>Gets the messages of this batch.</summary>
    public required IReadOnlyList<InboundMessage> Messages { get; init; }

    /// <summary>
    /// Gets the source's cursor to commit after this batch and every batch before it in the same read are stored,
    /// or <see langword="null"/> when the window is not complete yet (for example an intermediate page of mentions).
    /// </summary>
    public string? Checkpoint { get; init; }
}
