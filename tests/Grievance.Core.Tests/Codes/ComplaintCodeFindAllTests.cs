using Grievance.Codes;

namespace Grievance.Core.Tests.Codes;

public class ComplaintCodeFindAllTests
{
    /// <summary>Realistic tweets (English, Hindi, Hinglish) with the codes they contain; made-up numbers and handles only.</summary>
    public static TheoryData<string, string[]> Tweets => new()
    {
        // Codes a citizen quotes back.
        { "@UPPolice status LKO-2611-00421?", ["LKO-2611-00421"] },
        { "status lko 2611 00421", ["LKO-2611-00421"] },
        { "status lk0 26l1 oo421 pls", ["LKO-2611-00421"] },
        { "Status LKO-2611-00422 please", [] },
        { "status LKO-2611-0042", [] },
        { "मेरी शिकायत LKO-2611-0044D की स्थिति क्या है?", ["LKO-2611-0044D"] },
        { "शिकायत संख्या (AGR-2611-00073) पर अभी तक कोई कार्रवाई नहीं हुई", ["AGR-2611-00073"] },
        { "Bhai meri complaint KNP-2701-0099X ka kya hua? 10 din ho gaye", ["KNP-2701-0099X"] },
        { "Complaint VNS-2612-12343 and again VNS-2612-12343, still pending", ["VNS-2612-12343"] },
        { "Two complaints: LKO-2611-0045F, LKO-2611-0047B. Neither resolved.", ["LKO-2611-0045F", "LKO-2611-0047B"] },
        { "status:GZB-2610-0305D", ["GZB-2610-0305D"] },
        { "code: prj 2611 0017r", ["PRJ-2611-0017R"] },
        { "Ref LKO26110044D", ["LKO-2611-0044D"] },
        { "lko2611-0044d kab tak?", ["LKO-2611-0044D"] },
        { "LKO-2611-0044 D", ["LKO-2611-0044D"] },
        { "Please check MRT-2611-00088.", ["MRT-2611-00088"] },
        { "mrt 2611 00088 ka status?", ["MRT-2611-00088"] },
        { "Sent DM with LLP-2611-0003R and my number 9123456789", ["LLP-2611-0003R"] },
        { "1lp-2611-0003r", ["LLP-2611-0003R"] },
        { "@DMLucknow ji, BRL-2611-45211 wala case Bareilly transfer hua, ab kya status?", ["BRL-2611-45211"] },
        { "शिकायत क्रमांक TRI-2611-0005W", ["TRI-2611-0005W"] },
        { "SML-2611-00124 बंद कर दी गई लेकिन समस्या हल नहीं हुई!!", ["SML-2611-00124"] },
        { "GKP-2611-999999C", ["GKP-2611-999999C"] },
        { "(ALG-2611-0013W)", ["ALG-2611-0013W"] },
        { "ALG-2611-0013W's status?", ["ALG-2611-0013W"] },
        { "status LKO-२६११-००४४D", ["LKO-2611-0044D"] },
        { "LKO-2611-0000N pehli complaint thi", ["LKO-2611-0000N"] },
        { "Mera complaint no. LKO 2611 0001Q hai aur mobile 9876543210", ["LKO-2611-0001Q"] },
        { "complaint no LKO–2611–0001Q", ["LKO-2611-0001Q"] },
        { "शिकायतLKO-2611-0001Q", ["LKO-2611-0001Q"] },

        // Numbers and words that are not codes.
        { "Street light not working near Hazratganj since 28-11-2026. Call me on 9876543210 @lkopolice", [] },
        { "Mera number 98XXXXXX63 hai, please call karo", [] },
        { "PIN 226001, Gomti Nagar, Lucknow. Pothole near Patrakarpuram", [] },
        { "FIR No. 123/2026 dated 28-11-2026 at PS Hazratganj not registered properly", [] },
        { "FIR 0123/2026 u/s 379 IPC, thana Aliganj", [] },
        { "Vehicle UP32 AB 4521 parked on footpath daily #LucknowTraffic @lkopolice", [] },
        { "UP 32 AB 4521 ne red light jump ki", [] },
        { "₹5000 ka challan UP32AB4521 pe galat kata", [] },
        { "#LKO26110044D trending", [] },
        { "@LKO26110044D please help", [] },
        { "$LKO2611 to the moon", [] },
        { "https://t.co/LKO26110044D", [] },
        { "ALG-2611-0013Wxyz", [] },
        { "xALG-2611-0013W", [] },
        { "Mob 9812345678 pe call karo", [] },
        { "mob9812345678", [] },
        { "Tel 0512 2612345 Kanpur office", [] },
        { "Ph. 0522-2612345, Aadhaar 1234 5678 9012 mat maango", [] },
        { "#UPPolice #Lucknow #Help", [] },
        { "Date 28/11/2026 time 10:30 am, ward no 12", [] },
        { "Meeting on Nov 2026 at 11:00", [] },
        { "Jan 2026 se paani nahi aa raha, 3 mahine se", [] },
        { "बिजली 15 दिन से नहीं है, पिन 226010, फोन ९८७६५४३२१०", [] },
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(Tweets))]
    public void FindAll_Tweet_FindsExactlyTheValidCodes(string tweet, string[] expected)
    {
        var found = ComplaintCode.FindAll(tweet);

        Assert.Equal(expected, found.Select(c => c.Value));
    }

    [Fact]
    public void Tweets_TableIsLargeEnough()
    {
        Assert.True(Tweets.Count >= 40);
    }

    [Fact]
    public void FindAll_CodeWithDigitCheckRunTogetherWithItsSequence_IsNotTakenForANumber()
    {
        // Period, sequence and a digit check character written as one number cannot be told from a phone number.
        Assert.Empty(ComplaintCode.FindAll("mrt261100088"));
        Assert.Equal(["MRT-2611-00088"], ComplaintCode.FindAll("mrt2611 00088").Select(c => c.Value));
        Assert.True(ComplaintCode.TryParse("mrt261100088", out _));
    }

    [Fact]
    public void FindAll_PeriodBefore2020_IsNotTakenForACode()
    {
        var old = ComplaintCode.Create("LKO", 2019, 12, 42);

        Assert.Empty(ComplaintCode.FindAll($"status {old}"));
        Assert.True(ComplaintCode.TryParse(old.Value, out _));
    }

    [Fact]
    public void FindAll_Null_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ComplaintCode.FindAll(null!));

        Assert.Equal("text", ex.ParamName);
    }

    [Fact]
    public void FindAll_280CharacterTweetWithoutCode_ReturnsEmptyWithoutAllocating()
    {
        var tweet = string.Concat(Enumerable.Repeat("Naala band hai, LKO me 2611 log pareshan. ", 7))[..280];
        for (var i = 0; i < 1000; i++)
        {
            _ = ComplaintCode.FindAll(tweet);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            found += ComplaintCode.FindAll(tweet).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, found);
        Assert.True(allocated < 1000, $"{allocated} bytes for 1000 calls");
    }
}
