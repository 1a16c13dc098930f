using Grievance.Complaints;

namespace Grievance.ServiceDirectory;

/// <summary>Who serves where: departments with their handles and categories, and the places of the gazetteer.</summary>
public interface IServiceDirectory
{
    /// <summary>Gets the configured departments, the triage department included.</summary>
    IReadOnlyList<Department> Departments { get; }

    /// <summary>Gets the department that takes complaints no rule could place.</summary>
    Department Triage { get; }

    /// <summary>Gets the gazetteer of places.</summary>
    Gazetteer Gazetteer { get; }

    /// <summary>Finds a department by id.</summary>
    /// <param name="id">The department id.</param>
    /// <returns>The department, or <see langword="null"/>.</returns>
    Department? FindDepartment(DepartmentId id);

    /// <summary>Finds the department that owns a handle. Handles compare without case and without a leading <c>@</c>.</summary>
    /// <param name="handle">The handle.</param>
    /// <returns>The department, or <see langword="null"/>.</returns>
    Department? FindDepartmentByHandle(string handle);
}
