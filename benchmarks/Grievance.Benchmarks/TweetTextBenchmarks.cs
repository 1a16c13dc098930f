using System.Text;
using BenchmarkDotNet.Attributes;
using Grievance.Twitter.Text;

namespace Grievance.Benchmarks;

/// <summary>
/// TweetText on 10,000 realistic generated posts (English, Hindi, Hinglish, emoji, URLs, mentions, tags).
/// Results are per post (<c>OperationsPerInvoke</c>). The floor is NFC normalisation plus a walk over the
/// runes, the least any exact counter must do.
/// </summary>
[MemoryDiagnoser]
public class TweetTextBenchmarks
{
    private const int Count = 10_000;

    private string[] _tweets = [];

    [GlobalSetup]
    public void Setup()
    {
        _tweets = TweetCorpus.Generate(Count, seed: 2026);

        // Build the patterns outside the measurement.
        _ = ParseAndExtract();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int NormalizeAndEnumerateRunes()
    {
        var total = 0;
        foreach (var tweet in _tweets)
        {
            foreach (var rune in tweet.Normalize(NormalizationForm.FormC).EnumerateRunes())
            {
                total += rune.Utf16SequenceLength;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Parse()
    {
        var total = 0;
        foreach (var tweet in _tweets)
        {
            total += TweetText.Parse(tweet).WeightedLength;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ParseAndExtract()
    {
        var total = 0;
        foreach (var tweet in _tweets)
        {
            total += TweetText.Parse(tweet).WeightedLength
                + TweetText.ExtractUrlsWithIndices(tweet).Count
                + TweetText.ExtractMentionsOrListsWithIndices(tweet).Count
                + TweetText.ExtractHashtagsWithIndices(tweet).Count
                + TweetText.ExtractCashtagsWithIndices(tweet).Count;
        }

        return total;
    }
}
