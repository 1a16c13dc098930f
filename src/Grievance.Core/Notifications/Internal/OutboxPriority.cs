using Grievance.Complaints;

namespace Grievance.Notifications.Internal;

/// <summary>Decides the priority of a message when it is queued: urgent categories, then acknowledgements, then replies, then notices.</summary>
internal static class OutboxPriority
{
    /// <summary>The urgent categories when none are configured: those with the short built-in time limits.</summary>
    public static readonly IReadOnlyList<string> DefaultUrgentCategories = ["women-safety", "missing-person"];

    public static OutboundMessagePriority For(OutboundMessageKind kind, CategoryId category, GrievanceOptions options)
    {
        if (kind == OutboundMessageKind.HideReply)
        {
            return OutboundMessagePriority.Urgent; // personal data is public until it is hidden
        }

        var urgent = options.UrgentCategories.Count > 0 ? (IEnumerable<string>)options.UrgentCategories : DefaultUrgentCategories;
        if (category.Value is { } value && urgent.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return OutboundMessagePriority.Urgent;
        }

        return kind switch
        {
            OutboundMessageKind.Acknowledgement => OutboundMessagePriority.Acknowledgement,
            OutboundMessageKind.Notice => OutboundMessagePriority.Notice,
            _ => OutboundMessagePriority.Reply,
        };
    }
}
