using Microsoft.Extensions.DependencyInjection;

namespace Grievance.DependencyInjection.Internal;

internal sealed class GrievanceBuilder(IServiceCollection services) : IGrievanceBuilder
{
    public IServiceCollection Services { get; } = services;
}

/// <summary>Registered once; its presence makes a second <c>AddGrievance</c> call register nothing twice.</summary>
internal sealed class GrievanceMarkerService;
