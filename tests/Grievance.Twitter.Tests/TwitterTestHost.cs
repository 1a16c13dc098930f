using Grievance.DependencyInjection;
using Grievance.TestUtilities;
using Grievance.Twitter.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests;

/// <summary>The real container with the X channel over a given handler and a fake clock.</summary>
public static class TwitterTestHost
{
    public const string DeskId = "1500000000000000001";
    public const string DeskName = "SevaDeskUP";

    public static ServiceProvider Create(HttpMessageHandler handler, FakeTimeProvider? time = null, Action<TwitterOptions>? configure = null, Action<GrievanceOptions>? grievance = null, Action<ITwitterBuilder>? twitter = null, Action<IServiceCollection>? configureServices = null, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        extra?.Invoke(services);
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(Some.Now));
        configureServices?.Invoke(services);
        var builder = services.AddGrievance(o =>
            {
                TestServices.SampleDepartments(o);
                var desk = new DepartmentOptions { Id = "desk", Name = "Seva Desk" };
                desk.Handles.Add(DeskName);
                o.Departments.Add(desk);
                grievance?.Invoke(o);
            })
            .AddTwitter(o =>
            {
                o.BearerToken = "app-token";
                o.UserAccessToken = "user-token";
                o.Accounts.Add(new TwitterAccountOptions { UserId = DeskId, Username = DeskName });
                configure?.Invoke(o);
            });
        builder.HttpClient.ConfigurePrimaryHttpMessageHandler(() => Checked(handler));
        twitter?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// Puts the OpenAPI check in front of a handler: every request is checked; responses too, except a stub's, whose
    /// canned bodies are sometimes malformed on purpose.
    /// </summary>
    public static HttpMessageHandler Checked(HttpMessageHandler handler) =>
        handler as OpenApi.OpenApiCheckingHandler ?? new OpenApi.OpenApiCheckingHandler(handler, checkResponses: handler is not StubHttpMessageHandler);
}
