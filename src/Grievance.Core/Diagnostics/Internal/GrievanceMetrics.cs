using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grievance.Intake;

namespace Grievance.Diagnostics.Internal;

/// <summary>The core's instruments. Tags stay low-cardinality: channel and outcome only.</summary>
internal sealed class GrievanceMetrics
{
    internal static readonly ActivitySource ActivitySource = new(GrievanceTelemetry.ActivitySourceName);

    private readonly Counter<long> _messages;
    private readonly Counter<long> _complaints;
    private readonly Histogram<double> _duration;

    public GrievanceMetrics(IMeterFactory? meterFactory = null)
    {
        // Hosts that call AddMetrics() get meters they can collect; elsewhere a private meter is created.
        var meter = meterFactory?.Create(GrievanceTelemetry.MeterName) ?? new Meter(GrievanceTelemetry.MeterName);
        _messages = meter.CreateCounter<long>(GrievanceTelemetry.MessagesProcessed, "{message}", "Messages handled by intake.");
        _complaints = meter.CreateCounter<long>(GrievanceTelemetry.ComplaintsReceived, "{complaint}", "Complaints created.");
        _duration = meter.CreateHistogram<double>(GrievanceTelemetry.IntakeDuration, "s", "Time intake takes per message.");
    }

    public void RecordIntake(string channel, IntakeOutcome outcome, TimeSpan elapsed)
    {
        if (_messages.Enabled)
        {
            _messages.Add(1, new KeyValuePair<string, object?>("grievance.channel", channel), new KeyValuePair<string, object?>("grievance.outcome", OutcomeName(outcome)));
        }

        if (outcome == IntakeOutcome.Created && _complaints.Enabled)
        {
            _complaints.Add(1, new KeyValuePair<string, object?>("grievance.channel", channel));
        }

        if (_duration.Enabled)
        {
            _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("grievance.channel", channel));
        }
    }

    private static string OutcomeName(IntakeOutcome outcome) => outcome switch
    {
        IntakeOutcome.Created => "created",
        IntakeOutcome.FollowUp => "follow-up",
        IntakeOutcome.StatusQuery => "status-query",
        IntakeOutcome.Duplicate => "duplicate",
        _ => "rejected",
    };
}
