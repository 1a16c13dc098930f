using Grievance.Codes;
using Grievance.Storage;

namespace Grievance.Intake.Internal;

/// <summary>
/// Classifies by structure: a repost is not a grievance; a message that asks for the status and quotes a valid code
/// is a status query; a reply by the complainant in a complaint's thread is a follow-up; anything else is a new
/// complaint. Detecting non-grievances by their words is the routing's job.
/// </summary>
internal sealed class DefaultMessageClassifier : IMessageClassifier
{
    private readonly IComplaintStore _store;

    public DefaultMessageClassifier(IComplaintStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    public async ValueTask<MessageClassification> ClassifyAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (message.IsRepost)
        {
            return new MessageClassification { Kind = MessageKind.NotAGrievance, Reason = "a repost of another message, with no words of the author's own" };
        }

        if (AsksStatus(message.Text) && ComplaintCode.FindAll(message.Text) is [var code, ..])
        {
            return new MessageClassification { Kind = MessageKind.StatusQuery, Code = code, Reason = "asks 'status' with a code" };
        }

        if (message.ConversationId is not null && message.ConversationId != message.ExternalId)
        {
            var existing = await _store.FindByConversationAsync(message.Channel, message.ConversationId, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Complainant.PlatformId == message.Author.PlatformId)
            {
                if (existing.Status is Complaints.ComplaintStatus.Resolved or Complaints.ComplaintStatus.Closed && FeedbackParser.TryParse(message.Text, out _, out _))
                {
                    return new MessageClassification
                    {
                        Kind = MessageKind.Feedback,
                        ComplaintId = existing.Id,
                        Code = existing.Code,
                        Reason = "the complainant answered in a resolved complaint's thread",
                    };
                }

                return new MessageClassification
                {
                    Kind = MessageKind.FollowUp,
                    ComplaintId = existing.Id,
                    Code = existing.Code,
                    Reason = "the complainant wrote again in the complaint's thread",
                };
            }
        }

        return new MessageClassification { Kind = MessageKind.NewComplaint, Reason = "a new message outside any complaint's thread" };
    }

    /// <summary>Whether the text asks for a status: "status" in any case, or the Hindi "स्थिति".</summary>
    private static bool AsksStatus(string text) =>
        text.Contains("status", StringComparison.OrdinalIgnoreCase) || text.Contains("स्थिति", StringComparison.Ordinal);
}
