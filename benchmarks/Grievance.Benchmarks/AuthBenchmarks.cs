using System.Text;
using BenchmarkDotNet.Attributes;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Webhooks;

namespace Grievance.Benchmarks;

/// <summary>Signing a request (issue 8): OAuth 1.0a for a reply, and the webhook checks done per delivery.</summary>
[MemoryDiagnoser]
public class AuthBenchmarks
{
    private static readonly Uri s_createTweet = new("https://api.x.com/2/tweets");
    private static readonly Uri s_workedExample = new("https://api.x.com/1.1/statuses/update.json?include_entities=true");
    private static readonly OAuth1Credentials s_credentials = new(
        "xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

    private static readonly KeyValuePair<string, string>[] s_status = [new("status", "Hello Ladies + Gentlemen, a signed OAuth request!")];

    private const string Secret = "s3cr3t-consumer";
    private readonly byte[] _delivery = Encoding.UTF8.GetBytes(
        "{\"for_user_id\":\"1500000000000000001\",\"user_has_blocked\":\"false\",\"tweet_create_events\":[{\"created_at\":\"Sat May 02 18:41:07 +0000 2026\"," +
        "\"id_str\":\"1930000000000000101\",\"text\":\"@SevaDeskUP chain snatching near Hazratganj crossing just now\",\"truncated\":false," +
        "\"in_reply_to_status_id_str\":null,\"in_reply_to_user_id_str\":\"1500000000000000001\",\"lang\":\"en\"," +
        "\"user\":{\"id_str\":\"1600000000000000042\",\"screen_name\":\"ravi_lko\"}," +
        "\"entities\":{\"hashtags\":[],\"urls\":[],\"symbols\":[],\"user_mentions\":[{\"id_str\":\"1500000000000000001\",\"screen_name\":\"SevaDeskUP\",\"indices\":[0,11]}]}}]}");

    private string _signature = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _signature = TwitterWebhookSignature.ComputeSignature(Secret, _delivery);
        var header = OAuth1Signer.AuthorizationParameter("POST", s_workedExample, s_status, s_credentials, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958);
        if (!header.Contains("Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The signer no longer reproduces X's worked example.");
        }
    }

    [Benchmark(Description = "OAuth 1.0a header: POST /2/tweets (JSON body, unsigned)")]
    public string SignReply() => OAuth1Signer.AuthorizationParameter("POST", s_createTweet, [], s_credentials, "0123456789abcdef0123456789abcdef", 1_790_000_000);

    [Benchmark(Description = "OAuth 1.0a header: X's worked example (query + form)")]
    public string SignWorkedExample() => OAuth1Signer.AuthorizationParameter("POST", s_workedExample, s_status, s_credentials, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958);

    [Benchmark(Description = "Webhook signature check (one-post delivery)")]
    public bool VerifyDelivery() => TwitterWebhookSignature.IsValid(Secret, _delivery, _signature);

    [Benchmark(Description = "Webhook CRC response")]
    public string CrcResponse() => TwitterWebhookSignature.ComputeCrcResponse(Secret, "9b2a4c1f-crc");
}
