using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.TestUtilities;
using Grievance.Twitter.Http;
using Grievance.Twitter.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Tests.DependencyInjection;

public class TwitterGrievanceBuilderExtensionsTests
{
    [Fact]
    public void AddTwitter_RegistersClientSourcesPerAccountAndNotifier()
    {
        using var services = TwitterTestHost.Create(new StubHttpMessageHandler(), configure: o =>
            o.Accounts.Add(new TwitterAccountOptions { UserId = "1500000000000000002", Username = "@lucknowpolice_Sample" }));

        Assert.NotNull(services.GetRequiredService<ITwitterApiClient>());
        Assert.NotNull(services.GetRequiredService<ITwitterRateLimitProvider>());
        var sources = services.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()).ToList();
        Assert.Equal(["x:mentions:1500000000000000001", "x:mentions:1500000000000000002"], sources.Select(s => s.Name));
        Assert.Contains(services.GetServices<ICitizenNotifier>(), n => n.Channel == Channels.X);
    }

    [Fact]
    public async Task AddTwitter_RegistersTheXMessagePolicy_LongPostLimitForIntake()
    {
        using var services = TwitterTestHost.Create(new StubHttpMessageHandler());

        var policy = Assert.Single(services.GetServices<IChannelMessagePolicy>(), p => p.Channel == Channels.X);
        var pipeline = services.GetRequiredService<IIntakePipeline>();
        var longPost = await pipeline.ProcessAsync(Some.Message(
            "@SevaDeskUP " + string.Concat(Enumerable.Repeat("No electricity in our street in Lucknow since morning, the transformer is burnt. ", 50)),
            addressed: TwitterTestHost.DeskName));
        var tooLong = await pipeline.ProcessAsync(Some.Message(new string('a', 25_001)));

        Assert.Equal(25_000, policy.MaxInboundLength);
        Assert.False(policy.Fits(new string('a', 281)));
        Assert.Equal(IntakeOutcome.Created, longPost.Outcome);
        Assert.Equal(IntakeOutcome.Rejected, tooLong.Outcome);
    }

    [Fact]
    public void AddTwitter_ExposesTheHttpClientBuilderForTheHost()
    {
        var services = new ServiceCollection();

        var twitter = services.AddGrievance().AddTwitter(o => o.BearerToken = "t");

        Assert.Same(services, twitter.Grievance.Services);
        Assert.Equal(services, twitter.HttpClient.Services);
    }

    public static TheoryData<string, Action<TwitterOptions>, string> BadOptions() => new()
    {
        { "no bearer", o => o.BearerToken = null, "BearerToken" },
        { "empty bearer", o => o.BearerToken = " ", "BearerToken is empty" },
        { "no accounts", o => o.Accounts.Clear(), "at least one desk account" },
        { "bad user id", o => o.Accounts[0].UserId = "12ab", "1-19 digits" },
        { "bad username", o => o.Accounts[0].Username = "has space", "letters, digits or underscores" },
        { "duplicate account", o => o.Accounts.Add(new TwitterAccountOptions { UserId = "1", Username = "Desk" }), "'Desk' is listed more than once" },
        { "plain http", o => o.BaseAddress = new Uri("http://api.x.com/"), "must use https" },
        { "page too big", o => o.MaxResults = 500, "MaxResults" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task AddTwitter_InvalidOptions_FailAtStartup(string scenario, Action<TwitterOptions> configure, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddGrievance().AddTwitter(o =>
        {
            o.BearerToken = "token";
            o.Accounts.Add(new TwitterAccountOptions { UserId = "1500000000000000001", Username = "Desk" });
            configure(o);
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.NotEmpty(scenario);
    }

    [Fact]
    public void AddTwitter_ConfigurationSection_BindsAndRejectsUnknownKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GrievanceTwitter:BearerToken"] = "t",
            ["GrievanceTwitter:Accounts:0:UserId"] = "1500000000000000001",
            ["GrievanceTwitter:Accounts:0:Username"] = "Desk",
            ["GrievanceTwitter:BearerTokn"] = "typo",
        }).Build();
        var services = new ServiceCollection();
        services.AddGrievance().AddTwitter(configuration.GetSection(TwitterOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<TwitterOptions>>().Value);
        Assert.Contains("BearerTokn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConventionalSections_SitBesideTheStrictlyBoundGrievanceSection()
    {
        // "Grievance" is bound with unknown keys refused, so the channel's sections must not nest inside it.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{GrievanceOptions.SectionName}:Departments:0:Id"] = "police",
            [$"{GrievanceOptions.SectionName}:Departments:0:Name"] = "Police",
            [$"{GrievanceOptions.SectionName}:Departments:0:Handles:0"] = "Desk",
            [$"{TwitterOptions.SectionName}:BearerToken"] = "t",
            [$"{TwitterOptions.SectionName}:ConsumerSecret"] = "s",
            [$"{TwitterOptions.SectionName}:Accounts:0:UserId"] = "1500000000000000001",
            [$"{TwitterOptions.SectionName}:Accounts:0:Username"] = "Desk",
            [$"{TwitterWebhookOptions.SectionName}:MaxBodyBytes"] = "4096",
        }).Build();
        var services = new ServiceCollection();
        services.AddGrievance(configuration.GetSection(GrievanceOptions.SectionName))
            .AddTwitter(configuration.GetSection(TwitterOptions.SectionName))
            .AddWebhooks(configuration.GetSection(TwitterWebhookOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("police", provider.GetRequiredService<IOptions<GrievanceOptions>>().Value.Departments.Single().Id);
        Assert.Equal("Desk", provider.GetRequiredService<IOptions<TwitterOptions>>().Value.Accounts.Single().Username);
        Assert.Equal(4096, provider.GetRequiredService<IOptions<TwitterWebhookOptions>>().Value.MaxBodyBytes);
    }

    [Fact]
    public void AddTwitter_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddGrievance();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IGrievanceBuilder)null!).AddTwitter(_ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.AddTwitter((Action<TwitterOptions>)null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => builder.AddTwitter((IConfigurationSection)null!)).ParamName);
    }
}
