using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grievance.Twitter.Http;
using Grievance.Twitter.Http.Internal;
using Grievance.Twitter.Http.Internal.Dto;
using Grievance.Twitter.Intake.Internal;
using Grievance.Twitter.Testing;

namespace Grievance.Benchmarks;

/// <summary>
/// A 100-post mentions page, as the fake X serves it in X's wire format (realistic generated posts with mentions,
/// tags, URLs, Hindi and emoji; every tenth a long post served with <c>note_tweet</c>, every eighth with <c>&amp;</c>,
/// <c>&lt;</c> or <c>&gt;</c> escaped, every seventh a reply; <c>includes.users</c> with the authors), deserialised with
/// the source-generated context and mapped to inbound messages by the same method the client uses per page.
/// Target: at least 20,000 pages per second on one core. <see cref="TokenizeOnly"/> is the floor of any JSON reading:
/// one pass of <see cref="Utf8JsonReader"/> over the page, materialising nothing.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private byte[] _page = [];
    private MentionsResponseDto _body = new();

    [GlobalSetup]
    public void Setup()
    {
        var fake = new FakeXApi();
        var desk = fake.AddUser("1500000000000000001", "SevaDeskUP");
        var citizens = Enumerable.Range(0, 40).Select(i => fake.AddUser((1600000000000000100L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"citizen_{i:D2}")).ToList();
        var texts = TweetCorpus.Generate(130, seed: 2026);
        var posts = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var text = "@" + desk.Username + " " + texts[i];
            if (i % 10 == 3)
            {
                // A long post: X serves a truncated 'text' and the whole text with its own entities in 'note_tweet'.
                text += " " + texts[100 + (i / 10)] + " " + texts[110 + (i / 10)] + " " + texts[120 + (i / 10)];
            }

            if (i % 8 == 5)
            {
                text = text.Insert(text.Length / 2, " pipes & drains <broken> -> ");
            }

            var post = fake.AddPost(citizens[i % citizens.Count].Id, text, lang: i % 3 == 0 ? "hi" : "en", inReplyTo: i % 7 == 6 ? posts[i - 1] : null);
            posts.Add(post.Id);
        }

        using var client = new HttpClient(fake.CreateHandler()) { BaseAddress = FakeXApi.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"2/users/{desk.Id}/mentions?max_results=100&tweet.fields={TwitterApiClient.TweetFields}&expansions={TwitterApiClient.Expansions}&user.fields={TwitterApiClient.UserFields}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fake.AppBearerToken);
        _page = client.SendAsync(request).GetAwaiter().GetResult().Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        _body = JsonSerializer.Deserialize(_page, TwitterJsonContext.Default.MentionsResponseDto)!;
        var page = MapPage();
        if (page.Messages.Count != 100)
        {
            throw new InvalidOperationException("The page does not hold 100 posts.");
        }

        Console.WriteLine($"// Page: {_page.Length} bytes, {page.Messages.Count} posts, {page.Messages.Count(m => m.Text.Length > 280)} long, "
            + $"{page.Messages.Count(m => m.Text.Contains('&', StringComparison.Ordinal))} with '&', {page.Messages.Sum(m => m.Entities.Count)} entities.");
    }

    [Benchmark]
    public MentionsPage MapPage() =>
        TwitterApiClient.MapPostsPage(JsonSerializer.Deserialize(_page, TwitterJsonContext.Default.MentionsResponseDto)!);

    /// <summary>The mapping share alone, over a page deserialised once in setup: a breakdown, not a per-page cost.</summary>
    [Benchmark]
    public MentionsPage MapOnly() => TwitterApiClient.MapPostsPage(_body);

    /// <summary>Deserialisation as the client's shared page reader does it: from the buffered response stream, asynchronously.</summary>
    [Benchmark]
    public int DeserializeFromStream()
    {
        using var stream = new MemoryStream(_page, writable: false);
        return JsonSerializer.DeserializeAsync(stream, TwitterJsonContext.Default.MentionsResponseDto).AsTask().GetAwaiter().GetResult()!.Data!.Count;
    }

    [Benchmark]
    public int DeserializeOnly() => JsonSerializer.Deserialize(_page, TwitterJsonContext.Default.MentionsResponseDto)!.Data!.Count;

    [Benchmark]
    public int TokenizeOnly()
    {
        var reader = new Utf8JsonReader(_page);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>The floor of any reader that materialises the page's strings: one pass, every string value read as a string.</summary>
    [Benchmark]
    public int TokenizeAndReadStrings()
    {
        var reader = new Utf8JsonReader(_page);
        var length = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                length += reader.GetString()!.Length;
            }
        }

        return length;
    }
}
