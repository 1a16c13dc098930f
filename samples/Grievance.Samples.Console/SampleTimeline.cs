using System.Globalization;
using System.Text.Json;
using Grievance.Complaints;

namespace Grievance.Samples.Console;

/// <summary>One event of a complaint's history as the sample prints it.</summary>
/// <param name="At">When it happened.</param>
/// <param name="From">The status before, when the event is a transition.</param>
/// <param name="To">The status after, when the event is a transition.</param>
/// <param name="Actor">Who acted: an officer id, <c>system</c>, or the citizen's platform id.</param>
/// <param name="Reason">The reason or note given, when any.</param>
/// <param name="Action">What happened (<see cref="AuditActions"/>).</param>
/// <param name="ByComplainant">Whether the complainant acted (a status question, an answer to "was it resolved?").</param>
public sealed record SampleEvent(DateTimeOffset At, string? From, string? To, string Actor, string? Reason, string Action, bool ByComplainant)
{
    /// <summary>Maps an audit event.</summary>
    /// <param name="audit">The event.</param>
    /// <param name="complainantId">The complainant's platform id.</param>
    /// <returns>The event as printed.</returns>
    public static SampleEvent FromAudit(AuditEvent audit, string? complainantId)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return new SampleEvent(
            audit.At,
            audit.FromStatus is { } from ? SampleDesk.StatusName(from) : null,
            audit.ToStatus is { } to ? SampleDesk.StatusName(to) : null,
            audit.Actor,
            audit.Reason,
            audit.Action,
            !string.IsNullOrEmpty(complainantId) && audit.Actor == complainantId);
    }
}

/// <summary>Prints the complaints' histories: as JSON fields of each line, and as one timeline for the table.</summary>
public static class SampleTimeline
{
    /// <summary>Writes the <c>history</c> and <c>replies</c> fields of a complaint's JSON line.</summary>
    /// <param name="writer">The writer, inside the line's object.</param>
    /// <param name="row">The complaint.</param>
    public static void WriteJsonFields(Utf8JsonWriter writer, SampleRow row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        writer.WriteStartArray("history");
        foreach (var e in row.History)
        {
            writer.WriteStartObject();
            writer.WriteString("at", e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("from", e.From);
            writer.WriteString("to", e.To);
            writer.WriteString("actor", e.Actor);
            writer.WriteString("reason", e.Reason);
            writer.WriteString("action", e.Action);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("replies");
        foreach (var reply in row.Replies)
        {
            writer.WriteStringValue(reply);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes every complaint's events in time order, one line each: day (counted from the first complaint), code, event.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="rows">The complaints.</param>
    public static void Write(TextWriter output, IReadOnlyList<SampleRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var events = rows.SelectMany(r => r.History.Select(e => (r.Code, Event: e))).ToList();
        if (events.Count == 0)
        {
            return;
        }

        // OrderBy is stable: events at the same instant keep the complaints' order and each trail's order.
        var origin = events.Min(e => e.Event.At);
        output.WriteLine($"{"DAY",3}  {"CODE",-16} EVENT");
        foreach (var (code, e) in events.OrderBy(e => e.Event.At))
        {
            var day = (int)Math.Floor((e.At - origin).TotalDays);
            var change = e.From is not null && e.To is not null && e.From != e.To ? $" ({e.From} -> {e.To})" : string.Empty;
            var actor = e.ByComplainant ? "citizen" : e.Actor;
            // The routing reasons of "created" are in --json; what a citizen wrote is not repeated here.
            var reason = string.IsNullOrEmpty(e.Reason) || e.Action is AuditActions.Created or AuditActions.FollowUp ? string.Empty : ": " + e.Reason;
            output.WriteLine($"{day,3}  {code,-16} {e.Action}{change} by {actor}{reason}");
        }
    }
}
