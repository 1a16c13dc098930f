using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.TestUtilities;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Testing;

public class FakeXServerTests
{
    [Fact]
    public async Task Server_OverLoopbackHttp_ServesTheRealClientEndToEnd()
    {
        var time = new FakeTimeProvider(Some.Now);
        var fake = new FakeXApi(time);
        var desk = fake.AddUser(TwitterTestHost.DeskId, TwitterTestHost.DeskName);
        var citizen = fake.AddUser("1600000000000000042", "ravi_lko");
        fake.AddPost(citizen.Id, "@SevaDeskUP streetlight out near Gomti Nagar, Lucknow & no response");
        await using var server = FakeXServer.Start(fake);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddGrievance(o =>
            {
                var department = new DepartmentOptions { Id = "municipal", Name = "Nagar Nigam" };
                department.Handles.Add(TwitterTestHost.DeskName);
                o.Departments.Add(department);
            })
            .AddTwitter(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.BearerToken = fake.AppBearerToken;
                o.Accounts.Add(new TwitterAccountOptions { UserId = desk.Id, Username = desk.Username, UserAccessToken = fake.UserTokenFor(desk.Id) });
            });
        await using var provider = services.BuildServiceProvider();

        var source = Assert.Single(provider.GetRequiredService<IComplaintSourceProvider>().GetSources());
        var run = await provider.GetRequiredService<IIntakePipeline>().RunAsync(source);
        var dispatch = await provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();

        Assert.Equal(1, run.Created);
        Assert.Equal(1, dispatch.Sent);
        var reply = Assert.Single(fake.CreatedPosts);
        Assert.Equal(desk.Id, reply.AuthorId);
        Assert.StartsWith("Complaint LKO-", reply.Text, StringComparison.Ordinal);
        Assert.Contains(fake.Requests, r => r.Method == "GET" && r.PathAndQuery.StartsWith("/2/users/1500000000000000001/mentions?", StringComparison.Ordinal));
    }
}
