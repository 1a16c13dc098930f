using Grievance.Complaints;

namespace Grievance.Storage;

/// <summary>Thrown when a complaint changed since it was read, so a lifecycle update based on the old state is refused; read it again and retry.</summary>
public class ComplaintConcurrencyException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintConcurrencyException"/> class.</summary>
    public ComplaintConcurrencyException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplaintConcurrencyException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ComplaintConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplaintConcurrencyException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ComplaintConcurrencyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a complaint whose version is no longer the expected one.</summary>
    /// <param name="id">The complaint.</param>
    /// <param name="expectedVersion">The version the update was based on.</param>
    /// <returns>The exception.</returns>
    public static ComplaintConcurrencyException For(ComplaintId id, int expectedVersion) =>
        new($"Complaint {id} changed since version {expectedVersion} was read (or does not exist); read it again and retry.");
}
