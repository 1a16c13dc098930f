using Grievance.Text;

namespace Grievance.Core.Tests.Text;

public class PiiScannerTests
{
    /// <summary>
    /// Each expected finding is written <c>kind:value</c> with kind M (mobile), A (Aadhaar), E (e-mail) or P (PAN); the row asserts
    /// that exactly these findings come back, in order, at the offset where the value first occurs and with its length.
    /// Numbers are made up; Aadhaar-shaped ones are Verhoeff-valid on purpose.
    /// </summary>
    [Theory]
    // Mobile numbers
    [InlineData("@Uppolice mera number 9876543210 hai, call karo", "M:9876543210")]
    [InlineData("Contact +91 98765 43210 for details", "M:+91 98765 43210")]
    [InlineData("call +91-98765-43210 pls", "M:+91-98765-43210")]
    [InlineData("+919876543210 pe WhatsApp karo", "M:+919876543210")]
    [InlineData("mob 09876543210", "M:09876543210")]
    [InlineData("919876543210 pe call", "M:919876543210")]
    [InlineData("no. 91 98765 43210", "M:91 98765 43210")]
    [InlineData("@UPPCL_Sample मेरा नंबर ९८७६५४३२१० है", "M:९८७६५४३२१०")]
    [InlineData("मो. 98765-43210 पर संपर्क करें", "M:98765-43210")]
    [InlineData("ph: 987 654 3210", "M:987 654 3210")]
    [InlineData("9876 543 210 par call karein", "M:9876 543 210")]
    [InlineData("number 98 7654 3210", "M:98 7654 3210")]
    [InlineData("nos 9876543210/8765432109", "M:9876543210", "M:8765432109")]
    [InlineData("9876543210, 7007123456 dono band", "M:9876543210", "M:7007123456")]
    [InlineData("(9876543210)", "M:9876543210")]
    [InlineData("मोबाइल9876543210 पर कॉल करें", "M:9876543210")]
    [InlineData("Mob:6300123456.", "M:6300123456")]
    [InlineData("UPI 9876543210@ybl pe 500 bheje", "M:9876543210")]
    [InlineData("Ward 12 9876543210", "M:9876543210")]
    [InlineData("मो0 9876543210", "M:9876543210")]
    [InlineData("call 9876543210 2nd time", "M:9876543210")]
    [InlineData("mera no\u00A09876543210", "M:9876543210")]
    // Aadhaar numbers
    [InlineData("Aadhaar 2345 6789 0124 hai", "A:2345 6789 0124")]
    [InlineData("aadhar no 234567890124 galat chadha", "A:234567890124")]
    [InlineData("आधार ४९८७-६५४३-२१०२ है", "A:४९८७-६५४३-२१०२")]
    [InlineData("aadhaar: 3141-5926-5351", "A:3141-5926-5351")]
    [InlineData("919876543216 wala aadhaar", "A:919876543216")]
    [InlineData("mere papa ka aadhar 800036000415 ration card se link nahi", "A:800036000415")]
    // E-mail addresses
    [InlineData("mail me at ravi.kumar@example.com.", "E:ravi.kumar@example.com")]
    [InlineData("ईमेल: sunita_devi+up@mail.example.co.in पर भेजें", "E:sunita_devi+up@mail.example.co.in")]
    [InlineData("9876543210@example.in pe reply do", "E:9876543210@example.in")]
    [InlineData("write to grievance-cell@uppolice.gov.in", "E:grievance-cell@uppolice.gov.in")]
    // PAN
    [InlineData("PAN ABCPE1234F", "P:ABCPE1234F")]
    [InlineData("firm ka PAN: AAACB5678K, galat", "P:AAACB5678K")]
    [InlineData("पैन BNZPM2501F है", "P:BNZPM2501F")]
    // Several kinds together
    [InlineData("Name Ravi, mob 9876543210, email ravi@example.org, PAN BNZPM2501F, aadhaar 2345 6789 0124",
        "M:9876543210", "E:ravi@example.org", "P:BNZPM2501F", "A:2345 6789 0124")]
    [InlineData("bhai mera no. 7007123456 hai aur aadhar 800036000415, jaldi karo", "M:7007123456", "A:800036000415")]
    // Near misses: nothing to report
    [InlineData("Complaint LKO-2611-0042K ka status kya hai?")]
    [InlineData("date 28-11-2026 ko hua")]
    [InlineData("28/11/2026 की घटना")]
    [InlineData("raat 10:30 baje, 10:30:45 tak")]
    [InlineData("PIN 226001 Lucknow")]
    [InlineData("PIN 226 001")]
    [InlineData("FIR No. 123/2026 darj hui")]
    [InlineData("FIR 0123/2026")]
    [InlineData("gaadi UP32 AB 4521 ne takkar maari")]
    [InlineData("UP 32 AB 4521 wali car")]
    [InlineData("UP32AB4521 and UP-32-AB-4521")]
    [InlineData("mobile 98XXXXXX63 pe call kiya")]
    [InlineData("₹18,500 kat gaye")]
    [InlineData("Rs 2,00,000 ka nuksan")]
    [InlineData("account 12345678901 me paisa")]
    [InlineData("A/c 98765432101234")]
    [InlineData("9876543210123 ek 13 digit number hai")]
    [InlineData("https://x.com/uppolice/status/1862345678901234567")]
    [InlineData("photo https://t.co/9876543210 dekho")]
    [InlineData("x.com/i/status/9876543210")]
    [InlineData("https://example.com/contact?mail=ravi@example.com")]
    [InlineData("aadhaar 234567890123 (check digit wrong)")]
    [InlineData("1234 1234 1234 starts with 1")]
    [InlineData("card 5678 1234 9877 4321")]
    [InlineData("PAN ABCDE1234F is not a holder type")]
    [InlineData("pan abcpe1234f lower case")]
    [InlineData("XABCPE1234F inside a word")]
    [InlineData("@Uppolice @lucknowpolice_Sample @user9876543210")]
    [InlineData("helpline 1076 / 112 / 1800-180-5555")]
    [InlineData("landline 0522-2612345")]
    [InlineData("12345 67890")]
    [InlineData("98765.43210")]
    [InlineData("amount 9876543210.50")]
    [InlineData("5 ghante se light nahi, 1912 pe complaint")]
    [InlineData("user@localhost")]
    [InlineData("Consumer no. 2345678901 ka bill")]
    [InlineData("0123456789")]
    [InlineData("sector 62 noida 201301")]
    [InlineData("IMEI 356938035643809")]
    [InlineData("")]
    public void Scan_LabelledText_ReturnsExactFindings(string text, params string[] expected)
    {
        var expectedMatches = expected.Select(e => Expect(text, e)).ToList();

        var actual = PiiScanner.Scan(text);

        Assert.Equal(expectedMatches, actual);
    }

