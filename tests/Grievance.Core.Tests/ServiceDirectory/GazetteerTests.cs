using System.Text;
using Grievance.Complaints;
using Grievance.ServiceDirectory;

namespace Grievance.Core.Tests.ServiceDirectory;

public class GazetteerTests
{
    [Fact]
    public void UttarPradesh_Embedded_Has75DistrictsIn18Divisions()
    {
        var gazetteer = Gazetteer.UttarPradesh;

        Assert.Equal("Uttar Pradesh", gazetteer.StateName);
        Assert.Equal(75, gazetteer.Districts.Count);
        Assert.Equal(18, gazetteer.Divisions.Count);
        Assert.Equal(75, gazetteer.Divisions.Sum(d => d.Districts.Count));
        Assert.Equal(7, gazetteer.Districts.Count(d => d.IsPoliceCommissionerate));
    }

    [Fact]
    public void FindDistrict_KnownId_ReturnsDistrictWithHindiNameAndHeadquarters()
    {
        var lucknow = Gazetteer.UttarPradesh.FindDistrict(new DistrictId("lko"));

        Assert.NotNull(lucknow);
        Assert.Equal("Lucknow", lucknow.Name);
        Assert.Equal("लखनऊ", lucknow.HindiName);
        Assert.Equal("Lucknow", lucknow.Division);
        Assert.InRange(lucknow.Headquarters.Latitude, 26.7, 27.0);
    }

    [Fact]
    public void FindDistrict_UnknownId_ReturnsNull()
    {
        Assert.Null(Gazetteer.UttarPradesh.FindDistrict(new DistrictId("XYZ")));
    }

    [Fact]
    public void Load_MalformedJson_ThrowsFormatException()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{ \"districts\": [ "));

        Assert.Throws<FormatException>(() => Gazetteer.Load(stream));
    }

    [Fact]
    public void Load_DivisionWithUnknownDistrict_ThrowsFormatException()
    {
        const string json = """
            { "state": { "name": "Test" },
              "districts": [ { "id": "AAA", "name": "Alpha", "hindi": "अ", "division": "One", "hq": { "town": "Alpha", "lat": 1, "lon": 2 } } ],
              "divisions": [ { "name": "One", "hindi": "एक", "headquarters": "Alpha", "districts": [ "AAA", "BBB" ] } ] }
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var ex = Assert.Throws<FormatException>(() => Gazetteer.Load(stream));
        Assert.Contains("BBB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateDistrictId_ThrowsFormatException()
    {
        const string json = """
            { "state": { "name": "Test" },
              "districts": [ { "id": "AAA", "name": "Alpha" }, { "id": "aaa", "name": "Again" } ],
              "divisions": [] }
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var ex = Assert.Throws<FormatException>(() => Gazetteer.Load(stream));
        Assert.Contains("AAA", ex.Message, StringComparison.Ordinal);
    }
}
