using Grievance.Complaints;

namespace Grievance.Notifications;

/// <summary>Writes the texts sent to citizens.</summary>
public interface ICitizenReplyComposer
{
    /// <summary>Writes the acknowledgement of a new complaint. It always contains the complaint's code.</summary>
    /// <param name="complaint">The new complaint.</param>
    /// <returns>The text, before fitting to the channel.</returns>
    string Acknowledgement(Complaint complaint);

    /// <summary>Writes the answer to a citizen's status query.</summary>
    /// <param name="complaint">The complaint asked about.</param>
    /// <returns>The text, before fitting to the channel.</returns>
    string StatusReply(Complaint complaint);

    /// <summary>Writes the answer to a citizen's status query in the language of the question: public fields only (status, department, district, due date).</summary>
    /// <param name="complaint">The complaint asked about.</param>
    /// <param name="language">The language tag of the question (for example <c>hi</c>), when known.</param>
    /// <returns>The text, before fitting to the channel.</returns>
    string StatusReply(Complaint complaint, string? language) => StatusReply(complaint);
}
