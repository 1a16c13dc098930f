using Grievance.Complaints;
using Grievance.Notifications;
using Grievance.Notifications.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grievance.Core.Tests.Notifications;

public class OutboxPriorityTests
{
    [Theory]
    [InlineData(OutboundMessageKind.Acknowledgement, "theft", OutboundMessagePriority.Acknowledgement)]
    [InlineData(OutboundMessageKind.StatusReply, "theft", OutboundMessagePriority.Reply)]
    [InlineData(OutboundMessageKind.InterimReply, "theft", OutboundMessagePriority.Reply)]
    [InlineData(OutboundMessageKind.Resolution, "theft", OutboundMessagePriority.Reply)]
    [InlineData(OutboundMessageKind.DirectMessage, "theft", OutboundMessagePriority.Reply)]
    [InlineData(OutboundMessageKind.Notice, "theft", OutboundMessagePriority.Notice)]
    [InlineData(OutboundMessageKind.Acknowledgement, "women-safety", OutboundMessagePriority.Urgent)]
    [InlineData(OutboundMessageKind.Notice, "Missing-Person", OutboundMessagePriority.Urgent)]
    [InlineData(OutboundMessageKind.HideReply, "theft", OutboundMessagePriority.Urgent)]
    public void For_DefaultUrgentCategories_UrgentThenAcknowledgementsThenRepliesThenNotices(OutboundMessageKind kind, string category, OutboundMessagePriority expected)
    {
        Assert.Equal(expected, OutboxPriority.For(kind, new CategoryId(category), new GrievanceOptions()));
    }

    [Fact]
    public void For_ConfiguredUrgentCategories_ReplaceTheDefaults()
    {
        var options = new GrievanceOptions();
        options.UrgentCategories.Add("cyber-fraud");

        Assert.Equal(OutboundMessagePriority.Urgent, OutboxPriority.For(OutboundMessageKind.StatusReply, new CategoryId("cyber-fraud"), options));
        Assert.Equal(OutboundMessagePriority.Acknowledgement, OutboxPriority.For(OutboundMessageKind.Acknowledgement, new CategoryId("women-safety"), options));
    }

    [Theory]
    [InlineData(60, 30, "OutboxMaxRetryDelay")]
    [InlineData(0, 30, "OutboxRetryDelay")]
    public void AddGrievance_InvalidRetryDelays_FailAtStartup(int delaySeconds, int maxSeconds, string expected)
    {
        using var provider = TestServices.Create(configure: o =>
        {
            o.OutboxRetryDelay = TimeSpan.FromSeconds(delaySeconds);
            o.OutboxMaxRetryDelay = TimeSpan.FromSeconds(maxSeconds);
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AddGrievance_BlankUrgentCategory_FailsAtStartup()
    {
        using var provider = TestServices.Create(configure: o => o.UrgentCategories.Add(" "));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("UrgentCategories[0]", StringComparison.Ordinal));
    }
}
