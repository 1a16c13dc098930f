using Grievance.Complaints;
using Grievance.Intake;
using Grievance.ServiceDirectory.Internal;
using System.Text.Json;

namespace Grievance.ServiceDirectory;

/// <summary>The places a deployment serves: districts and divisions. Uttar Pradesh's 75 districts are embedded as the default.</summary>
public sealed class Gazetteer
{
    private const string UttarPradeshResource = "Grievance.ServiceDirectory.up-gazetteer.json";
    private static readonly Lazy<Gazetteer> s_uttarPradesh = new(LoadUttarPradesh);
    private readonly Dictionary<DistrictId, District> _byId;

    /// <summary>Initializes a new instance of the <see cref="Gazetteer"/> class.</summary>
    /// <param name="stateName">The state's name.</param>
    /// <param name="districts">The districts; ids must be unique.</param>
    /// <param name="divisions">The divisions; every district they list must exist.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A district id repeats, or a division lists an unknown district.</exception>
    public Gazetteer(string stateName, IEnumerable<District> districts, IEnumerable<Division> divisions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateName);
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(divisions);

        StateName = stateName;
        Districts = [.. districts];
        Divisions = [.. divisions];
        _byId = new Dictionary<DistrictId, District>(Districts.Count);
        foreach (var district in Districts)
        {
            if (!_byId.TryAdd(district.Id, district))
            {
                throw new ArgumentException($"District id '{district.Id}' appears more than once.", nameof(districts));
            }
        }

        foreach (var division in Divisions)
        {
            foreach (var id in division.Districts)
            {
                if (!_byId.ContainsKey(id))
                {
                    throw new ArgumentException($"Division '{division.Name}' lists unknown district id '{id}'.", nameof(divisions));
                }
            }
        }
    }

    /// <summary>Gets the embedded gazetteer of Uttar Pradesh: 75 districts in 18 divisions.</summary>
    public static Gazetteer UttarPradesh => s_uttarPradesh.Value;

    /// <summary>Gets the state's name.</summary>
    public string StateName { get; }

    /// <summary>Gets the districts.</summary>
    public IReadOnlyList<District> Districts { get; }

    /// <summary>Gets the divisions.</summary>
    public IReadOnlyList<Division> Divisions { get; }

    /// <summary>Finds a district by id.</summary>
    /// <param name="id">The district id.</param>
    /// <returns>The district, or <see langword="null"/> when the gazetteer has no such district.</returns>
    public District? FindDistrict(DistrictId id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads a gazetteer from JSON in the format of the embedded Uttar Pradesh file.</summary>
    /// <param name="utf8Json">The JSON stream.</param>
    /// <returns>The gazetteer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JSON is not a valid gazetteer.</exception>
    public static Gazetteer Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        GazetteerDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, GazetteerJsonContext.Default.GazetteerDto);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The gazetteer is not valid JSON: {ex.Message}", ex);
        }

        if (dto?.Districts is null || dto.Divisions is null)
        {
            throw new FormatException("The gazetteer must have 'districts' and 'divisions'.");
        }

        try
        {
            var districts = dto.Districts.Select(d => new District
            {
                Id = new DistrictId(d.Id ?? throw new FormatException("A district has no 'id'.")),
                Name = d.Name ?? throw new FormatException($"District '{d.Id}' has no 'name'."),
                HindiName = d.Hindi ?? string.Empty,
                Division = d.Division ?? string.Empty,
                Aliases = d.Aliases ?? [],
                Localities = d.Localities ?? [],
                HeadquartersTown = d.Hq?.Town ?? d.Name,
                Headquarters = new GeoPoint(d.Hq?.Lat ?? 0, d.Hq?.Lon ?? 0),
                IsPoliceCommissionerate = d.PoliceCommissionerate,
            });
            var divisions = dto.Divisions.Select(v => new Division
            {
                Name = v.Name ?? throw new FormatException("A division has no 'name'."),
                HindiName = v.Hindi ?? string.Empty,
                Aliases = v.Aliases ?? [],
                Headquarters = v.Headquarters ?? v.Name,
                Districts = [.. (v.Districts ?? []).Select(id => new DistrictId(id))],
            });
            return new Gazetteer(dto.State?.Name ?? "Unknown", districts, divisions);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The gazetteer is inconsistent: {ex.Message}", ex);
        }
    }

    private static Gazetteer LoadUttarPradesh()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(UttarPradeshResource)
            ?? throw new InvalidOperationException($"The embedded resource '{UttarPradeshResource}' is missing.");
        return Load(stream);
    }
}
