using Grievance.Intake;

namespace Grievance.Routing;

/// <summary>Decides which department, district and category a new complaint belongs to.</summary>
public interface IComplaintRouter
{
    /// <summary>Routes a message.</summary>
    /// <param name="message">The validated message.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>The decision, with reasons. Never <see langword="null"/>: an unsure router sends the complaint to triage.</returns>
    ValueTask<RoutingDecision> RouteAsync(InboundMessage message, CancellationToken cancellationToken = default);
}
