using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Routing;
using Grievance.Routing.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Core.Tests.Routing;

public class RuleBasedComplaintRouterTests
{
    private readonly IComplaintRouter _router = SampleDirectory.Create().GetRequiredService<IComplaintRouter>();

    private Task<RoutingDecision> Route(string text, params string[] addressed) => _router.RouteAsync(Some.Message(text, addressed: addressed)).AsTask();

    [Fact]
    public void Default_IsTheRuleBasedRouter()
    {
        Assert.IsType<RuleBasedComplaintRouter>(_router);
    }

    [Theory]
    [InlineData("@UPPCL_Sample 3 din se bijli nahi aa rahi, Gorakhpur", "UPPCL_Sample", "power", "GKP", "power-outage")]
    [InlineData("@Uppolice chain snatched near Hazratganj, Lucknow", "Uppolice", "police", "LKO", "theft")]
    [InlineData("@Uppolice मेरठ में मेरी बाइक चोरी हो गई", "@Uppolice", "police", "MRT", "theft")]
    [InlineData("@Uppolice Kanpur Dehat me zameen pe zabardasti kabza", "Uppolice", "police", "KND", "land-dispute")]
    [InlineData("@UPJalNigam_Sample Varanasi ke Lanka me 4 din se nal me paani nahi", "UPJalNigam_Sample", "water", "VNS", "water-supply")]
    [InlineData("@NagarNigam_Sample नाली 2 महीने से साफ नहीं हुई, बरेली", "NagarNigam_Sample", "municipal", "BRL", "sewage")]
    public async Task RouteAsync_EnglishHindiHinglish_RoutesDepartmentDistrictAndCategory(string text, string handle, string department, string district, string category)
    {
        var decision = await Route(text, handle);

        Assert.True(decision.IsGrievance);
        Assert.Equal(department, decision.Department.Value);
        Assert.Equal(district, decision.District?.Value);
        Assert.Equal(category, decision.Category.Value);
        Assert.InRange(decision.Confidence, 0.5, 1.0);
    }

