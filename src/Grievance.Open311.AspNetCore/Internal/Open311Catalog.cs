using Grievance.Complaints;
using Grievance.ServiceDirectory;
using Microsoft.Extensions.Options;

namespace Grievance.Open311.Internal;

/// <summary>One configured service, resolved against the directory.</summary>
internal sealed record Open311Service(Open311ServiceOptions Options, CategoryId Category, DepartmentId? Department);

/// <summary>The configured services by code and by category, read once from the validated options.</summary>
internal sealed class Open311Catalog
{
    private readonly Dictionary<string, Open311Service> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<CategoryId, Open311Service> _byCategory = [];

    public Open311Catalog(IOptions<Open311Options> options, IServiceDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        Options = options.Value;
        Directory = directory;
        foreach (var service in Options.Services)
        {
            var category = new CategoryId(service.Category);
            DepartmentId? department = service.Department is { } id
                ? directory.Departments.First(d => string.Equals(d.Id.Value, id.Trim(), StringComparison.OrdinalIgnoreCase)).Id
                : directory.FindDepartmentByCategory(category)?.Id;
            var resolved = new Open311Service(service, category, department);
            Services.Add(resolved);
            _byCode[service.Code] = resolved;
            _byCategory[category] = resolved;
        }

        FeedDepartment = Options.Department is { } feed
            ? directory.Departments.First(d => string.Equals(d.Id.Value, feed.Trim(), StringComparison.OrdinalIgnoreCase)).Id
            : null;
    }

    public Open311Options Options { get; }

    public IServiceDirectory Directory { get; }

    public List<Open311Service> Services { get; } = [];

    /// <summary>Gets the department whose complaints are published, or <see langword="null"/> for all.</summary>
    public DepartmentId? FeedDepartment { get; }

    public Open311Service? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    public Open311Service? FindByCategory(CategoryId category) => _byCategory.GetValueOrDefault(category);

    /// <summary>
    /// The external id of a posted request: the service code, a slash, and a token. The router reads the service back
    /// from it, so a message replayed from the store routes the same way.
    /// </summary>
    public static string ExternalId(string serviceCode, string token) => serviceCode + "/" + token;

    public Open311Service? FindByExternalId(string externalId)
    {
        var slash = externalId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? FindByCode(externalId[..slash]) : null;
    }
}
