using Grievance.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Grievance.TestUtilities;

namespace Grievance.Core.Tests.Routing;

/// <summary>A container configured with the console sample's department directory (all ten departments and the district police handles).</summary>
internal static class SampleDirectory
{
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Routing", "Data", name);

    public static ServiceProvider Create(Action<GrievanceOptions>? configure = null, Action<IGrievanceBuilder>? extra = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(DataFile("sample-directory.json"), optional: false).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Some.Now));
        var builder = services.AddGrievance(o =>
        {
            configuration.GetSection(GrievanceOptions.SectionName).Bind(o, b => b.ErrorOnUnknownConfiguration = true);
            configure?.Invoke(o);
        });
        extra?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
