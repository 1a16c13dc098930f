using Grievance.Complaints;

namespace Grievance.Lifecycle;

/// <summary>Thrown when an action is not allowed in a complaint's current status (for example resolving a closed complaint).</summary>
public class ComplaintTransitionException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintTransitionException"/> class.</summary>
    public ComplaintTransitionException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplaintTransitionException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ComplaintTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplaintTransitionException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplaintTransitionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the action that was refused (see <see cref="AuditActions"/>).</summary>
    public string? Action { get; init; }

    /// <summary>Gets the complaint's status when the action was refused.</summary>
    public ComplaintStatus? From { get; init; }
}

/// <summary>Thrown when an action is allowed in the complaint's status but a configured rule refuses it (transfer cap, rejection reason).</summary>
public class ComplaintRuleException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintRuleException"/> class.</summary>
    public ComplaintRuleException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplaintRuleException"/> class.</summary>
    /// <param name="message">The message, saying what to do instead.</param>
    public ComplaintRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplaintRuleException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplaintRuleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
