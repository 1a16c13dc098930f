using System.Text;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Routing;
using Grievance.ServiceDirectory;
using Grievance.Storage;
using Grievance.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace Grievance.Core.Tests.DependencyInjection;

public class GrievanceServiceCollectionExtensionsTests
{
    [Fact]
    public void AddGrievance_Defaults_ResolveEveryPart()
    {
        var services = new ServiceCollection();
        services.AddGrievance();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<IIntakePipeline>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(Gazetteer.UttarPradesh, provider.GetRequiredService<IServiceDirectory>().Gazetteer);
        Assert.Equal("triage", provider.GetRequiredService<IServiceDirectory>().Triage.Id.Value);
        var store = provider.GetRequiredService<IComplaintStore>();
        Assert.Same(store, provider.GetRequiredService<IOutboxStore>());
        Assert.Same(store, provider.GetRequiredService<ICheckpointStore>());
        Assert.Equal(TimeSpan.FromDays(21), provider.GetRequiredService<IOptions<GrievanceOptions>>().Value.DefaultResolutionTime);
    }

    [Fact]
    public void AddGrievance_ReturnsBuilderOnTheSameServices()
    {
        var services = new ServiceCollection();

        var builder = services.AddGrievance();

        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void AddGrievance_CalledTwice_RegistersServicesOnceAndKeepsBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddGrievance(o => o.TriageDepartment = "state-cell");
        var count = services.Count;
        services.AddGrievance(o => o.MaxInboundTextLength = 500);

        Assert.True(services.Count - count <= 2, "the second call may only add its options configuration");
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<GrievanceOptions>>().Value;
        Assert.Equal("state-cell", options.TriageDepartment);
        Assert.Equal(500, options.MaxInboundTextLength);
        Assert.Single(provider.GetServices<FluentValidation.IValidator<InboundMessage>>());
    }

    [Fact]
    public void AddGrievance_ServiceRegisteredBefore_WinsOverTheDefault()
    {
        var services = new ServiceCollection();
        var router = Mock.Of<IComplaintRouter>();
        services.AddSingleton(router);
        services.AddGrievance();
        using var provider = services.BuildServiceProvider();

        Assert.Same(router, provider.GetRequiredService<IComplaintRouter>());
    }

    [Fact]
    public void UseRouter_AfterAddGrievance_ReplacesTheDefault()
    {
        using var provider = TestServices.Create(b => b.UseRouter<FixedRouter>());

        Assert.IsType<FixedRouter>(provider.GetRequiredService<IComplaintRouter>());
    }

    [Fact]
    public async Task UseCodeGenerator_Replacement_IsUsedByIntake()
    {
        using var provider = TestServices.Create(b => b.UseCodeGenerator<FixedGenerator>());

        var result = await provider.GetRequiredService<IIntakePipeline>().ProcessAsync(Some.Message("no place named", addressed: "Uppolice"));

        Assert.Equal(ComplaintCode.Create("ABC", 2026, 11, 1), result.Code);
        var generator = Assert.IsType<FixedGenerator>(provider.GetRequiredService<IComplaintCodeGenerator>());
        Assert.Equal([(null, Some.Now)], generator.Calls);
    }

    [Fact]
    public void UseGazetteer_ReplacesPlaceData()
    {
        const string json = """
            { "state": { "name": "Testland" },
              "districts": [ { "id": "AAA", "name": "Alpha", "hindi": "अ", "division": "One", "hq": { "town": "Alpha", "lat": 1, "lon": 2 } } ],
              "divisions": [ { "name": "One", "hindi": "एक", "headquarters": "Alpha", "districts": [ "AAA" ] } ] }
            """;
        var gazetteer = Gazetteer.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        using var provider = TestServices.Create(b => b.UseGazetteer(gazetteer));

        Assert.Equal("Testland", provider.GetRequiredService<IServiceDirectory>().Gazetteer.StateName);
    }

    [Fact]
    public void AddGrievance_ConfigurationSection_BindsDepartments()
    {
        var section = Configuration("""
            { "Grievance": { "TriageDepartment": "state-cell", "Departments": [
                { "Id": "water", "Name": "Jal Nigam", "Handles": [ "@UPJalNigam_Sample" ], "Categories": [ "water-supply", "sewage" ], "DefaultCategory": "water-supply" } ] } }
            """);
        var services = new ServiceCollection();
        services.AddGrievance(section);
        using var provider = services.BuildServiceProvider();

        var directory = provider.GetRequiredService<IServiceDirectory>();
        Assert.Equal("water", directory.FindDepartmentByHandle("upjalnigam_sample")?.Id.Value);
        Assert.Equal("state-cell", directory.Triage.Id.Value);
        Assert.Equal(2, directory.Departments.Count);
    }