    [Fact]
    public async Task RouteAsync_PowerCutTweetedToPolice_GoesToPowerAndSaysWhy()
    {
        var decision = await Route("@Uppolice there's been no electricity in Rustampur, Gorakhpur since last night", "Uppolice");

        Assert.Equal("power", decision.Department.Value);
        Assert.Equal("power-outage", decision.Category.Value);
        Assert.Contains("'no electricity' → power-outage → power", decision.Reasons);
        Assert.Contains("addressed @Uppolice → police (outweighed)", decision.Reasons);
        Assert.Contains(decision.Reasons, r => r.StartsWith("power (3) outweighs police (2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_HindiKeywordAndLocality_ReasonsNameThem()
    {
        var decision = await Route("@UPPCL_Sample गोमती नगर में 5 घंटे से बिजली नहीं है", "UPPCL_Sample");

        Assert.Contains("'बिजली नहीं' → power-outage → power", decision.Reasons);
        Assert.Equal("power-outage", decision.Category.Value);
        Assert.Equal("LKO", decision.District?.Value);

        var latin = await Route("@UPPCL_Sample Gomti Nagar me 5 ghante se light nahi", "UPPCL_Sample");
        Assert.Equal("LKO", latin.District?.Value);
        Assert.Contains("'Gomti Nagar' → LKO", latin.Reasons);
    }

    [Fact]
    public async Task RouteAsync_DistrictHandle_ImpliesItsDistrictUnlessTheTextNamesAnother()
    {
        var implied = await Route("@lucknowpolice_Sample meri bike chori ho gayi", "lucknowpolice_Sample");
        var named = await Route("@lucknowpolice_Sample meri bike Kanpur me chori ho gayi", "lucknowpolice_Sample");

        Assert.Equal("LKO", implied.District?.Value);
        Assert.Contains("@lucknowpolice_Sample serves LKO", implied.Reasons);
        Assert.Equal("police", named.Department.Value);
        Assert.Equal("KNP", named.District?.Value);
    }

    [Theory]
    [InlineData("@Uppolice phone stolen at Fatehpur Sikri", "AGR")]      // not Fatehpur
    [InlineData("@Uppolice phone stolen at Kanpur Dehat", "KND")]        // not Kanpur Nagar
    [InlineData("@Uppolice phone stolen at Meerut Road Ghaziabad", "GZB")] // not Meerut
    [InlineData("@Uppolice phone stolen in Rae Bareli", "RBL")]           // not Bareilly
    [InlineData("@Uppolice phone stolen near Balrampur hospital", "LKO")] // not Balrampur
    public async Task RouteAsync_NameInsideALongerPlaceName_TakesTheLongestMatch(string text, string district)
    {
        var decision = await Route(text, "Uppolice");

        Assert.Equal(district, decision.District?.Value);
    }

    [Theory]
    [InlineData("@Uppolice Agrawal sweets shop robbed")]
    [InlineData("@Uppolice the Etawahwala bus conductor stole my bag")]
    [InlineData("@Uppolice मेरठवाला दुकानदार चोरी कर गया")]
    public async Task RouteAsync_PlaceNameInsideALongerWord_IsNoPlace(string text)
    {
        var decision = await Route(text, "Uppolice");

        Assert.Null(decision.District);
    }

    [Theory]
    [InlineData("@UPPCL_Sample Firozabd me kal raat se light nahi hai", "FZD")]   // a letter left out
    [InlineData("@UPPCL_Sample Bahriach me bijli gayab 6 ghante se", "BHR")]      // two letters swapped
    [InlineData("@UPPCL_Sample in Muzafarnagr there is no power", "MZN")]           // before the name: "in"
    [InlineData("@Uppolice Moradbad me mobile chori ho gaya", "MBD")]
    public async Task RouteAsync_MisspeltPlaceWhereAPlaceIsExpected_MatchesByEditDistance(string text, string district)
    {
        var decision = await Route(text, text.Contains("UPPCL", StringComparison.Ordinal) ? "UPPCL_Sample" : "Uppolice");

        Assert.Equal(district, decision.District?.Value);
        Assert.Contains(decision.Reasons, r => r.Contains("(a close spelling)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_WordOneEditFromAPlaceButNotWhereAPlaceIsExpected_IsNoPlace()
    {
        // "bimari" (illness) is one edit from Bilari (Moradabad) but is not followed by "me", "ke" or the like.
        var decision = await Route("@UPJalNigam_Sample nal se kala pani aa raha hai, bimari fail rahi", "UPJalNigam_Sample");

        Assert.Null(decision.District);
    }

    [Fact]
    public async Task RouteAsync_OriginAndDestination_TheOriginWins()
    {
        var decision = await Route("@UPSRTC_Sample Prayagraj se Varanasi jaane wali bus me AC band tha", "UPSRTC_Sample");

        Assert.Equal("PRJ", decision.District?.Value);
        Assert.Equal("bus-service", decision.Category.Value);
        Assert.Contains(decision.Reasons, r => r.StartsWith("'Varanasi' → VNS (a destination", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("@Uppolice dahej ke liye sasural wale meri behen ko peet te hai, FIR bhi nahi likhi", "women-safety")]
    [InlineData("@Uppolice meri bike chori ho gayi, thane me FIR nahi likh rahe", "theft")]
    [InlineData("@Uppolice padosi ne zameen pe kabza kar liya aur jaan se maarne ki dhamki di", "land-dispute")]
    [InlineData("@Uppolice daroga ji FIR ke liye 5000 rishwat maang rahe", "corruption")]
    [InlineData("@Uppolice thane me meri FIR nahi likh rahe", "fir-not-registered")]
    public async Task RouteAsync_SeveralCategoriesFit_PrecedenceDecides(string text, string category)
    {
        var decision = await Route(text, "Uppolice");

        Assert.Equal("police", decision.Department.Value);
        Assert.Equal(category, decision.Category.Value);
    }

    /// <summary>The demo feed's Noida complaint once routed as police/GBN/other: "harass" was no problem word, so "girls" stayed a subject without a problem.</summary>
    [Theory]
    [InlineData("@noidapolice_Sample Some men harass girls every evening outside the metro station in Gautam Buddh Nagar sector 18. Please send a patrol.")]
    [InlineData("@Uppolice boys keep harassing women at the bus stand in Lucknow every night")]
    [InlineData("@Uppolice college ke bahar ladkiyon ke saath harassment hota hai roz, Lucknow")]
    public async Task RouteAsync_HarassmentOfWomenOrGirls_IsWomenSafety(string text)
    {
        var decision = await Route(text, "Uppolice");

        Assert.Equal(("police", "women-safety"), (decision.Department.Value, decision.Category.Value));
    }

    [Fact]
    public async Task RouteAsync_CorruptionWithAnyDepartment_KeepsTheDepartment()
    {
        var decision = await Route("@UPPCL_Sample lineman naye connection ke liye 3000 rishwat maang raha hai, Azamgarh", "UPPCL_Sample");

        Assert.Equal("power", decision.Department.Value);
        Assert.Equal("corruption", decision.Category.Value);
        Assert.Equal("AZM", decision.District?.Value);
    }

    [Fact]
    public async Task RouteAsync_LandRecordsAndPublicLand_GoToRevenue()
    {
        var records = await Route("@UPRevenue_Sample Basti tehsil me meri khatauni me naam galat darj hai", "UPRevenue_Sample");
        var pond = await Route("@myogiadityanath गांव के तालाब पर दबंगों ने अवैध कब्जा कर लिया है, तहसील में सुनवाई नहीं", "myogiadityanath");

        Assert.Equal(("revenue", "land-dispute"), (records.Department.Value, records.Category.Value));
        Assert.Equal(("revenue", "encroachment"), (pond.Department.Value, pond.Category.Value));
    }

    [Fact]
    public async Task RouteAsync_NoDepartmentEvidence_GoesToTriageWithLowConfidence()
    {
        var decision = await Route("@CMOfficeUP कृपया मदद करें, कोई सुनवाई नहीं हो रही, Agra", "CMOfficeUP");

        Assert.True(decision.IsGrievance);
        Assert.Equal("triage", decision.Department.Value);
        Assert.Equal("AGR", decision.District?.Value);
        Assert.True(decision.Confidence < 0.5, $"{decision.Confidence}");
        Assert.Contains(decision.Reasons, r => r.Contains("sent to triage 'triage'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("RT @UPHealth_Sample: Pulse Polio drive this Sunday. Bring your children", "a retweet")]
    [InlineData("Thank you @noidapolice_Sample for the quick response last night, the cops were polite and helpful", "praise or thanks")]
    [InlineData("सुप्रभात उत्तर प्रदेश, आप सभी का दिन मंगलमय हो", "a greeting")]
    [InlineData("Earn ₹5000 daily from home!! No investment, DM now @Uppolice @UPPCL_Sample", "an advertisement or spam")]
    [InlineData("2027 me UP me kiski sarkar banegi? comment karo", "no words that name a problem")]
    [InlineData("aaj Prayagraj me garmi 46 degree, sab log paani peete raho", "no words that name a problem")]
    public async Task RouteAsync_NotAGrievance_SaysSoWithTheReason(string text, string reason)
    {
        var decision = await Route(text, [.. RouteMentions(text)]);

        Assert.False(decision.IsGrievance);
        Assert.Equal(CategoryId.None, decision.Category);
        Assert.Equal("triage", decision.Department.Value);
        Assert.Null(decision.District);
        Assert.Contains(decision.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_ComplaintWithThanksInAdvance_IsStillAGrievance()
    {
        var decision = await Route("@UPJalNigam_Sample Meerut me 3 din se paani nahi aa raha. Thanks in advance", "UPJalNigam_Sample");

        Assert.True(decision.IsGrievance);
        Assert.Equal("water", decision.Department.Value);
        Assert.Contains("'thanks' → praise or thanks: not a grievance (outweighed)", decision.Reasons);
    }

    [Fact]
    public async Task RouteAsync_Repost_IsNotAGrievance()
    {
        var message = Some.Message("@UPPCL_Sample no electricity in Gorakhpur", addressed: "UPPCL_Sample") with { IsRepost = true };

        var decision = await _router.RouteAsync(message);

        Assert.False(decision.IsGrievance);
        Assert.Contains(decision.Reasons, r => r.Contains("repost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_DesksOwnPost_IsNotAGrievance()
    {
        var message = Some.Message("Power shutdown in Gomti Nagar 10-12 today for maintenance", addressed: []) with
        {
            Author = new Complainant { PlatformId = "1", Handle = "UPPCL_Sample" },
        };

        var decision = await _router.RouteAsync(message);

        Assert.False(decision.IsGrievance);
        Assert.Contains("posted by an account of department 'power' itself", decision.Reasons);
    }

    [Fact]
    public async Task RouteAsync_CoordinatesNearAHeadquarters_GiveTheDistrict()
    {
        var near = Some.Message("@UPPCL_Sample 5 ghante se light nahi hai", addressed: "UPPCL_Sample") with { Geo = new GeoPoint(26.80, 80.95) };
        var far = near with { Geo = new GeoPoint(28.6, 72.0) };

        var decision = await _router.RouteAsync(near);
        var none = await _router.RouteAsync(far);

        Assert.Equal("LKO", decision.District?.Value);
        Assert.Contains(decision.Reasons, r => r.StartsWith("coordinates ", StringComparison.Ordinal) && r.EndsWith("from Lucknow → LKO", StringComparison.Ordinal));
        Assert.Null(none.District);
    }

    [Fact]
    public async Task RouteAsync_PlaceNameAttached_GivesTheDistrictButTheTextWins()
    {
        var tagged = Some.Message("@UPPCL_Sample 5 ghante se light nahi hai", addressed: "UPPCL_Sample") with { PlaceName = "Varanasi, India" };
        var both = tagged with { Text = "@UPPCL_Sample Gorakhpur me 5 ghante se light nahi hai" };

        Assert.Equal("VNS", (await _router.RouteAsync(tagged)).District?.Value);
        Assert.Equal("GKP", (await _router.RouteAsync(both)).District?.Value);
    }

    [Fact]
    public async Task RouteAsync_ProfileLocation_IsAWeakHintALocalityOutweighs()
    {
        var profileOnly = Some.Message("@UPPCL_Sample 5 ghante se light nahi hai", addressed: "UPPCL_Sample") with
        {
            Author = new Complainant { PlatformId = "9", Handle = "someone", Location = "Kanpur, UP" },
        };
        var withLocality = profileOnly with { Text = "@UPPCL_Sample Gomti Nagar me 5 ghante se light nahi hai" };

        var hinted = await _router.RouteAsync(profileOnly);
        var placed = await _router.RouteAsync(withLocality);

        Assert.Equal("KNP", hinted.District?.Value);
        Assert.Contains(hinted.Reasons, r => r.StartsWith("profile location", StringComparison.Ordinal));
        Assert.Equal("LKO", placed.District?.Value);
        Assert.Contains(placed.Reasons, r => r.StartsWith("profile location", StringComparison.Ordinal) && r.EndsWith("(outweighed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_ConfiguredUnit_GivesDistrictAndUnit()
    {
        using var services = SampleDirectory.Create(o =>
        {
            var unit = new UnitOptions { Name = "Thana Chinhat", District = "LKO", Kind = "police-station" };
            unit.Aliases.Add("चिनहट थाना");
            o.Departments.Single(d => d.Id == "police").Units.Add(unit);
        });
        var router = services.GetRequiredService<IComplaintRouter>();

        var decision = await router.RouteAsync(Some.Message("@Uppolice चिनहट थाना में मेरी शिकायत पर सुनवाई नहीं, मोबाइल चोरी", addressed: "Uppolice"));

        Assert.Equal("LKO", decision.District?.Value);
        Assert.Equal("Thana Chinhat", decision.Unit);
        Assert.Contains("'चिनहट थाना' → Thana Chinhat, LKO", decision.Reasons);
    }

    [Fact]
    public async Task RouteAsync_ConfiguredRule_ExtendsTheEmbeddedLexicon()
    {
        using var services = SampleDirectory.Create(o =>
        {
            var rule = new RoutingRuleOptions { Kind = RoutingRuleKind.Problem, Category = "billing" };
            rule.Keywords.Add("#BillKaGhotala");
            o.Routing.Rules.Add(rule);
        });
        var router = services.GetRequiredService<IComplaintRouter>();

        var decision = await router.RouteAsync(Some.Message("Har mahine yahi haal #BillKaGhotala Jhansi", addressed: "CMOfficeUP"));

        Assert.Equal(("power", "billing", "JHS"), (decision.Department.Value, decision.Category.Value, decision.District?.Value));
        Assert.Contains("'#BillKaGhotala' → billing → power", decision.Reasons);
    }

    [Fact]
    public async Task RouteAsync_WithoutTheDefaultLexicon_RoutesByHandleAndPlaceOnly()
    {
        using var services = SampleDirectory.Create(o => o.Routing.UseDefaultLexicon = false);
        var router = services.GetRequiredService<IComplaintRouter>();

        var decision = await router.RouteAsync(Some.Message("@Uppolice no electricity in Gorakhpur", addressed: "Uppolice"));

        Assert.False(decision.IsGrievance); // no lexicon, so no words that name a problem
        Assert.Contains(decision.Reasons, r => r.Contains("no words that name a problem", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RouteAsync_SmallerDirectory_RoutesWithItsDepartments()
    {
        var decision = await TestServices.Create().GetRequiredService<IComplaintRouter>()
            .RouteAsync(Some.Message("@UPPCL_Sample बिजली नहीं है, Gorakhpur", addressed: "UPPCL_Sample"));

        Assert.Equal(("power", "GKP"), (decision.Department.Value, decision.District?.Value));
    }

    [Fact]
    public async Task RouteAsync_Null_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(async () => await _router.RouteAsync(null!));
        Assert.Equal("message", ex.ParamName);
    }

    [Fact]
    public async Task RouteAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _router.RouteAsync(Some.Message(), cts.Token));
    }

    [Fact]
    public async Task RouteAsync_ManyThreadsAtOnce_GiveTheSameDecisions()
    {
        var texts = new[] { "@UPPCL_Sample Gorakhpur me light nahi", "@Uppolice Kanpur me chori", "@UPJalNigam_Sample Agra me paani nahi" };
        var expected = await Task.WhenAll(texts.Select(t => Route(t, RouteMentions(t).ToArray())));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => Route(texts[i % 3], RouteMentions(texts[i % 3]).ToArray()))));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % 3].District, results[i].District);
            Assert.Equal(expected[i % 3].Department, results[i].Department);
        }
    }

    [Theory]
    [InlineData("gorakhpur", "gorakpur", true)]
    [InlineData("moradabad", "moradbad", true)]
    [InlineData("saharanpur", "sahranpur", true)]
    [InlineData("bareilly", "bareilyl", true)]
    [InlineData("kanpur", "kanpur", true)]
    [InlineData("meerut", "mirutt", false)]
    [InlineData("agra", "agrawal", false)]
    public void EditDistanceAtMostOne_ComparesInsertionDeletionSubstitutionAndSwap(string a, string b, bool expected)
    {
        Assert.Equal(expected, FuzzyPlaceIndex.EditDistanceAtMostOne(a, b));
        Assert.Equal(expected, FuzzyPlaceIndex.EditDistanceAtMostOne(b, a));
    }

    [Theory]
    [InlineData("@Uppolice see https://t.co/Ab12 now", "{9} see {17} now")]
    [InlineData("RT @UPNews_Sample: bridge closed", "RT {14}: bridge closed")]
    [InlineData("no links here", "no links here")]
    public void WithoutMentionsAndLinks_BlanksHandlesAndUrls(string text, string pattern)
    {
        var expected = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\d+)\}", m => new string(' ', int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

        var blanked = TextStep.WithoutMentionsAndLinks(text);

        Assert.Equal(expected, blanked);
        if (text == expected)
        {
            Assert.Same(text, blanked);
        }
    }

    private static IEnumerable<string> RouteMentions(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith('@')).Select(w => w.Trim('@', ':', ',', '.'));
}
