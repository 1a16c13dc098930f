using Grievance.Complaints;

namespace Grievance.Lifecycle.Internal;

/// <summary>Which action is allowed from which status, and where it leads.</summary>
internal static class ComplaintStateMachine
{
    private static readonly ComplaintStatus[] s_working = [ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen, ComplaintStatus.Reopened];
    private static readonly ComplaintStatus[] s_open = [ComplaintStatus.New, .. s_working];
    private static readonly ComplaintStatus[] s_all = Enum.GetValues<ComplaintStatus>();

    /// <summary>The transitions: action → (allowed from, to; <see langword="null"/> keeps the status).</summary>
    public static readonly IReadOnlyDictionary<string, (ComplaintStatus[] From, ComplaintStatus? To)> Transitions = new Dictionary<string, (ComplaintStatus[], ComplaintStatus?)>
    {
        [AuditActions.Assigned] = (s_open, ComplaintStatus.Assigned),
        [AuditActions.Started] = ([ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.AwaitingCitizen, ComplaintStatus.Reopened], ComplaintStatus.InProgress),
        [AuditActions.Note] = (s_all, null),
        [AuditActions.InformationRequested] = ([ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.Reopened], ComplaintStatus.AwaitingCitizen),
        [AuditActions.Transferred] = (s_open, ComplaintStatus.New),
        [AuditActions.Resolved] = (s_working, ComplaintStatus.Resolved),
        [AuditActions.Rejected] = ([ComplaintStatus.HeldForReview, ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.InProgress, ComplaintStatus.AwaitingCitizen], ComplaintStatus.Rejected),
        [AuditActions.Reopened] = ([ComplaintStatus.Resolved, ComplaintStatus.Closed, ComplaintStatus.Rejected], ComplaintStatus.Reopened),
        [AuditActions.Closed] = ([ComplaintStatus.Resolved], ComplaintStatus.Closed),
        [AuditActions.Escalated] = (s_open, null),
        [AuditActions.InterimReply] = (s_open, null),
        [AuditActions.Reminder] = (s_open, null),
        [AuditActions.Feedback] = ([ComplaintStatus.Resolved, ComplaintStatus.Closed], null),
        [AuditActions.Released] = ([ComplaintStatus.HeldForReview], ComplaintStatus.New),
    };

    /// <summary>Checks the action and gives the status it leads to.</summary>
    /// <exception cref="ComplaintTransitionException">The action is not allowed from the complaint's status.</exception>
    public static ComplaintStatus Apply(Complaint complaint, string action)
    {
        var (from, to) = Transitions[action];
        if (!from.Contains(complaint.Status))
        {
            throw new ComplaintTransitionException(
                $"Cannot apply '{action}' to complaint {complaint.Code}: it is {complaint.Status}, and '{action}' is allowed only from {string.Join(", ", from)}.")
            {
                Action = action,
                From = complaint.Status,
            };
        }

        return to ?? complaint.Status;
    }
}
