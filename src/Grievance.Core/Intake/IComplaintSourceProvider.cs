namespace Grievance.Intake;

/// <summary>Supplies complaint sources whose number is known only from configuration (for example one per desk account).</summary>
/// <remarks>Channel packages register providers; hosts run every source of every provider.</remarks>
public interface IComplaintSourceProvider
{
    /// <summary>Gets the sources.</summary>
    /// <returns>The sources, each with a stable <see cref="IComplaintSource.Name"/>.</returns>
    IReadOnlyList<IComplaintSource> GetSources();
}
