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

    /// <summary>Finds the department that owns a category.</summary>
    /// <param name="category">The category id.</param>
    /// <returns>The owning department, or <see langword="null"/> when no department owns the category (for example <c>corruption</c> or <c>other</c>, which any department may use).</returns>
    Department? FindDepartmentByCategory(CategoryId category);

    /// <summary>Finds the district a department's district handle serves. Handles compare without case and without a leading <c>@</c>.</summary>
    /// <param name="handle">The handle.</param>
    /// <returns>The district id, or <see langword="null"/> when the handle is no district handle.</returns>
    DistrictId? FindDistrictByHandle(string handle);
}
