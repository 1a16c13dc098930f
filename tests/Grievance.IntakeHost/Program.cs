using Grievance;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.Twitter;
using Microsoft.Extensions.DependencyInjection;

// Usage: Grievance.IntakeHost --store sqlite|postgres --connection CS [--schema S] --x URL --desk ID:USERNAME --stop FILE
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

string Required(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");
var (deskId, deskName) = Required("--desk").Split(':') is [var id, var name] ? (id, name) : throw new ArgumentException("--desk is ID:USERNAME.");
var stopFile = Required("--stop");

var services = new ServiceCollection();
var grievance = services.AddGrievance(o =>
{
    o.OutboxLease = TimeSpan.FromSeconds(3);
    var desk = new DepartmentOptions { Id = "police", Name = "Police" };
    desk.Handles.Add(deskName);
    o.Departments.Add(desk);
});
if (Required("--store") == "sqlite")
{
    grievance.UseSqliteStore(Required("--connection"));
}
else
{
    grievance.UsePostgreSqlStore(o =>
    {
        o.ConnectionString = Required("--connection");
        o.Schema = options.GetValueOrDefault("--schema", "grievance");
    });
}

grievance.AddTwitter(o =>
{
    o.BaseAddress = new Uri(Required("--x"));
    o.BearerToken = "fake-app-bearer";
    o.Accounts.Add(new TwitterAccountOptions { UserId = deskId, Username = deskName, UserAccessToken = "fake-user-" + deskId });
});

await using var provider = services.BuildServiceProvider();
var pipeline = provider.GetRequiredService<IIntakePipeline>();
var leases = provider.GetRequiredService<ISourceLeaseProvider>();
var dispatcher = provider.GetRequiredService<IOutboxDispatcher>();
var sources = provider.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()).ToList();
Console.WriteLine($"ready {Environment.ProcessId}");

while (!File.Exists(stopFile))
{
    foreach (var source in sources)
    {
        await using var lease = await leases.TryAcquireAsync(source.Name);
        if (lease is not null)
        {
            try
            {
                await pipeline.RunAsync(source);
            }
            catch (Grievance.Twitter.Http.TwitterApiException ex)
            {
                Console.Error.WriteLine($"intake: {ex.GetType().Name} {ex.StatusCode}");
            }
        }
    }

    var sent = await dispatcher.DispatchAsync(500);
    if (sent.Sent == 0)
    {
        await Task.Delay(50);
    }
}

return 0;
