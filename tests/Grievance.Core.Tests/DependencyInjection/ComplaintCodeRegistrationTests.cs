using Grievance.Codes;
using Grievance.Codes.Internal;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.ServiceDirectory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grievance.Core.Tests.DependencyInjection;

public class ComplaintCodeRegistrationTests
{
    [Fact]
    public async Task AddGrievance_Defaults_IssueCodesFromTheInMemorySequence()
    {
        using var provider = Build(_ => { });

        Assert.IsType<InMemorySequenceSource>(provider.GetRequiredService<ISequenceSource>());
        var generator = provider.GetRequiredService<IComplaintCodeGenerator>();
        Assert.IsType<DefaultComplaintCodeGenerator>(generator);
        var code = await generator.NextAsync(new DistrictId("LKO"), new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("LKO-2611-0000N", code.Value);
    }

    [Fact]
    public async Task ConfigureCodes_Delegate_ChangesTheFormat()
    {
        using var provider = Build(b => b.ConfigureCodes(o =>
        {
            o.TriageScope = "XTR";
            o.SequenceDigits = 6;
        }));

        var code = await provider.GetRequiredService<IComplaintCodeGenerator>().NextAsync(null, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("XTR-2611-000000", code.Value[..^1]);
    }

    [Fact]
    public void ConfigureCodes_Section_BindsTheOptions()
    {
        var section = Configuration(new() { ["GrievanceCodes:TriageScope"] = "XTR", ["GrievanceCodes:SequenceBlockSize"] = "50" });

        using var provider = Build(b => b.ConfigureCodes(section));

        var options = provider.GetRequiredService<IOptions<ComplaintCodeOptions>>().Value;
        Assert.Equal("XTR", options.TriageScope);
        Assert.Equal(50, options.SequenceBlockSize);
    }

    [Fact]
    public void ConfigureCodes_SectionWithUnknownKey_FailsAtStartup()
    {
        var section = Configuration(new() { ["GrievanceCodes:TriageScop"] = "XTR" });

        using var provider = Build(b => b.ConfigureCodes(section));

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Theory]
    [InlineData("tri", null, 4, 20, "TriageScope")]
    [InlineData("TRIAGE", null, 4, 20, "TriageScope")]
    [InlineData("", null, 4, 20, "TriageScope")]
    [InlineData("LKO", null, 4, 20, "district Lucknow")]
    [InlineData("TRI", null, 0, 20, "SequenceDigits")]
    [InlineData("TRI", null, 19, 20, "SequenceDigits")]
    [InlineData("TRI", null, 4, 0, "SequenceBlockSize")]
    [InlineData("TRI", "Mars/Olympus_Mons", 4, 20, "TimeZone")]
    public void ConfigureCodes_InvalidOptions_ThrowOptionsValidationExceptionAtStartup(string triage, string? timeZone, int digits, int blockSize, string expected)
    {
        using var provider = Build(b => b.ConfigureCodes(o =>
        {
            o.TriageScope = triage;
            o.TimeZone = timeZone;
            o.SequenceDigits = digits;
            o.SequenceBlockSize = blockSize;
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(typeof(ComplaintCodeOptions), ex.OptionsType);
        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AddGrievance_GazetteerWithADistrictIdThatCannotHeadACode_FailsAtStartup()
    {
        var lucknow = Gazetteer.UttarPradesh.Districts[0] with { Id = new DistrictId("LKNW") };
        var gazetteer = new Gazetteer("Test", [lucknow], []);

        using var provider = Build(b => b.UseGazetteer(gazetteer));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(ex.Failures, f => f.Contains("'LKNW'", StringComparison.Ordinal));
    }

    [Fact]
    public void AddGrievance_ValidDefaults_PassStartupValidation()
    {
        using var provider = Build(_ => { });

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task UseSequenceBlocks_TakesNumbersFromReservedBlocks()
    {
        using var provider = Build(b => b.UseSequenceBlocks<RecordingAllocator>().ConfigureCodes(o => o.SequenceBlockSize = 100));

        Assert.IsType<HiLoSequenceSource>(provider.GetRequiredService<ISequenceSource>());
        var code = await provider.GetRequiredService<IComplaintCodeGenerator>().NextAsync(new DistrictId("LKO"), new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(5000, code.Sequence);
        Assert.Equal(100, provider.GetRequiredService<RecordingAllocator>().LastCount);
    }

    [Fact]
    public void UseSequenceSource_ReplacesTheDefault()
    {
        using var provider = Build(b => b.UseSequenceSource<FixedSource>());

        Assert.IsType<FixedSource>(provider.GetRequiredService<ISequenceSource>());
    }

    [Fact]
    public void BuilderExtensions_NullArguments_ThrowWithParameterNames()
    {
        var builder = new ServiceCollection().AddGrievance();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IGrievanceBuilder)null!).ConfigureCodes(_ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.ConfigureCodes((Action<ComplaintCodeOptions>)null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => builder.ConfigureCodes((IConfigurationSection)null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IGrievanceBuilder)null!).UseSequenceSource<FixedSource>()).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IGrievanceBuilder)null!).UseSequenceBlocks<RecordingAllocator>()).ParamName);
    }

    private static ServiceProvider Build(Action<IGrievanceBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<RecordingAllocator>();
        configure(services.AddGrievance());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IConfigurationSection Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ComplaintCodeOptions.SectionName);

    private sealed class FixedSource : ISequenceSource
    {
        public ValueTask<long> NextAsync(SequenceScope scope, CancellationToken cancellationToken = default) => ValueTask.FromResult(7L);
    }

    private sealed class RecordingAllocator : ISequenceBlockAllocator
    {
        public int LastCount { get; private set; }

        public ValueTask<long> ReserveAsync(SequenceScope scope, int count, CancellationToken cancellationToken = default)
        {
            LastCount = count;
            return ValueTask.FromResult(5000L);
        }
    }
}
