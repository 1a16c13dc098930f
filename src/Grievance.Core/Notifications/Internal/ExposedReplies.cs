using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Text;

namespace Grievance.Notifications.Internal;

/// <summary>Queues the hiding of a citizen's follow-up reply that exposes personal data, where the department asks for it.</summary>
internal static class ExposedReplies
{
    /// <summary>
    /// Builds the hide action for <paramref name="message"/> when the complaint's department hides such replies and the
    /// text holds personal data; otherwise nothing. The action carries ids only, never the text.
    /// </summary>
    public static IReadOnlyList<OutboundMessage> HideAction(Complaint? complaint, InboundMessage message, GrievanceOptions options, DateTimeOffset now)
    {
        if (complaint is null || !HidesReplies(complaint.Department, options) || PiiScanner.Scan(message.Text).Count == 0)
        {
            return [];
        }

        return
        [
            new OutboundMessage
            {
                Id = Guid.CreateVersion7(now),
                IdempotencyKey = $"hide:{message.Channel}:{message.ExternalId}",
                ComplaintId = complaint.Id,
                Channel = message.Channel,
                Kind = OutboundMessageKind.HideReply,
                Priority = OutboxPriority.For(OutboundMessageKind.HideReply, complaint.Category, options),
                RecipientId = message.Author.PlatformId,
                InReplyToExternalId = message.ExternalId,
                FromAccount = complaint.AddressedAccount,
                Text = string.Empty,
                CreatedAt = now,
                Status = OutboundMessageStatus.Pending,
            },
        ];
    }

    private static bool HidesReplies(DepartmentId department, GrievanceOptions options)
    {
        foreach (var d in options.Departments)
        {
            if (d is not null && string.Equals(d.Id, department.Value, StringComparison.OrdinalIgnoreCase))
            {
                return d.HideRepliesWithPersonalData;
            }
        }

        return false;
    }
}
