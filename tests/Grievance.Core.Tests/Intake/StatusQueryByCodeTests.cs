using Grievance.Codes;
using Grievance.Intake;
using Grievance.Intake.Internal;
using Grievance.Storage;
using Grievance.Storage.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Core.Tests.Intake;

/// <summary>Status queries by code, end to end through the intake pipeline (issue 4).</summary>
public class StatusQueryByCodeTests
{
    [Theory]
    [InlineData("status {0}")]
    [InlineData("@UPPolice Status {0}?")]
    [InlineData("मेरी शिकायत ({0}) की स्थिति बताइए")]
    public async Task ClassifyAsync_StatusWithAValidCode_IsAStatusQuery(string template)
    {
        var classifier = new DefaultMessageClassifier(new InMemoryComplaintStore(TimeProvider.System));
        var code = Some.Code();

        var result = await classifier.ClassifyAsync(Some.Message(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, code)));

        Assert.Equal(MessageKind.StatusQuery, result.Kind);
        Assert.Equal(code, result.Code);
    }

    [Theory]
    [InlineData("status LKO-2611-00422")]
    [InlineData("LKO-2611-00421 pe kaam kab hoga, naala abhi bhi band hai")]
    [InlineData("status please")]
    public async Task ClassifyAsync_NoStatusOrNoValidCode_IsNotAStatusQuery(string text)
    {
        var classifier = new DefaultMessageClassifier(new InMemoryComplaintStore(TimeProvider.System));

        var result = await classifier.ClassifyAsync(Some.Message(text));

        Assert.Equal(MessageKind.NewComplaint, result.Kind);
        Assert.Null(result.Code);
    }

    [Fact]
    public async Task ProcessAsync_StatusQueryWithConfusableTypos_FindsTheComplaint()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Some.Now));
        services.AddGrievance();
        using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<IIntakePipeline>();

        var created = await pipeline.ProcessAsync(Some.Message("Street light not working near the school in Lucknow"));
        Assert.Equal(IntakeOutcome.Created, created.Outcome);
        var code = created.Code!.Value;
        Assert.Equal("LKO-2611-0000N", code.Value);

        // Lower case, spaces for dashes, o for 0 and l for 1, as typed on a phone.
        var typed = "status " + code.Value.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o').Replace("2611", "26l1", StringComparison.Ordinal);
        var query = await pipeline.ProcessAsync(Some.Message(typed));

        Assert.Equal(IntakeOutcome.StatusQuery, query.Outcome);
        Assert.Equal(created.ComplaintId, query.ComplaintId);
        Assert.Equal(code, query.Code);
    }

    [Fact]
    public async Task ProcessAsync_ComplaintWithoutDistrict_IsCodedUnderTriage()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Some.Now));
        services.AddGrievance();
        using var provider = services.BuildServiceProvider();

        var created = await provider.GetRequiredService<IIntakePipeline>().ProcessAsync(Some.Message("Road is broken near my house"));

        var complaint = await provider.GetRequiredService<IComplaintStore>().GetAsync(created.ComplaintId!.Value);
        Assert.Null(complaint!.District);
        Assert.Equal("TRI", complaint.Code.Scope);
        Assert.Equal(created.Code, complaint.Code);
    }
}
