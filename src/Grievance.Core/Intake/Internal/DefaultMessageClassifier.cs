using System.Text.RegularExpressions;
using Grievance.Codes;
using Grievance.Storage;

namespace Grievance.Intake.Internal;

/// <summary>
/// Classifies by structure: a repost is not a grievance; "status &lt;code&gt;" is a status query; a reply by the
/// complainant in a complaint's thread is a follow-up; anything else is a new complaint. Detecting non-grievances
/// by their words is the routing's job.
/// </summary>
internal sealed partial class DefaultMessageClassifier : IMessageClassifier
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

        var match = StatusQuery().Match(message.Text);
        if (match.Success)
        {
            var code = new ComplaintCode(match.Groups["code"].Value);
            return new MessageClassification { Kind = MessageKind.StatusQuery, Code = code, Reason = "asks 'status' with a code" };
        }

        if (message.ConversationId is not null && message.ConversationId != message.ExternalId)
        {
            var existing = await _store.FindByConversationAsync(message.Channel, message.ConversationId, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Complainant.PlatformId == message.Author.PlatformId)
            {
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

    [GeneratedRegex(@"\bstatus\b\W{0,3}(?<code>[A-Z]{3}-\d{4}-\d{4,8})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StatusQuery();
}