    [Fact]
    public async Task AddGrievance_UnknownConfigurationKey_FailsAtStartup()
    {
        var section = Configuration("""{ "Grievance": { "TriageDepartmant": "typo" } }""");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartHostAsync(s => s.AddGrievance(section)));
        Assert.Contains("TriageDepartmant", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<GrievanceOptions>, string> BadOptions() => new()
    {
        { "empty triage", o => o.TriageDepartment = "", "TriageDepartment" },
        { "bad triage id", o => o.TriageDepartment = "Triage Cell", "lower-case letters" },
        { "unknown time zone", o => o.TimeZone = "Mars/Olympus", "Mars/Olympus" },
        { "zero text limit", o => o.MaxInboundTextLength = 0, "MaxInboundTextLength" },
        { "zero intake group size", o => o.IntakeGroupSize = 0, "IntakeGroupSize" },
        { "intake group size too large", o => o.IntakeGroupSize = 10_001, "IntakeGroupSize" },
        { "resolution too short", o => o.DefaultResolutionTime = TimeSpan.FromSeconds(1), "DefaultResolutionTime" },
        { "template without code", o => o.AcknowledgementTemplate = "Thanks, we got it.", "'{code}' placeholder" },
        { "department without name", o => o.Departments.Add(new DepartmentOptions { Id = "roads" }), "Name" },
        { "department bad id", o => o.Departments.Add(new DepartmentOptions { Id = "Roads Dept", Name = "PWD" }), "lower-case letters" },
        { "duplicate department", o => o.Departments.Add(new DepartmentOptions { Id = "police", Name = "Again" }), "'police' is used by more than one" },
        { "duplicate handle", o => AddWithHandle(o, "roads", "@uppolice"), "'@uppolice' is already used by department 'police'" },
        { "category owned twice", o => AddWithCategory(o, "roads", "billing"), "'billing' is already owned by department 'power'" },
        { "district handle of an unknown district", o => o.Departments[0].DistrictHandles["atlantispolice_Sample"] = "ATL", "names district 'ATL', which the gazetteer of Uttar Pradesh does not have" },
        { "district handle used twice", o => AddWithDistrictHandle(o, "roads", "UPPCL_Sample", "LKO"), "'@UPPCL_Sample' is already used by department 'power'" },
        { "unit in an unknown district", o => o.Departments[0].Units.Add(new UnitOptions { Name = "Thana X", District = "ZZZ" }), "unit 'Thana X' names district 'ZZZ'" },
        { "unit without a name", o => o.Departments[0].Units.Add(new UnitOptions { District = "LKO" }), "Name" },
        { "rule without keywords", o => o.Routing.Rules.Add(new RoutingRuleOptions { Category = "billing" }), "Routing.Rules[0] (Problem): the rule has no keywords" },
        { "problem rule without a category", o => o.Routing.Rules.Add(Rule(RoutingRuleKind.Problem, null, null, "bijli")), "a Problem rule needs a Category" },
        { "rule of an unknown department", o => o.Routing.Rules.Add(Rule(RoutingRuleKind.Context, null, "railways", "train")), "the department 'railways' is not a configured department" },
        { "not-a-grievance rule without a reason", o => o.Routing.Rules.Add(Rule(RoutingRuleKind.NotAGrievance, null, null, "hello")), "needs a Reason" },
        { "keyword of punctuation only", o => o.Routing.Rules.Add(Rule(RoutingRuleKind.Problem, "billing", null, "!!!")), "the keyword '!!!' has no letters or digits" },
        { "rule weight out of range", o => o.Routing.Rules.Add(Rule(RoutingRuleKind.Problem, "billing", null, "bill", 50)), "Weight" },
        { "geo radius out of range", o => o.Routing.GeoRadiusKilometers = 0, "GeoRadiusKilometers" },
        { "category listed twice in precedence", o => { o.Routing.CategoryPrecedence.Add("theft"); o.Routing.CategoryPrecedence.Add("Theft"); }, "'Theft' is listed more than once" },
    };

    [Fact]
    public void AddGrievance_ConfigurationSection_BindsDistrictHandlesUnitsAndRoutingRules()
    {
        var section = Configuration("""
            { "Grievance": { "Departments": [
                { "Id": "police", "Name": "UP Police", "Handles": [ "Uppolice" ], "Categories": [ "theft" ],
                  "DistrictHandles": { "lucknowpolice_Sample": "LKO" },
                  "Units": [ { "Name": "Hazratganj", "District": "LKO", "Kind": "police-station", "Aliases": [ "हजरतगंज" ] } ] } ],
              "Routing": { "GeoRadiusKilometers": 25, "Rules": [ { "Kind": "Problem", "Category": "theft", "Keywords": [ "vahan chori" ] } ] } } }
            """);
        var services = new ServiceCollection();
        services.AddGrievance(section);
        using var provider = services.BuildServiceProvider();

        var directory = provider.GetRequiredService<IServiceDirectory>();
        Assert.Equal("LKO", directory.FindDistrictByHandle("@LucknowPolice_Sample")?.Value);
        Assert.Equal("police", directory.FindDepartmentByHandle("lucknowpolice_sample")?.Id.Value);
        Assert.Equal("police", directory.FindDepartmentByCategory(new CategoryId("theft"))?.Id.Value);
        Assert.Null(directory.FindDepartmentByCategory(CategoryId.Other));
        Assert.Null(directory.FindDistrictByHandle("Uppolice"));
        var unit = Assert.Single(directory.FindDepartment(new DepartmentId("police"))!.Units);
        Assert.Equal(("Hazratganj", "LKO", "police-station"), (unit.Name, unit.District.Value, unit.Kind));
        var options = provider.GetRequiredService<IOptions<GrievanceOptions>>().Value;
        Assert.Equal(25, options.Routing.GeoRadiusKilometers);
        Assert.Equal("vahan chori", Assert.Single(Assert.Single(options.Routing.Rules).Keywords));
    }

    [Fact]
    public async Task AddGrievance_UnknownRoutingKey_FailsAtStartup()
    {
        var section = Configuration("""{ "Grievance": { "Routing": { "GeoRadiusKm": 10 } } }""");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartHostAsync(s => s.AddGrievance(section)));
        Assert.Contains("GeoRadiusKm", ex.Message, StringComparison.Ordinal);
    }

