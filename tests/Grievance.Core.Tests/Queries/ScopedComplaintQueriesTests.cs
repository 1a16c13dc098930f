using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Queries;
using Grievance.Storage;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Core.Tests.Queries;

public class ScopedComplaintQueriesTests
{
    private static readonly DepartmentId Police = new("police");
    private static readonly DepartmentId Power = new("power");
    private readonly FakeLogCollector _logs = new();
    private readonly ServiceProvider _services;
    private readonly List<(string Code, string Department, string? District)> _created = [];

    public ScopedComplaintQueriesTests()
    {
        var time = new FakeTimeProvider(Some.Now);
        _services = TestServices.Create(b => b.Services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(_logs))), time: time);
        var pipeline = _services.GetRequiredService<IIntakePipeline>();
        var messages = new[]
        {
            ("@Uppolice theft in Lucknow", "Uppolice"), ("@Uppolice theft in Agra", "Uppolice"), ("@Uppolice noise, no place", "Uppolice"),
            ("@UPPCL_Sample no power in Lucknow", "UPPCL_Sample"), ("@UPPCL_Sample no power in Agra", "UPPCL_Sample"),
        };
        foreach (var (text, handle) in messages)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var result = pipeline.ProcessAsync(Some.Message(text, addressed: handle)).GetAwaiter().GetResult();
            var complaint = _services.GetRequiredService<IComplaintStore>().GetAsync(result.ComplaintId!.Value).GetAwaiter().GetResult()!;
            _created.Add((complaint.Code.Value, complaint.Department.Value, complaint.District?.Value));
        }
    }

    private IComplaintQueries Queries => _services.GetRequiredService<IComplaintQueries>();

    [Fact]
    public async Task DepartmentScope_EveryQuery_SeesOnlyItsOwnComplaints()
    {
        var scope = ComplaintScope.ForDepartment(Power);

        var found = await Queries.FindAsync(scope, new ComplaintQuery());
        var counts = await Queries.CountAsync(scope, new ComplaintQuery());
        var policeCode = _created.First(c => c.Department == "police").Code;
        var byCode = await Queries.FindByCodeAsync(scope, (await _services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery())).First(c => c.Code.Value == policeCode).Code);
        var policeComplaint = (await _services.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery { Department = Police })).First();
        var bySource = await Queries.FindBySourceAsync(scope, Channels.X, policeComplaint.SourceMessageId);
        var widened = await Queries.FindAsync(scope, new ComplaintQuery { Department = Police });

        Assert.All(found.Items, c => Assert.Equal(Power, c.Department));
        Assert.Equal(2, found.Items.Count);
        Assert.Equal(2, counts.Sum(c => c.Count));
        Assert.Null(byCode);
        Assert.Null(bySource);
        Assert.Empty(widened.Items);
        Assert.NotNull(await Queries.FindBySourceAsync(ComplaintScope.ForDepartment(Police), Channels.X, policeComplaint.SourceMessageId));
    }

    [Fact]
    public async Task DistrictLimitedScope_NarrowsAndNeverWidens()
    {
        var lucknowPolice = ComplaintScope.ForDepartment(Police, new DistrictId("LKO"));

        var all = await Queries.FindAsync(lucknowPolice, new ComplaintQuery());
        var agra = await Queries.FindAsync(lucknowPolice, new ComplaintQuery { Districts = [new DistrictId("AGR")] });

        Assert.Equal("LKO", Assert.Single(all.Items).District?.Value);
        Assert.Empty(agra.Items);
    }

    [Fact]
    public async Task FindAsync_PagesWithAKeysetCursor()
    {
        var oversight = ComplaintScope.StateOversight("officer-17", "monthly review");

        var first = await Queries.FindAsync(oversight, new ComplaintQuery { Take = 2 });
        var second = await Queries.FindAsync(oversight, new ComplaintQuery { Take = 2, After = first.Next });
        var third = await Queries.FindAsync(oversight, new ComplaintQuery { Take = 2, After = second.Next });

        Assert.Equal(_created.Select(c => c.Code), first.Items.Concat(second.Items).Concat(third.Items).Select(c => c.Code.Value));
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task StateOversight_SeesEverythingAndIsLoggedWithActorAndReason()
    {
        var page = await Queries.FindAsync(ComplaintScope.StateOversight("officer-17", "monthly review"), new ComplaintQuery());

        Assert.Equal(5, page.Items.Count);
        var entry = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 1200);
        Assert.Contains("officer-17", entry.Message, StringComparison.Ordinal);
        Assert.Contains("monthly review", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_RequireTheirParts()
    {
        Assert.Throws<ArgumentException>(() => ComplaintScope.ForDepartment(default));
        Assert.Throws<ArgumentException>(() => ComplaintScope.StateOversight(" ", "why"));
        Assert.Throws<ArgumentNullException>(() => ComplaintScope.StateOversight("who", null!));
    }

    [Fact]
    public async Task FindAsync_NullScopeOrHugePage_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Queries.FindAsync(null!, new ComplaintQuery()));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.FindAsync(ComplaintScope.ForDepartment(Police), new ComplaintQuery { Take = 5000 }));
    }
}
