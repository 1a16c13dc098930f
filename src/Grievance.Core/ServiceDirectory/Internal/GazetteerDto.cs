using System.Text.Json.Serialization;

namespace Grievance.ServiceDirectory.Internal;

internal sealed class GazetteerDto
{
    public StateDto? State { get; set; }

    public List<DistrictDto>? Districts { get; set; }

    public List<DivisionDto>? Divisions { get; set; }
}

internal sealed class StateDto
{
    public string? Name { get; set; }
}

internal sealed class DistrictDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Hindi { get; set; }

    public List<string>? Aliases { get; set; }

    public List<string>? Localities { get; set; }

    public string? Division { get; set; }

    public HqDto? Hq { get; set; }

    public bool PoliceCommissionerate { get; set; }
}

internal sealed class HqDto
{
    public string? Town { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }
}

internal sealed class DivisionDto
{
    public string? Name { get; set; }

    public string? Hindi { get; set; }

    public List<string>? Aliases { get; set; }

    public string? Headquarters { get; set; }

    public List<string>? Districts { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GazetteerDto))]
internal sealed partial class GazetteerJsonContext : JsonSerializerContext;
