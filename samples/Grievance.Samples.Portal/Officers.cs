using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Grievance.Complaints;
using Grievance.Queries;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Portal;

/// <summary>A signed-in officer and the scope of complaints they may see and act on.</summary>
/// <param name="UserName">The sign-in name, also the actor id recorded in the audit trail.</param>
/// <param name="DisplayName">The name shown in the portal.</param>
/// <param name="Department">The officer's department.</param>
/// <param name="Districts">The officer's districts; empty for every district of the department.</param>
/// <param name="IsStateCell">Whether the officer belongs to the state cell (sees every department).</param>
public sealed record Officer(string UserName, string DisplayName, DepartmentId Department, IReadOnlyList<DistrictId> Districts, bool IsStateCell)
{
    /// <summary>Gets the scope every query and action of this officer goes through.</summary>
    public ComplaintScope Scope => IsStateCell
        ? ComplaintScope.StateOversight(UserName, "State grievance cell officer portal")
        : ComplaintScope.ForDepartment(Department, Districts);
}

/// <summary>The officers from configuration (sample-grade identity: a real portal uses the department's identity provider).</summary>
internal sealed class OfficerDirectory(IOptionsMonitor<PortalOptions> options)
{
    /// <summary>Checks a user name and password.</summary>
    /// <returns>The officer, or <see langword="null"/> when the name or password is wrong.</returns>
    public Officer? SignIn(string? userName, string? password)
    {
        var match = options.CurrentValue.Officers.FirstOrDefault(o => string.Equals(o.UserName, userName, StringComparison.OrdinalIgnoreCase));
        // Hash both sides so the comparison takes the same time whatever the lengths; an unknown name costs the same.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(match?.Password ?? "\0no officer\0"));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password ?? string.Empty));
        return CryptographicOperations.FixedTimeEquals(expected, given) && match is not null ? ToOfficer(match) : null;
    }

    /// <summary>Finds the officer of a signed-in user, looked up again on every request so a removed officer loses access.</summary>
    /// <returns>The officer, or <see langword="null"/> when not signed in or no longer configured.</returns>
    public Officer? Find(ClaimsPrincipal user)
    {
        var name = user.Identity is { IsAuthenticated: true } identity ? identity.Name : null;
        var match = name is null ? null : options.CurrentValue.Officers.FirstOrDefault(o => string.Equals(o.UserName, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : ToOfficer(match);
    }

    /// <summary>Builds the cookie principal of an officer: the name only; the scope is read from configuration per request.</summary>
    public static ClaimsPrincipal Principal(Officer officer, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, officer.UserName)], scheme));

    private static Officer ToOfficer(OfficerOptions o) => new(
        o.UserName,
        string.IsNullOrWhiteSpace(o.DisplayName) ? o.UserName : o.DisplayName,
        new DepartmentId(o.Department),
        [.. o.Districts.Select(d => new DistrictId(d))],
        o.IsStateCell);
}
