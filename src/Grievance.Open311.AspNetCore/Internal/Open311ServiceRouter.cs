using Grievance.Intake;
using Grievance.Routing;

namespace Grievance.Open311.Internal;

/// <summary>
/// Routes requests posted through Open311: the client chose the service, so its category and department hold, and the
/// request is a grievance whatever its words; the wrapped router still finds the district from the coordinates, the address
/// and the description. Messages of other channels pass through untouched.
/// </summary>
internal sealed class Open311ServiceRouter(IComplaintRouter inner, Open311Catalog catalog) : IComplaintRouter
{
    public async ValueTask<RoutingDecision> RouteAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var decision = await inner.RouteAsync(message, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(message.Channel, Open311Options.Channel, StringComparison.Ordinal)
            || catalog.FindByExternalId(message.ExternalId) is not { } service)
        {
            return decision;
        }

        var department = service.Department ?? decision.Department;
        return decision with
        {
            IsGrievance = true,
            Department = department,
            Unit = decision.Department == department ? decision.Unit : null,
            Category = service.Category,
            Confidence = 1.0,
            Reasons = [$"Open311 service_code {service.Options.Code} → {service.Category} ({department})", .. decision.Reasons],
        };
    }
}
