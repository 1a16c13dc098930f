using Grievance.Complaints;
using Grievance.Internal;
using Microsoft.Extensions.Options;

namespace Grievance.ServiceDirectory.Internal;

/// <summary>The directory built from <see cref="GrievanceOptions.Departments"/> and a gazetteer.</summary>
internal sealed class ConfiguredServiceDirectory : IServiceDirectory
{
    private readonly Dictionary<DepartmentId, Department> _byId = [];
    private readonly Dictionary<string, Department> _byHandle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DistrictId> _districtByHandle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<CategoryId, Department> _byCategory = [];

    public ConfiguredServiceDirectory(IOptions<GrievanceOptions> options, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var value = options.Value;
        Gazetteer = gazetteer;

        var departments = new List<Department>();
        foreach (var configured in value.Departments)
        {
            var districtHandles = new Dictionary<string, DistrictId>(StringComparer.OrdinalIgnoreCase);
            foreach (var (handle, district) in configured.DistrictHandles)
            {
                districtHandles[GrievanceOptionsCustomValidator.NormalizeHandle(handle)] = new DistrictId(district);
            }

            var department = new Department
            {
                Id = new DepartmentId(configured.Id),
                Name = configured.Name,
                HindiName = configured.HindiName,
                Handles = [.. configured.Handles.Select(GrievanceOptionsCustomValidator.NormalizeHandle)
                    .Concat(districtHandles.Keys)
                    .Distinct(StringComparer.OrdinalIgnoreCase)],
                DistrictHandles = districtHandles,
                Units = [.. configured.Units.Select(u => new DepartmentUnit
                {
                    Name = u.Name.Trim(),
                    District = new DistrictId(u.District),
                    Kind = u.Kind,
                    Aliases = [.. u.Aliases],
                })],
                Categories = [.. configured.Categories.Select(c => new CategoryId(c))],
                DefaultCategory = new CategoryId(configured.DefaultCategory),
            };
            departments.Add(department);
            _byId[department.Id] = department;
            foreach (var handle in department.Handles)
            {
                _byHandle[handle] = department;
            }

            foreach (var (handle, district) in districtHandles)
            {
                _districtByHandle[handle] = district;
            }

            foreach (var category in department.Categories)
            {
                _byCategory.TryAdd(category, department);
            }
        }

        var triageId = new DepartmentId(value.TriageDepartment);
        if (!_byId.TryGetValue(triageId, out var triage))
        {
            triage = new Department { Id = triageId, Name = "Triage", HindiName = "प्राथमिक जाँच", DefaultCategory = CategoryId.Other };
            departments.Add(triage);
            _byId[triageId] = triage;
        }

        Triage = triage;
        Departments = departments;
    }

    public IReadOnlyList<Department> Departments { get; }

    public Department Triage { get; }

    public Gazetteer Gazetteer { get; }

    public Department? FindDepartment(DepartmentId id) => _byId.GetValueOrDefault(id);

    public Department? FindDepartmentByHandle(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return _byHandle.GetValueOrDefault(GrievanceOptionsCustomValidator.NormalizeHandle(handle));
    }

    public Department? FindDepartmentByCategory(CategoryId category) => _byCategory.GetValueOrDefault(category);

    public DistrictId? FindDistrictByHandle(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return _districtByHandle.TryGetValue(GrievanceOptionsCustomValidator.NormalizeHandle(handle), out var district) ? district : null;
    }
}