    [Fact]
    public void Scan_Match_ExposesEndAndDoesNotCopyTheValue()
    {
        const string text = "call 9876543210 now";

        var match = Assert.Single(PiiScanner.Scan(text));

        Assert.Equal(PiiKind.MobileNumber, match.Kind);
        Assert.Equal(5, match.Start);
        Assert.Equal(10, match.Length);
        Assert.Equal(15, match.End);
        Assert.Equal("9876543210", text[match.Start..match.End]);
    }

    [Theory]
    [InlineData("call 9876543210 now", "call XXXXXXXX10 now")]
    [InlineData("Contact +91 98765 43210", "Contact +91 XXXXX XXX10")]
    [InlineData("+919876543210", "+91XXXXXXXX10")]
    [InlineData("09876543210", "0XXXXXXXX10")]
    [InlineData("मेरा नंबर ९८७६५४३२१० है", "मेरा नंबर XXXXXXXX१० है")]
    [InlineData("Aadhaar 2345-6789-0124", "Aadhaar XXXX-XXXX-0124")]
    [InlineData("aadhar 234567890124", "aadhar XXXXXXXX0124")]
    [InlineData("mail ravi.kumar@example.com.", "mail XXXXXXXXXX@XXXXXXX.com.")]
    [InlineData("PAN ABCPE1234F", "PAN XXXXXXXX4F")]
    [InlineData("mob 9876543210, aadhaar 2345 6789 0124, PAN BNZPM2501F",
        "mob XXXXXXXX10, aadhaar XXXX XXXX 0124, PAN XXXXXXXX1F")]
    public void Redact_TextWithPii_MasksAllButTheDocumentedTail(string text, string expected)
    {
        var redacted = PiiScanner.Redact(text);

        Assert.Equal(expected, redacted);
        Assert.Equal(text.Length, redacted.Length);
        Assert.Equal(redacted, PiiScanner.Redact(redacted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Complaint LKO-2611-0042K, gaadi UP32 AB 4521, mobile 98XXXXXX63")]
    public void Redact_NothingFound_ReturnsSameInstance(string text)
    {
        Assert.Same(text, PiiScanner.Redact(text));
    }

    [Fact]
    public void Scan_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => PiiScanner.Scan(null!));
    }

    [Fact]
    public void Redact_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => PiiScanner.Redact(null!));
    }

    [Fact]
    public void Scan_LongText_FindsEveryNumberInOrder()
    {
        var text = string.Concat(Enumerable.Repeat("shikayat: 9876543210, ", 100));

        var matches = PiiScanner.Scan(text);

        Assert.Equal(100, matches.Count);
        Assert.All(matches, m => Assert.Equal("9876543210", text[m.Start..m.End]));
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.End <= p.Second.Start));
    }

    private static PiiMatch Expect(string text, string expectation)
    {
        var kind = expectation[0] switch
        {
            'M' => PiiKind.MobileNumber,
            'A' => PiiKind.AadhaarNumber,
            'E' => PiiKind.EmailAddress,
            'P' => PiiKind.PermanentAccountNumber,
            _ => throw new ArgumentException($"Unknown kind in '{expectation}'.", nameof(expectation)),
        };
        var value = expectation[2..];
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{value}' does not occur in the row's text.");
        return new PiiMatch(kind, start, value.Length);
    }
}
