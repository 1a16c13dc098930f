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
}
