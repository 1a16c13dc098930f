using Grievance.DependencyInjection;
using Grievance.Twitter;
using Grievance.Twitter.DependencyInjection;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grievance.Samples;

/// <summary>The samples' X: an in-process fake X seeded with the demo feed, reached through the real X client.</summary>
public static class DemoFakeX
{
    /// <summary>
    /// Registers a <see cref="FakeXApi"/> singleton seeded with <see cref="DemoFeed"/> (posted in the four hours before the
    /// clock's now) and the X channel pointed at it, with the demo desks' tokens. Tests replace the <see cref="FakeXApi"/>
    /// singleton (registered with TryAdd) or the clock.
    /// </summary>
    /// <param name="grievance">The Grievance builder.</param>
    /// <returns>The X channel's builder.</returns>
    public static ITwitterBuilder AddDemoFakeX(this IGrievanceBuilder grievance)
    {
        ArgumentNullException.ThrowIfNull(grievance);
        var services = grievance.Services;
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
        return twitter;
    }
}
