using Grievance.Complaints;

namespace Grievance.Queries;

/// <summary>
/// Whose complaints a query may see: one department (optionally only some districts), or an explicit, audited
/// state-wide oversight scope. Every query takes one; a department's scope never sees another department's complaints.
/// </summary>
public sealed record ComplaintScope
{
    private ComplaintScope(DepartmentId? department, IReadOnlyList<DistrictId> districts, string? actor, string? reason)
    {
        Department = department;
        Districts = districts;
        OversightActor = actor;
        OversightReason = reason;
    }

    /// <summary>Gets the department, or <see langword="null"/> for state-wide oversight.</summary>
    public DepartmentId? Department { get; }

    /// <summary>Gets the districts the scope is limited to; empty for all districts.</summary>
    public IReadOnlyList<DistrictId> Districts { get; }

    /// <summary>Gets a value indicating whether this is the state-wide oversight scope.</summary>
    public bool IsStateOversight => Department is null;

    /// <summary>Gets who asked for oversight, when it is the oversight scope.</summary>
    public string? OversightActor { get; }

    /// <summary>Gets why oversight was asked for, when it is the oversight scope.</summary>
    public string? OversightReason { get; }

    /// <summary>A department's scope, optionally limited to some districts.</summary>
    /// <param name="department">The department.</param>
    /// <param name="districts">The districts; none for all of the department's complaints.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="department"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="districts"/> is <see langword="null"/>.</exception>
    public static ComplaintScope ForDepartment(DepartmentId department, params IEnumerable<DistrictId> districts)
    {
        ArgumentNullException.ThrowIfNull(districts);
        if (department.Value is null)
        {
            throw new ArgumentException("A department scope needs a department.", nameof(department));
        }

        return new ComplaintScope(department, [.. districts.Distinct()], null, null);
    }

    /// <summary>The state-wide oversight scope (for example the state cell). Every query in it is logged with the actor and reason.</summary>
    /// <param name="actor">Who asks (an officer id, never a citizen's data).</param>
    /// <param name="reason">Why.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ComplaintScope StateOversight(string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ComplaintScope(null, [], actor, reason);
    }
}
