using System.Reflection;
using Grievance;
using Grievance.Codes;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Storage;
using Grievance.Twitter;
using Grievance.Twitter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// A department's app in miniature, built against the packed packages (eng/pack-and-consume.sh):
// intake as README's quickstart shows, on a fake X and a SQLite file, then the PostgreSQL store's registration.
// Exit code 0 only when every check holds.
const string DeskId = "1500000000000000001";
const string DeskName = "SevaDeskUP";
string[] mentions =
[
    $"@{DeskName} my bike was stolen near the market in Lucknow last night, please help",
    $"@{DeskName} chain snatching at Hazratganj crossing in Lucknow just now, two men on a black bike",
    $"@{DeskName} loud DJ after midnight every day in our colony in Kanpur Nagar, elderly people cannot sleep",
];

var failures = new List<string>();
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

// 1. The Grievance assemblies are the packed version, not something else found on the way.
var expected = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GrievanceVersion").Value!;
foreach (var assembly in new[]
{
    typeof(GrievanceOptions).Assembly,
    typeof(TwitterOptions).Assembly,
    typeof(FakeXApi).Assembly,
    typeof(SqliteGrievanceBuilderExtensions).Assembly,
    typeof(PostgreSqlGrievanceBuilderExtensions).Assembly,
})
{
    var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
    Check(version == expected || version.StartsWith(expected + "+", StringComparison.Ordinal), $"{assembly.GetName().Name} {version}");
}

// 2. Intake: mentions on the fake X become coded complaints in SQLite, each acknowledged once in its thread.
var fake = new FakeXApi();
fake.AddUser(DeskId, DeskName);
var citizen = fake.AddUser("1600000000000000042", "citizen_smoke");
var posted = mentions.Select(text => fake.AddPost(citizen.Id, text, DateTimeOffset.UtcNow.AddMinutes(-5))).ToList();

var database = Path.Combine(Path.GetTempPath(), $"grievance-package-smoke-{Guid.NewGuid():N}.db");
try
{
    ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddGrievance(o =>
            {
                var desk = new DepartmentOptions { Id = "police", Name = "Police" };
                desk.Handles.Add(DeskName);
                o.Departments.Add(desk);
            })
            .UseSqliteStore($"Data Source={database}")
            .AddTwitter(o =>
            {
                o.BaseAddress = FakeXApi.BaseAddress;
                o.BearerToken = fake.AppBearerToken;
                o.Accounts.Add(new TwitterAccountOptions { UserId = DeskId, Username = DeskName, UserAccessToken = fake.UserTokenFor(DeskId) });
            })
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => fake.CreateHandler());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    async Task<(int Created, int Sent)> RunOnceAsync(IServiceProvider provider)
    {
        var intake = provider.GetRequiredService<IIntakePipeline>();
        var created = 0;
        foreach (var source in provider.GetServices<IComplaintSourceProvider>().SelectMany(p => p.GetSources()))
        {
            created += (await intake.RunAsync(source)).Created;
        }

        var dispatch = await provider.GetRequiredService<IOutboxDispatcher>().DispatchAsync();
        return (created, dispatch.Sent);
    }

    await using (var provider = Build())
    {
        var (created, sent) = await RunOnceAsync(provider);
        Check(created == mentions.Length, $"intake created {created} complaints from {mentions.Length} mentions");
        Check(sent == mentions.Length, $"dispatcher sent {sent} replies");

        var complaints = await provider.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery { Take = 100 });
        Check(complaints.Count == mentions.Length, $"{complaints.Count} complaints stored");
        Check(complaints.Select(c => c.Code).Distinct().Count() == complaints.Count, "codes are distinct");
        foreach (var post in posted)
        {
            var complaint = complaints.SingleOrDefault(c => c.SourceMessageId == post.Id);
            var code = complaint?.Code.Value ?? "(none)";
            Check(complaint is not null && ComplaintCode.TryParse(code, out var parsed) && parsed == complaint.Code, $"mention {post.Id} -> complaint {code} for {complaint?.Department.Value}");
            var replies = fake.CreatedPosts.Where(p => p.InReplyToId == post.Id).ToList();
            Check(replies.Count == 1 && replies[0].AuthorId == DeskId && replies[0].Text.Contains(code, StringComparison.Ordinal), $"one reply from the desk to {post.Id} carries {code}");
        }
    }

    // 3. A restarted app on the same file reads past its checkpoint: nothing new, nothing sent twice.
    await using (var provider = Build())
    {
        var (created, sent) = await RunOnceAsync(provider);
        Check(created == 0 && sent == 0, $"after a restart: {created} new complaints, {sent} replies");
        Check(fake.CreatedPosts.Count == mentions.Length, $"{fake.CreatedPosts.Count} replies on the fake X in all");
    }
}
finally
{
    foreach (var file in new[] { database, database + "-wal", database + "-shm" })
    {
        File.Delete(file);
    }
}

// 4. The PostgreSQL store registers, validates its options and resolves (no server needed until it is used).
{
    var services = new ServiceCollection();
    services.AddGrievance().UsePostgreSqlStore("Host=127.0.0.1;Database=grievance_smoke;Username=grievance");
    await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    provider.GetRequiredService<IStartupValidator>().Validate();
    var store = provider.GetRequiredService<IComplaintStore>();
    Check(store.GetType().Assembly.GetName().Name == "Grievance.Storage.PostgreSql", $"PostgreSQL store resolves ({store.GetType().Name})");
}

Console.WriteLine(failures.Count == 0 ? "package smoke test passed" : $"package smoke test FAILED: {failures.Count} check(s)");
return failures.Count == 0 ? 0 : 1;
