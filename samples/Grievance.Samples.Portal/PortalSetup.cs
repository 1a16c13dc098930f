using Grievance.DependencyInjection;
using Grievance.Twitter;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grievance.Samples.Portal;

/// <summary>The portal's wiring of the library that is more than one line.</summary>
internal static class PortalSetup
{
    /// <summary>The SQLite file: <c>Portal:Database</c> (relative to the content root), or <c>App_Data/portal.db</c>; its folder is created.</summary>
    public static string DatabasePath(PortalOptions options, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(
            string.IsNullOrWhiteSpace(options.Database) ? Path.Combine("App_Data", "portal.db") : options.Database,
            environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>
    /// An in-process fake X seeded with the demo feed (the console and worker samples' 27 complaints), reached through the
    /// real X client, as the worker sample does; tests replace the <see cref="FakeXApi"/> singleton or the clock.
    /// </summary>
    public static void AddFakeX(IServiceCollection services, IGrievanceBuilder grievance)
    {
        services.TryAddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var fake = new FakeXApi(time);
            DemoFeed.Seed(fake, time.GetUtcNow().AddHours(-4));
            return fake;
        });

        var twitter = grievance.AddTwitter(o => o.BaseAddress = FakeXApi.BaseAddress);
        services.AddOptions<TwitterOptions>().Configure<FakeXApi>((o, fake) =>
        {
            o.BearerToken = fake.AppBearerToken;
            foreach (var (id, username) in DemoFeed.Desks)
            {
                o.Accounts.Add(new TwitterAccountOptions { UserId = id, Username = username, UserAccessToken = fake.UserTokenFor(id) });
            }
        });
        twitter.HttpClient.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<FakeXApi>().CreateHandler());
    }
}
