using Grievance.DependencyInjection;
using Grievance.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grievance.Open311.AspNetCore.Tests;

public sealed class Open311RegistrationTests
{
    [Fact]
    public void AddOpen311_NullArguments_ThrowWithTheParameterName()
    {
        var builder = new ServiceCollection().AddGrievance();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => Open311GrievanceBuilderExtensions.AddOpen311(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.AddOpen311((Action<Open311Options>)null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => builder.AddOpen311((IConfigurationSection)null!)).ParamName);
    }

    [Fact]
    public async Task MapOpen311_WithoutAddOpen311_ExplainsWhatIsMissing()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrievance(TestServices.SampleDepartments);
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapOpen311());

        Assert.Contains("AddOpen311", error.Message, StringComparison.Ordinal);
        Assert.Equal("endpoints", Assert.Throws<ArgumentNullException>(() => Open311EndpointRouteBuilderExtensions.MapOpen311(null!)).ParamName);
        Assert.Throws<ArgumentException>(() => app.MapOpen311(" "));
    }

    public static TheoryData<string, Action<Open311Options>> Misconfigurations => new()
    {
        { "JurisdictionId", o => o.JurisdictionId = string.Empty },
        { "at least one service", o => o.Services.Clear() },
        { "listed twice", o => o.Services.Add(new Open311ServiceOptions { Code = "pwr-01", Name = "Again", Category = "billing" }) },
        { "already has a service", o => o.Services.Add(new Open311ServiceOptions { Code = "PWR-02", Name = "Again", Category = "power-outage" }) },
        { "no department owns category", o => o.Services.Add(new Open311ServiceOptions { Code = "X-1", Name = "Potholes", Category = "potholes" }) },
        { "not a configured department", o => o.Services.Add(new Open311ServiceOptions { Code = "X-1", Name = "Potholes", Category = "potholes", Department = "roads" }) },
        { "not a configured department", o => o.Department = "roads" },
        { "shorter than 16", o => o.ApiKeys["other-app"] = "short" },
        { "share a key", o => o.ApiKeys["other-app"] = Open311Host.ApiKey },
        { "Code", o => o.Services[0].Code = "has space" },
        { "MaxRequests", o => o.MaxRequests = 1001 },
        { "MaxDateRange", o => o.MaxDateRange = TimeSpan.FromDays(91) },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public async Task Start_InvalidOptions_FailsWithTheReason(string expected, Action<Open311Options> breakIt)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => Open311Host.StartAsync(breakIt));

        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_ServiceOfAnExplicitDepartment_Valid()
    {
        await using var host = await Open311Host.StartAsync(o => o.Services.Add(new Open311ServiceOptions { Code = "ROAD-1", Name = "Potholes", Category = "potholes", Department = "power" }));

        var code = await host.PostValidAsync("Big pothole", ("service_code", "ROAD-1"));

        var complaint = await host.Store.FindByCodeAsync(Codes.ComplaintCode.Parse(code));
        Assert.Equal(new Complaints.CategoryId("potholes"), complaint!.Category);
        Assert.Equal(new Complaints.DepartmentId("power"), complaint.Department);
    }

    [Fact]
    public void AddOpen311_FromConfiguration_BindsAndRejectsUnknownKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Open311:JurisdictionId"] = "up.gov.in",
            ["Open311:ApiKeys:citizen-app"] = Open311Host.ApiKey,
            ["Open311:Services:0:Code"] = "PWR-01",
            ["Open311:Services:0:Name"] = "Power outage",
            ["Open311:Services:0:Category"] = "power-outage",
            ["Open311:IncludeDescriptions"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddGrievance(TestServices.SampleDepartments).AddOpen311(configuration.GetSection("Open311"));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<Open311Options>>().Value);
    }

    [Fact]
    public void AddOpen311_ConventionalSections_BindBesideGrievanceWithoutUnknownKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grievance:Departments:0:Id"] = "power",
            ["Grievance:Departments:0:Name"] = "UPPCL",
            ["Grievance:Departments:0:Categories:0"] = "power-outage",
            [$"{Open311Options.SectionName}:JurisdictionId"] = "uppcl.org",
            [$"{Open311Options.SectionName}:ApiKeys:citizen-app"] = Open311Host.ApiKey,
            [$"{Open311Options.SectionName}:Services:0:Code"] = "PWR-01",
            [$"{Open311Options.SectionName}:Services:0:Name"] = "Power outage",
            [$"{Open311Options.SectionName}:Services:0:Category"] = "power-outage",
        }).Build();
        var services = new ServiceCollection();
        services.AddGrievance(configuration.GetSection(GrievanceOptions.SectionName)).AddOpen311(configuration.GetSection(Open311Options.SectionName));
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetRequiredService<IOptions<GrievanceOptions>>().Value.Departments);
        Assert.Equal("PWR-01", Assert.Single(provider.GetRequiredService<IOptions<Open311Options>>().Value.Services).Code);
    }

    [Fact]
    public async Task AddOpen311_Twice_RouterWrappedOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Some.Now));
        var builder = services.AddGrievance(TestServices.SampleDepartments);
        builder.AddOpen311(Open311Host.Configure).AddOpen311(o => o.IncludeDescription = true);
        await using var provider = services.BuildServiceProvider();

        var router = provider.GetRequiredService<Routing.IComplaintRouter>();

        Assert.Single(services, d => d.ServiceType == typeof(Routing.IComplaintRouter));
        Assert.Equal("Open311ServiceRouter", router.GetType().Name);
    }
}
