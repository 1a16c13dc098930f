namespace Grievance.Intake;

/// <summary>Tells a new complaint from a follow-up, a status query, or a message that is not a grievance.</summary>
public interface IMessageClassifier
{
    /// <summary>Classifies a validated, not yet handled message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The classification.</returns>
    ValueTask<MessageClassification> ClassifyAsync(InboundMessage message, CancellationToken cancellationToken = default);
}
