using Grievance.Complaints;
using Grievance.Lifecycle.Internal;

namespace Grievance.Lifecycle;

/// <summary>
/// Which officer actions a complaint's status allows, by the same table <see cref="IComplaintService"/> enforces; a
/// portal shows only the actions that can succeed. The service still checks: a complaint may change between the page
/// and the action.
/// </summary>
public static class ComplaintActions
{
    /// <summary>Tells whether <paramref name="action"/> is allowed from <paramref name="status"/>.</summary>
    /// <param name="status">The complaint's status.</param>
    /// <param name="action">
    /// An officer action as its audit event names it: <see cref="AuditActions.Assigned"/>, <see cref="AuditActions.Started"/>,
    /// <see cref="AuditActions.Note"/>, <see cref="AuditActions.InformationRequested"/>, <see cref="AuditActions.Transferred"/>,
    /// <see cref="AuditActions.Resolved"/>, <see cref="AuditActions.Rejected"/>, <see cref="AuditActions.Reopened"/>,
    /// <see cref="AuditActions.Closed"/> or <see cref="AuditActions.Released"/>.
    /// </param>
    /// <returns><see langword="true"/> when the action is allowed from the status.</returns>
    /// <exception cref="ArgumentException"><paramref name="action"/> is not a lifecycle action.</exception>
    public static bool IsAllowed(ComplaintStatus status, string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!ComplaintStateMachine.Transitions.TryGetValue(action, out var transition))
        {
            throw new ArgumentException($"'{action}' is not a lifecycle action.", nameof(action));
        }

        return transition.From.Contains(status);
    }
}
