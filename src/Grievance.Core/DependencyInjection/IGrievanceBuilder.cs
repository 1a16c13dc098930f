using Microsoft.Extensions.DependencyInjection;

namespace Grievance.DependencyInjection;

/// <summary>Returned by <c>AddGrievance</c>; channel and storage packages extend it (<c>.AddTwitter(...)</c>, <c>.UseSqliteStore(...)</c>).</summary>
public interface IGrievanceBuilder
{
    /// <summary>Gets the service collection Grievance is registered in.</summary>
    IServiceCollection Services { get; }
}
