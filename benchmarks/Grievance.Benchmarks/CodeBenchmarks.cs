using BenchmarkDotNet.Attributes;
using Grievance.Codes;
using Grievance.Codes.Internal;
using Grievance.Complaints;
using Microsoft.Extensions.Options;

namespace Grievance.Benchmarks;

/// <summary>Complaint codes: issue, format, read back and find in a 280-character tweet (issue 4).</summary>
[MemoryDiagnoser]
public class CodeBenchmarks
{
    private const string Canonical = "LKO-2611-00421";
    private const string Typed = "lko 26l1 oo42 1";

    // 280 characters of Hinglish with a phone number, a date, a PIN code, a vehicle number, hashtags and one code.
    private const string TweetWithCode =
        "@UPPolice @lkopolice Bhai meri complaint LKO-2611-00421 ka kya hua? Naala 28-11-2026 se band hai, Gomti Nagar PIN 226001. " +
        "Gaadi UP32 AB 4521 roz footpath pe khadi rehti hai. Mera number 98XXXXXX63, FIR No. 123/2026 bhi diya tha. Jaldi karo please. " +
        "#Lucknow #UPPolice #HelpUP #Nala";

    private const string TweetWithoutCode =
        "@UPPolice @lkopolice Bhai meri complaint ka kya hua? Naala 28-11-2026 se band hai, Gomti Nagar PIN 226001, ward no 12. " +
        "Gaadi UP32 AB 4521 roz footpath pe khadi rehti hai. Mera number 9876543210, FIR No. 123/2026 bhi diya tha. Jaldi karo please. " +
        "#Lucknow #UPPolice #Help #CM_Office";

    private static readonly DateTimeOffset s_createdAt = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly DistrictId s_lucknow = new("LKO");

    private readonly DefaultComplaintCodeGenerator _generator = new(
        new InMemorySequenceSource(), Options.Create(new ComplaintCodeOptions()), Options.Create(new GrievanceOptions()));

    private readonly char[] _destination = new char[32];

    [GlobalSetup]
    public void Setup()
    {
        if (TweetWithCode.Length != 280 || TweetWithoutCode.Length != 280 || ComplaintCode.FindAll(TweetWithCode).Count != 1)
        {
            throw new InvalidOperationException("The benchmark tweets are not what they claim to be.");
        }
    }

    [Benchmark(Description = "Generate + format (in-memory sequence)")]
    public bool GenerateAndFormat()
    {
        // The in-memory source completes synchronously; a pending ValueTask would be a defect worth a crash here.
        var next = _generator.NextAsync(s_lucknow, s_createdAt);
        return next.IsCompletedSuccessfully
            ? next.Result.TryFormat(_destination, out _)
            : throw new InvalidOperationException("The in-memory sequence source did not complete synchronously.");
    }

    [Benchmark(Description = "Create (format with check character)")]
    public ComplaintCode Create() => ComplaintCode.Create("LKO", 2026, 11, 42);

    [Benchmark(Description = "TryParse canonical")]
    public bool TryParseCanonical() => ComplaintCode.TryParse(Canonical, out _);

    [Benchmark(Description = "TryParse typed with confusables")]
    public bool TryParseTyped() => ComplaintCode.TryParse(Typed, out _);

    [Benchmark(Description = "FindAll, 280-char tweet with a code")]
    public int FindAllWithCode() => ComplaintCode.FindAll(TweetWithCode).Count;

    [Benchmark(Description = "FindAll, 280-char tweet without a code")]
    public int FindAllWithoutCode() => ComplaintCode.FindAll(TweetWithoutCode).Count;
}