    private static RoutingRuleOptions Rule(RoutingRuleKind kind, string? category, string? department, string keyword, double? weight = null)
    {
        var rule = new RoutingRuleOptions { Kind = kind, Category = category, Department = department, Weight = weight };
        rule.Keywords.Add(keyword);
        return rule;
    }

    private static void AddWithDistrictHandle(GrievanceOptions options, string id, string handle, string district)
    {
        var department = new DepartmentOptions { Id = id, Name = id };
        department.DistrictHandles[handle] = district;
        options.Departments.Add(department);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task AddGrievance_InvalidOptions_ThrowOptionsValidationExceptionAtStartup(string scenario, Action<GrievanceOptions> configure, string expected)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(s => s.AddGrievance(o =>
        {
            TestServices.SampleDepartments(o);
            configure(o);
        })));

        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(scenario));
    }

    [Fact]
    public async Task AddGrievance_ValidOptions_HostStarts()
    {
        await StartHostAsync(s => s.AddGrievance(TestServices.SampleDepartments));
    }

    [Fact]
    public void AddGrievance_NullArguments_Throw()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddGrievance()).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGrievance((Action<GrievanceOptions>)null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGrievance((IConfigurationSection)null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IGrievanceBuilder)null!).UseRouter<FixedRouter>()).ParamName);
        Assert.Equal("gazetteer", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGrievance().UseGazetteer(null!)).ParamName);
    }

    private static void AddWithHandle(GrievanceOptions options, string id, string handle)
    {
        var department = new DepartmentOptions { Id = id, Name = id };
        department.Handles.Add(handle);
        options.Departments.Add(department);
    }

    private static void AddWithCategory(GrievanceOptions options, string id, string category)
    {
        var department = new DepartmentOptions { Id = id, Name = id };
        department.Categories.Add(category);
        options.Departments.Add(department);
    }

    private static IConfigurationSection Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection(GrievanceOptions.SectionName);

    private static async Task StartHostAsync(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }

    private sealed class FixedRouter : IComplaintRouter
    {
        public ValueTask<RoutingDecision> RouteAsync(InboundMessage message, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new RoutingDecision { Department = new DepartmentId("police"), Category = CategoryId.Other, Confidence = 1 });
    }

    private sealed class FixedGenerator : IComplaintCodeGenerator
    {
        public List<(DistrictId?, DateTimeOffset)> Calls { get; } = [];

        public ValueTask<ComplaintCode> NextAsync(DistrictId? district, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
        {
            Calls.Add((district, createdAt));
            return ValueTask.FromResult(ComplaintCode.Create("ABC", 2026, 11, 1));
        }
    }
}
