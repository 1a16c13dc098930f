using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Routing;
using Grievance.ServiceDirectory;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Benchmarks;

/// <summary>
/// Routing throughput per tweet with the full Uttar Pradesh gazetteer (75 districts with aliases and localities), the embedded
/// lexicon and ten departments, beside a baseline: one compiled, case-insensitive regular expression that alternates every
/// gazetteer name, longest first, on word boundaries (which finds districts only). Tweets are made up, about 280 characters, in
/// English, Hindi, Hinglish and mixed script. Results are per tweet.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private static readonly (string Id, string[] Handles, string[] Categories, (string Handle, string District)[] Districts)[] s_departments =
    [
        ("police", ["Uppolice"], ["theft", "assault", "harassment", "women-safety", "cyber-fraud", "traffic", "noise", "missing-person", "fir-not-registered", "land-dispute"],
            [("lucknowpolice_Sample", "LKO"), ("noidapolice_Sample", "GBN"), ("kanpurpolice_Sample", "KNP"), ("ghaziabadpolice_Sample", "GZB")]),
        ("power", ["UPPCL_Sample"], ["power-outage", "billing"], []),
        ("water", ["UPJalNigam_Sample"], ["water-supply", "sewage"], []),
        ("municipal", ["NagarNigam_Sample"], ["garbage", "streetlight"], []),
        ("roads", ["UPPWD_Sample"], ["pothole"], []),
        ("transport", ["UPSRTC_Sample"], ["bus-service", "licence"], []),
        ("health", ["UPHealth_Sample"], ["hospital-service", "ambulance"], []),
        ("revenue", ["UPRevenue_Sample"], ["encroachment"], []),
        ("food", ["UPFood_Sample"], ["ration"], []),
        ("education", ["UPEducation_Sample"], ["school"], []),
    ];

    private static readonly string[] s_texts =
    [
        "@Uppolice @lucknowpolice_Sample my bike UP32 XX 4521 was stolen outside Bhootnath market, Indira Nagar last night around 10:30. " +
            "FIR not registered yet at the thana &amp; the SHO says come tomorrow. Please help, I need it for work. #Lucknow https://t.co/AbCdEf1234",
        "@UPPCL_Sample गोरखपुर के बेतियाहाता में कल शाम से बिजली नहीं है, ट्रांसफार्मर जल गया है। 1912 पर शिकायत की पर कोई नहीं आया। " +
            "बच्चों की परीक्षा है, कृपया जल्द ठीक कराएं। शिकायत संख्या ०४५६७८९१२३ है 🙏 @CMOfficeUP",
        "@UPJalNigam_Sample Meerut Shastri Nagar sector 3 me main pipeline phati hai, hazaro litre paani beh raha aur ghar me supply nahi aa rahi. " +
            "3 din se complaint kar rahe hai koi sunwai nahi. JE ka number band hai. jaldi karo plzz 😤 #MeerutWater https://t.co/Xy12",
        "@NagarNigam_Sample गाजियाबाद के Raj Nagar Extension में stray dogs का आतंक, this week 3 kids bitten &amp; one old man. " +
            "Nagar Nigam kab pakdega? RWA ne 2 baar mail kiya, koi reply nahi. Please act now @ghaziabadpolice_Sample",
        "@UPRevenue_Sample Lucknow Sadar tehsil में खतौनी की certified copy के लिए बाबू ₹200 extra मांगता है, receipt नहीं देता. " +
            "mutation 6 महीने से pending. Application no. LKO-2611-0042K &lt;urgent&gt;",
        "@UPSRTC_Sample Prayagraj se Varanasi jaane wali AC Janrath bus UP70 AT 1234 me AC band tha, kiraya pura liya ₹450. Conductor ne " +
            "badtameezi ki aur ticket bhi nahi di. Refund chahiye. 28-11-2026 ki 7:15 wali bus thi.",
        "@UPHealth_Sample the district hospital in Bareilly has had no doctor in the emergency ward since 2 AM. My father is having chest pain &amp; " +
            "the staff asked for Rs 2,000 to admit him. Ambulance 108 took 2 hours. Please act. #Bareilly",
        "@UPFood_Sample Kannauj ke Chhibramau me kotedar 3 mahine se ration nahi de raha, bolta hai angootha nahi laga. " +
            "Gaon ke 40 parivar pareshan hai. Shikayat ki par koi karyavahi nahi hui 😢 https://t.co/Zz9",
        "@myogiadityanath Gonda ke Colonelganj se gaon jane wali sadak me itne gaddhe hai ki ambulance bhi nahi aa paati, baarish me " +
            "aur bura haal. 2 saal se sirf aashwasan mil raha hai. kripya PWD ko nirdesh de 🙏",
        "Thank you @noidapolice_Sample for the quick response last night in Sector 62, the cops were polite and helpful 👏 " +
            "Faith restored in the system. Special thanks to the night patrol team, you guys are real heroes!",
        "@UPEducation_Sample सोनभद्र के ओबरा में सरकारी स्कूल में दाखिले के नाम पर प्रधानाध्यापक ₹500 ले रहे हैं, " +
            "गरीब परिवार परेशान हैं। मिड डे मील भी 1 हफ्ते से नहीं बना। कृपया जांच कराएं।",
        "@Uppolice Gorakpur me kal raat mere ghar ka tala tod kar chori ho gayi, jewar aur cash le gaye. Thana ne abhi tak FIR nahi likhi, " +
            "bol rahe kal aana. Please help sir 🙏 #UPPolice",
    ];

    private InboundMessage[] _messages = [];
    private IComplaintRouter _router = null!;
    private Regex _baseline = null!;
    private Dictionary<string, DistrictId> _baselineNames = [];

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddGrievance(o =>
        {
            foreach (var (id, handles, categories, districts) in s_departments)
            {
                var department = new DepartmentOptions { Id = id, Name = id };
                foreach (var handle in handles)
                {
                    department.Handles.Add(handle);
                }

                foreach (var category in categories)
                {
                    department.Categories.Add(category);
                }

                foreach (var (handle, district) in districts)
                {
                    department.DistrictHandles[handle] = district;
                }

                o.Departments.Add(department);
            }
        });
        var provider = services.BuildServiceProvider();
        _router = provider.GetRequiredService<IComplaintRouter>();
        _messages = [.. s_texts.Select((text, i) => new InboundMessage
        {
            Channel = Channels.X,
            ExternalId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Author = new Complainant { PlatformId = "1", Handle = "citizen" },
            Text = text,
            CreatedAt = DateTimeOffset.UnixEpoch,
            AddressedAccounts = [.. text.Split(' ').Where(w => w.StartsWith('@')).Select(w => w.TrimStart('@'))],
        })];

        // Baseline: every gazetteer name in one alternation, longest first.
        var names = new Dictionary<string, DistrictId>(StringComparer.OrdinalIgnoreCase);
        foreach (var district in Gazetteer.UttarPradesh.Districts)
        {
            foreach (var name in new[] { district.Name, district.HindiName }.Concat(district.Aliases).Concat(district.Localities))
            {
                names.TryAdd(name, district.Id);
            }
        }

        _baselineNames = names;
        var pattern = @"\b(?:" + string.Join('|', names.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")\b";
        _baseline = new Regex(pattern, RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int Route()
    {
        var routed = 0;
        foreach (var message in _messages)
        {
            // The default router completes synchronously; the benchmark measures routing, not a scheduler.
            var pending = _router.RouteAsync(message);
            var decision = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            routed += decision.District is null ? 0 : 1;
        }

        return routed;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 12)]
    public int RegexAlternationBaseline()
    {
        var found = 0;
        foreach (var message in _messages)
        {
            var match = _baseline.Match(message.Text);
            found += match.Success && _baselineNames.ContainsKey(match.Value) ? 1 : 0;
        }

        return found;
    }
}
