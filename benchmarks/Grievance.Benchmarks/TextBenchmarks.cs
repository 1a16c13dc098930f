using BenchmarkDotNet.Attributes;
using Grievance.Text;

namespace Grievance.Benchmarks;

/// <summary>
/// Text normalisation and PII scanning over tweets of about 280 characters in English, Hindi, Hinglish and mixed script, as X
/// delivers them (entities escaped). Names and numbers are made up. Results are per tweet.
/// </summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private const int TweetCount = 8;

    private readonly string[] _tweets =
    [
        "@Uppolice @lucknowpolice_Sample my bike UP32 XX 4521 was stolen outside Bhootnath market, Indira Nagar last night around 10:30. " +
            "FIR not registered yet at the thana &amp; the SHO says come tomorrow. Please help, I need it for work. Mob 9876543210 #Lucknow https://t.co/AbCdEf1234",
        "@UPPCL_Sample गोरखपुर के बेतियाहाता में कल शाम से बिजली नहीं है, ट्रांसफार्मर जल गया है। 1912 पर शिकायत की पर कोई नहीं आया। " +
            "बच्चों की परीक्षा है, कृपया जल्द ठीक कराएं। शिकायत संख्या ०४५६७८९१२३ है, संपर्क ९८७६५४३२१० 🙏 @CMOfficeUP",
        "@UPJalNigam_Sample Meerut Shastri Nagar sector 3 me main pipeline phati hai, hazaro litre paani beh raha aur ghar me supply nahi aa rahi. " +
            "3 din se complaint kar rahe hai koi sunwai nahi. JE ka number 09812345678 band hai. jaldi karo plzz 😤 #MeerutWater https://t.co/Xy12",
        "@NagarNigam_Sample गाजियाबाद के Raj Nagar Extension में stray dogs का आतंक, this week 3 kids bitten &amp; one old man. " +
            "Nagar Nigam kab pakdega? RWA ne 2 baar mail kiya rwa.rne@example.in se, koi reply nahi. Contact +91 98765 43210. Please act now @ghaziabadpolice_Sample",
        "@UPRevenue_Sample Lucknow Sadar tehsil में खतौनी की certified copy के लिए बाबू ₹200 extra मांगता है, receipt नहीं देता. " +
            "मेरा aadhaar 2345 6789 0124 और PAN ABCPE1234F दोनों जमा हैं फिर भी mutation 6 महीने से pending. Application no. LKO-2611-0042K &lt;urgent&gt;",
        "@UPSRTC_Sample Prayagraj se Varanasi jaane wali AC Janrath bus UP70 AT 1234 me AC band tha, kiraya pura liya ₹450. Conductor ne " +
            "badtameezi ki aur ticket bhi nahi di. Refund chahiye. 28-11-2026 ki 7:15 wali bus thi. Mera no. 7007123456, email ravi.k@example.com",
        "@UPHealth_Sample the district hospital in Bareilly has had no doctor in the emergency ward since 2 AM. My father is having chest pain &amp; " +
            "the staff asked for Rs 2,000 to admit him. Ambulance 108 took 2 hours. Please act. Call 8765432109 or 87654 32109. PIN 243001 #Bareilly",
        "@UPFood_Sample Kannauj ke Chhibramau me kotedar 3 mahine se ration nahi de raha, bolta hai angootha nahi laga. Ration card no. " +
            "123456789012 hai aur aadhar 498765432102 link hai. Gaon ke 40 parivar pareshan hai. Shikayat ki par koi karyavahi nahi hui 😢 https://t.co/Zz9",
    ];

    private string[] _normalized = [];

    /// <summary>Normalizes the tweets once so that <see cref="FoldLatin"/> measures folding alone.</summary>
    [GlobalSetup]
    public void Setup() => _normalized = [.. _tweets.Select(TextNormalizer.Normalize)];

    [Benchmark(OperationsPerInvoke = TweetCount)]
    public int Normalize()
    {
        var total = 0;
        foreach (var tweet in _tweets)
        {
            total += TextNormalizer.Normalize(tweet).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = TweetCount)]
    public int FoldLatin()
    {
        var total = 0;
        foreach (var tweet in _normalized)
        {
            total += TextNormalizer.FoldLatin(tweet).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = TweetCount)]
    public int ToMatchKey()
    {
        var total = 0;
        foreach (var tweet in _tweets)
        {
            total += TextNormalizer.ToMatchKey(tweet).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = TweetCount)]
    public int Scan()
    {
        var total = 0;
        foreach (var tweet in _tweets)
        {
            total += PiiScanner.Scan(tweet).Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = TweetCount)]
    public int Redact()
    {
        var total = 0;
        foreach (var tweet in _tweets)
        {
            total += PiiScanner.Redact(tweet).Length;
        }

        return total;
    }
}
