using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grievance.Intake;
using Grievance.Twitter.Http.Internal;
using Grievance.Twitter.Http.Internal.Dto;
using Grievance.Twitter.Intake.Internal;
using Grievance.Twitter.Testing;

namespace Grievance.Benchmarks;

/// <summary>
/// A 100-post mentions page, as the fake X serves it in X's wire format (realistic generated posts with mentions,
/// tags, URLs, Hindi and emoji), deserialised with the source-generated context and mapped to inbound messages: what
/// the client does per page. Target: at least 20,000 pages per second on one core.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        var fake = new FakeXApi();
        var desk = fake.AddUser("1500000000000000001", "SevaDeskUP");
        var citizens = Enumerable.Range(0, 40).Select(i => fake.AddUser((1600000000000000100L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"citizen_{i:D2}")).ToList();
        var texts = TweetCorpus.Generate(100, seed: 2026);
        for (var i = 0; i < texts.Length; i++)
        {
            fake.AddPost(citizens[i % citizens.Count].Id, "@" + desk.Username + " " + texts[i], lang: i % 3 == 0 ? "hi" : "en");
        }

        using var client = new HttpClient(fake.CreateHandler()) { BaseAddress = FakeXApi.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"2/users/{desk.Id}/mentions?max_results=100&tweet.fields={TwitterApiClient.TweetFields}&expansions={TwitterApiClient.Expansions}&user.fields={TwitterApiClient.UserFields}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fake.AppBearerToken);
        _page = client.SendAsync(request).GetAwaiter().GetResult().Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (MapPage().Count != 100)
        {
            throw new InvalidOperationException("The page does not hold 100 posts.");
        }
    }

    [Benchmark]
    public List<InboundMessage> MapPage()
    {
        var body = JsonSerializer.Deserialize(_page, TwitterJsonContext.Default.MentionsResponseDto)!;
        var users = new Dictionary<string, UserDto>(StringComparer.Ordinal);
        foreach (var user in body.Includes?.Users ?? [])
        {
            users[user.Id!] = user;
        }

        var messages = new List<InboundMessage>(body.Data?.Count ?? 0);
        foreach (var tweet in body.Data ?? [])
        {
            messages.Add(TweetMapper.Map(tweet, users));
        }

        return messages;
    }

    [Benchmark]
    public int DeserializeOnly() => JsonSerializer.Deserialize(_page, TwitterJsonContext.Default.MentionsResponseDto)!.Data!.Count;
}
