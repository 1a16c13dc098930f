using Grievance.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.DependencyInjection;

/// <summary>Configures the per-citizen complaint limits (complaints beyond them are held for review, never dropped).</summary>
public static class CitizenLimitGrievanceBuilderExtensions
{
    /// <summary>Configures the per-citizen limits. The options are validated at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureCitizenLimits(this IGrievanceBuilder builder, Action<CitizenLimitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<CitizenLimitOptions>().Configure(configure);
        return builder;
    }

    /// <summary>Binds the per-citizen limits to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section, conventionally <see cref="CitizenLimitOptions.SectionName"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureCitizenLimits(this IGrievanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptionsWithValidateOnStart<CitizenLimitOptions>().Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }
}
