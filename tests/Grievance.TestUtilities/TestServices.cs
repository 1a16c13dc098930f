using Grievance.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.TestUtilities;

/// <summary>Builds a real container with Grievance registered on a fake clock.</summary>
public static class TestServices
{
    /// <summary>The departments most tests use: police and power with sample handles.</summary>
    public static void SampleDepartments(GrievanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var police = new DepartmentOptions { Id = "police", Name = "UP Police", HindiName = "उत्तर प्रदेश पुलिस", DefaultCategory = "other" };
        police.Handles.Add("Uppolice");
        police.Handles.Add("@lucknowpolice_Sample");
        police.Categories.Add("theft");
        var power = new DepartmentOptions { Id = "power", Name = "UPPCL", HindiName = "बिजली विभाग", DefaultCategory = "power-outage" };
        power.Handles.Add("UPPCL_Sample");
        power.Categories.Add("power-outage");
        power.Categories.Add("billing");
        options.Departments.Add(police);
        options.Departments.Add(power);
    }

    /// <summary>Creates a provider with the sample departments and a fake clock set to <see cref="Some.Now"/>.</summary>
    public static ServiceProvider Create(Action<IGrievanceBuilder>? extra = null, Action<GrievanceOptions>? configure = null, FakeTimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(Some.Now));
        var builder = services.AddGrievance(o =>
        {
            SampleDepartments(o);
            configure?.Invoke(o);
        });
        extra?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
