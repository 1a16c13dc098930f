using Grievance.Intake;
using Grievance.Routing;
using Grievance.Routing.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Core.Tests.Routing;

public class HandleAndDistrictRouterTests
{
    private readonly IComplaintRouter _router = TestServices.Create().GetRequiredService<IComplaintRouter>();

    [Fact]
    public void Default_IsTheHandleAndDistrictRouter()
    {
        Assert.IsType<HandleAndDistrictRouter>(_router);
    }

    [Theory]
    [InlineData("@UPPCL_Sample no light in Gorakhpur", "UPPCL_Sample", "power", "GKP")]
    [InlineData("@uppolice chain snatched near Hazratganj, Lucknow", "uppolice", "police", "LKO")]
    [InlineData("@Uppolice मेरठ में चोरी", "@Uppolice", "police", "MRT")]
    [InlineData("@Uppolice Kanpur Nagar me chori", "Uppolice", "police", "KNP")]
    [InlineData("@Uppolice no place named here", "Uppolice", "police", null)]
    public async Task RouteAsync_AddressedHandleAndDistrictName_RoutesWithReasons(string text, string handle, string department, string? district)
    {
        var decision = await _router.RouteAsync(Some.Message(text, addressed: handle));

        Assert.Equal(department, decision.Department.Value);
        Assert.Equal(district, decision.District?.Value);
        Assert.Contains(decision.Reasons, r => r.Contains($"department '{department}'", StringComparison.Ordinal));
        Assert.Equal(district is null ? 0.6 : 0.9, decision.Confidence, 3);
    }

    [Fact]
    public async Task RouteAsync_NoKnownHandle_GoesToTriageWithZeroConfidenceFromHandles()
    {
        var decision = await _router.RouteAsync(Some.Message("@CMOfficeUP water problem in Agra", addressed: "CMOfficeUP"));

        Assert.Equal("triage", decision.Department.Value);
        Assert.Equal("AGR", decision.District?.Value);
        Assert.Equal(0.3, decision.Confidence, 3);
        Assert.Contains(decision.Reasons, r => r.Contains("sent to triage", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Agrawal sweets shop robbed")]          // 'Agra' inside a longer word
    [InlineData("the Etawahwala bus")]                  // 'Etawah' inside a longer word
    [InlineData("मेरठवाला")]
    public async Task RouteAsync_DistrictNameInsideALongerWord_IsNotADistrict(string text)
    {
        var decision = await _router.RouteAsync(Some.Message(text, addressed: "Uppolice"));

        Assert.Null(decision.District);
    }

    [Fact]
    public async Task RouteAsync_TwoDistricts_TakesTheFirstNamed()
    {
        var decision = await _router.RouteAsync(Some.Message("bus from Varanasi to Lucknow was cancelled", addressed: "Uppolice"));

        Assert.Equal("VNS", decision.District?.Value);
    }

    [Fact]
    public async Task RouteAsync_SecondHandleKnown_UsesIt()
    {
        var decision = await _router.RouteAsync(Some.Message("@myogiadityanath @UPPCL_Sample bill wrong", addressed: ["myogiadityanath", "UPPCL_Sample"]));

        Assert.Equal("power", decision.Department.Value);
    }

    [Fact]
    public async Task RouteAsync_Null_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(async () => await _router.RouteAsync(null!));
        Assert.Equal("message", ex.ParamName);
    }
}
