using Grievance.ServiceDirectory;
using Grievance.Text;

namespace Grievance.Core.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Lucknow &amp; Kanpur", "Lucknow & Kanpur")]
    [InlineData("a &lt;b&gt; c", "a <b> c")]
    [InlineData("&amp;amp;lt;", "&amp;lt;")]
    [InlineData("&#39; &#x27; &quot; &nbsp;", "&#39; &#x27; &quot; &nbsp;")]
    [InlineData("&AMP; &amp &", "&AMP; &amp &")]
    [InlineData("no entities", "no entities")]
    [InlineData("", "")]
    public void DecodeEntities_Text_DecodesOnlyTheEntitiesXEscapes(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.DecodeEntities(text));
    }

    [Theory]
    // Entities, white space, case
    [InlineData("Ghaziabad &amp; Noida", "ghaziabad & noida")]
    [InlineData("  Lucknow   Police\n\tHelp  ", "lucknow police help")]
    [InlineData("Noida\u00A0Sector\u3000 62", "noida sector 62")]
    [InlineData("LUCKNOW Nagar NIGAM", "lucknow nagar nigam")]
    [InlineData("ÉTAT Ñ", "état ñ")]
    // NFC
    [InlineData("cafe\u0301", "café")]
    // Invisible characters
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("a\u200Db\u200Cc", "abc")]
    [InlineData("\u200Eleft\u200F", "left")]
    [InlineData("\u202Bright\u202C \u202Aembed\u202E", "right embed")]
    [InlineData("\u2066x\u2069 \u2067y\u2068", "x y")]
    [InlineData("\uFEFFhello", "hello")]
    [InlineData("soft\u00ADhyphen word\u2060joiner", "softhyphen wordjoiner")]
    [InlineData("bell\u0007 null\u0000", "bell null")]
    [InlineData("क्\u200Dष", "क्ष")]
    // Digits
    [InlineData("९८७६५ ०", "98765 0")]
    [InlineData("۱۲۳ ١٢٣", "123 123")]
    // Nukta, precomposed and combining
    [InlineData("\u095Bमीन", "जमीन")]
    [InlineData("\u091C\u093Cमीन", "जमीन")]
    [InlineData("फ़र्रुख़ाबाद", "फर्रुखाबाद")]
    [InlineData("हापुड़ गढ़", "हापुड गढ")]
    [InlineData("क़ ख़ ग़ ड़ ढ़ फ़ य़ ऩ ऱ ऴ", "क ख ग ड ढ फ य न र ळ")]
    // Chandrabindu
    [InlineData("झाँसी", "झांसी")]
    [InlineData("बदायूँ", "बदायूं")]
    // Nasal before a stop of its class
    [InlineData("गोण्डा", "गोंडा")]
    [InlineData("सम्भल", "संभल")]
    [InlineData("अम्बेडकर", "अंबेडकर")]
    [InlineData("बुलन्दशहर", "बुलंदशहर")]
    [InlineData("गङ्गा पञ्जाब", "गंगा पंजाब")]
    [InlineData("न्\u200Dद", "ंद")]
    [InlineData("कन्नौज सम्मान", "कन्नौज सम्मान")]
    [InlineData("जन्म", "जन्म")]
    // Repeated signs
    [InlineData("बरेलीी", "बरेली")]
    [InlineData("बिजलीीी नहींं", "बिजली नहीं")]
    [InlineData("", "")]
    public void Normalize_Text_AppliesTheDocumentedRules(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_AlreadyNormal_ReturnsSameInstance()
    {
        const string text = "bijli nahi aa rahi, बिजली नहीं";

        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_TextLongerThanTheStackBuffer_IsNormalized()
    {
        var text = string.Concat(Enumerable.Repeat("Lakhnau  ज़मीन\u200B ", 200));

        var normalized = TextNormalizer.Normalize(text);

        Assert.Equal(string.Join(' ', Enumerable.Repeat("lakhnau जमीन", 200)), normalized);
    }

    [Theory]
    [InlineData("Lakhnau", "lakno")]
    [InlineData("Lucknow", "lakno")]
    [InlineData("lakhnow", "lakno")]
    [InlineData("Gorakhpoor", "gorakpur")]
    [InlineData("Gorakhpur", "gorakpur")]
    [InlineData("Prayaagraj", "prayagraj")]
    [InlineData("Prayagraj", "prayagraj")]
    [InlineData("mirzapur", "mirjapur")]
    [InlineData("Bareilly", "bareli")]
    [InlineData("Aligarh", "aligad")]
    [InlineData("aligadh", "aligad")]
    [InlineData("raebareli", "raibareli")]
    [InlineData("baliya", "balia")]
    [InlineData("Kannauj", "kanoj")]
    [InlineData("etah", "eta")]
    [InlineData("hardoie", "hardoi")]
    [InlineData("zameen", "jamin")]
    [InlineData("shikaayat", "sikayat")]
    [InlineData("kharaab", "karab")]
    [InlineData("bijlee", "bijli")]
    [InlineData("thaana", "tana")]
    [InlineData("police", "polis")]
    [InlineData("phone", "fon")]
    [InlineData("truck", "trak")]
    [InlineData("chhota", "cota")]
    [InlineData("acchha", "aca")]
    [InlineData("achha", "aca")]
    [InlineData("mahila", "mahila")]
    [InlineData("bhai", "bai")]
    [InlineData("Bijli NAHI aayi!! 3 din se", "bijli nahi ayi!! 3 din se")]
    [InlineData("UP32 गाड़ी café", "up32 गाड़ी café")]
    [InlineData("", "")]
    public void FoldLatin_Word_FoldsHinglishSpelling(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.FoldLatin(text));
    }

    [Theory]
    [InlineData("#Lucknow!!", "lakno")]
    [InlineData("LAKHNAU", "lakno")]
    [InlineData("@lucknowpolice_Sample", "laknopolis sampl")]
    [InlineData("Gorakhpur, UP.", "gorakpur up")]
    [InlineData("लखनऊ", "लखनउ")]
    [InlineData("सुल्तानपुर", "सुलतानपुर")]
    [InlineData("रॉबर्ट्सगंज", "राबरटसगंज")]
    [InlineData("बरेलीी", "बरेलि")]
    [InlineData("मेरठ 😤 में", "मेरठ में")]
    [InlineData("Noida Sector-62", "noida sektor 62")]
    [InlineData("", "")]
    public void ToMatchKey_Text_ReturnsKey(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.ToMatchKey(text));
    }

    [Theory]
    [InlineData("Lakhnau", "Lucknow")]
    [InlineData("Gorakhpur", "Gorakhpoor")]
    [InlineData("Prayagraj", "Prayaagraj")]
    [InlineData("बरेली", "बरेलीी")]
    [InlineData("लखनऊ", "लखनउ")]
    [InlineData("फ़िरोज़ाबाद", "फिरोजाबाद")]
    [InlineData("Ghaziabad &amp; Noida", "GAZIABAD & NOIDA")]
    public void ToMatchKey_SpellingVariants_GiveTheSameKey(string first, string second)
    {
        Assert.Equal(TextNormalizer.ToMatchKey(first), TextNormalizer.ToMatchKey(second));
    }

    /// <summary>
    /// For every district of the embedded gazetteer, the aliases that are spelling variants of its English or Hindi name (not
    /// towns, former names or abbreviations). Variants the folds cannot join are listed in
    /// <see cref="ToMatchKey_VariantsBeyondTheFolds_KeepDifferentKeys"/>.
    /// </summary>
    private static readonly Dictionary<string, string[]> s_spellingVariants = new()
    {
        ["AGR"] = ["agra", "agraa", "aagra"],
        ["FZD"] = ["firozabad", "firozaabad", "firojabad", "फ़िरोज़ाबाद"],
        ["MNP"] = ["mainpuri"],
        ["MTR"] = ["mathura", "mathuraa"],
        ["ALG"] = ["aligarh", "aligadh", "अलीगढ"],
        ["ETA"] = ["etah"],
        ["HTR"] = ["hathras", "hatras", "haathras"],
        ["KSG"] = ["kasganj"],
        ["ABN"] = ["ambedkar nagar", "अंबेडकर नगर"],
        ["AMT"] = ["amethi", "amethee"],
        ["AYD"] = ["ayodhya", "ayodhyaa"],
        ["BBK"] = ["barabanki"],
        ["SLN"] = ["sultanpur", "sultaanpur", "सुलतानपुर"],
        ["AZM"] = ["azamgarh", "azamgadh", "aazamgarh", "आज़मगढ़"],
        ["BAL"] = ["ballia", "baliya", "baliaa"],
        ["MAU"] = ["mau"],
        ["BDN"] = ["budaun", "बदायूँ"],
        ["BRL"] = ["bareilly", "bareli", "barelly", "bareilley"],
        ["PLB"] = ["pilibhit", "pilibheet", "peelibhit"],
        ["SJP"] = ["shahjahanpur", "shajahanpur", "sahjahanpur", "शाहजहाँपुर"],
        ["BST"] = ["basti"],
        ["SKN"] = ["sant kabir nagar", "sant kabeer nagar"],
        ["SDN"] = ["siddharthnagar", "sidharthnagar"],
        ["BND"] = ["banda", "baanda", "बाँदा"],
        ["CKT"] = ["chitrakoot", "chitrakut"],
        ["HMR"] = ["hamirpur", "hameerpur"],
        ["MHB"] = ["mahoba", "mahobaa"],
        ["BHR"] = ["bahraich", "bahraech"],
        ["BLP"] = ["balrampur"],
        ["GND"] = ["gonda", "gondaa", "गोण्डा"],
        ["SRV"] = ["shravasti", "sravasti", "shrawasti"],
        ["DEO"] = ["deoria", "deoriya"],
        ["GKP"] = ["gorakhpur", "gorakpur"],
        ["KSN"] = ["kushinagar", "kusinagar"],
        ["MRJ"] = ["maharajganj"],
        ["JLN"] = ["jalaun", "jalon"],
        ["JHS"] = ["jhansi", "jhaansi", "jhansee", "झाँसी"],
        ["LLP"] = ["lalitpur"],
        ["AUR"] = ["auraiya", "oraiya"],
        ["ETW"] = ["etawah", "etawa"],
        ["FRK"] = ["farrukhabad", "farukhabad", "farrukhabaad", "farukabad", "फ़र्रुख़ाबाद"],
        ["KNJ"] = ["kannauj", "kanauj", "kannoj", "kanoj"],
        ["KND"] = ["kanpur dehat", "kanpur dehaat"],
        ["KNP"] = ["kanpur nagar"],
        ["HRD"] = ["hardoi", "hardoee", "hardoie"],
        ["LKH"] = ["lakhimpur kheri", "lakhimpur-kheri"],
        ["LKO"] = ["lucknow", "lakhnau", "lakhnow", "lucknaw", "luckhnow", "लखनउ"],
        ["RBL"] = ["raebareli", "raibareli", "raebareilly", "raibarely"],
        ["STP"] = ["sitapur", "seetapur"],
        ["UNN"] = ["unnao", "unao"],
        ["BGP"] = ["baghpat", "bagpat", "baagpat"],
        ["BSR"] = ["bulandshahr", "बुलन्दशहर"],
        ["GBN"] = ["gautam buddh nagar"],
        ["GZB"] = ["ghaziabad", "gaziabad", "ghaziabaad", "ग़ाज़ियाबाद"],
        ["HPR"] = ["hapur", "haapur", "hapurr", "हापुड"],
        ["MRT"] = ["meerut"],
        ["BHD"] = ["bhadohi", "badohi"],
        ["MZP"] = ["mirzapur", "mirjapur", "mirzapure", "मिर्ज़ापुर"],
        ["SNB"] = ["sonbhadra"],
        ["AMR"] = ["amroha", "amrohaa"],
        ["BJN"] = ["bijnor", "bijnore", "bijnaur"],
        ["MBD"] = ["moradabad"],
        ["RMP"] = ["rampur", "raampur"],
        ["SBL"] = ["sambhal", "sambal", "सम्भल"],
        ["FTP"] = ["fatehpur", "फ़तेहपुर"],
        ["KSB"] = ["kaushambi", "kausambi", "koshambi", "कौशांबी"],
        ["PTG"] = ["pratapgarh", "pratapgadh", "प्रतापगढ"],
        ["PRJ"] = ["prayagraj"],
        ["MZN"] = ["muzaffarnagar", "muzzafarnagar", "muzafarnagar", "mujaffarnagar", "मुज़फ़्फ़रनगर"],
        ["SRE"] = ["saharanpur", "saharanpure"],
        ["SML"] = ["shamli", "shaamli", "samli"],
        ["CDL"] = ["chandauli", "chandoli", "chandauly"],
        ["GZP"] = ["ghazipur", "gazipur", "ghazeepur", "ghajipur", "ग़ाज़ीपुर"],
        ["JNP"] = ["jaunpur", "jounpur", "jonpur"],
        ["VNS"] = ["varanasi"],
    };

    public static TheoryData<string> DistrictIds => [.. Gazetteer.UttarPradesh.Districts.Select(d => d.Id.ToString())];

    [Fact]
    public void SpellingVariants_CoverEveryDistrictOfTheGazetteer()
    {
        Assert.Equal(75, Gazetteer.UttarPradesh.Districts.Count);
        Assert.Equal(
            Gazetteer.UttarPradesh.Districts.Select(d => d.Id.ToString()).Order(StringComparer.Ordinal),
            s_spellingVariants.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DistrictIds))]
    public void ToMatchKey_DistrictNameAndItsSpellingVariants_GiveTheSameKey(string districtId)
    {
        var district = Gazetteer.UttarPradesh.Districts.Single(d => d.Id.ToString() == districtId);

        foreach (var variant in s_spellingVariants[districtId])
        {
            Assert.Contains(variant, district.Aliases);
            var name = variant.Any(c => c is >= '\u0900' and <= '\u097F') ? district.HindiName : district.Name;
            Assert.True(
                TextNormalizer.ToMatchKey(name) == TextNormalizer.ToMatchKey(variant),
                $"{districtId}: '{variant}' gives '{TextNormalizer.ToMatchKey(variant)}', '{name}' gives '{TextNormalizer.ToMatchKey(name)}'.");
        }
    }

    [Theory]
    [InlineData("Mathura", "mathra")]             // a vowel dropped
    [InlineData("Bulandshahr", "bulandshahar")]   // a vowel added
    [InlineData("Hapur", "hapud")]                // ड़ written d instead of r
    [InlineData("Varanasi", "baranasi")]          // b for v
    [InlineData("Budaun", "badaun")]              // u for the short a
    [InlineData("Siddharthnagar", "siddharth nagar")] // word break
    [InlineData("Gorakhpur", "gkp")]              // abbreviation
    [InlineData("महराजगंज", "महाराजगंज")]           // a vowel added
    [InlineData("नोएडा", "नोयडा")]                  // ए written य
    public void ToMatchKey_VariantsBeyondTheFolds_KeepDifferentKeys(string name, string variant)
    {
        Assert.NotEqual(TextNormalizer.ToMatchKey(name), TextNormalizer.ToMatchKey(variant));
    }

    [Fact]
    public void DecodeEntities_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => TextNormalizer.DecodeEntities(null!));
    }

    [Fact]
    public void Normalize_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => TextNormalizer.Normalize(null!));
    }

    [Fact]
    public void FoldLatin_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => TextNormalizer.FoldLatin(null!));
    }

    [Fact]
    public void ToMatchKey_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => TextNormalizer.ToMatchKey(null!));
    }
}
