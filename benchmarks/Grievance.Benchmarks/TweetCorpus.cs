using System.Globalization;
using System.Text;

namespace Grievance.Benchmarks;

/// <summary>Deterministic, realistic posts to a grievance desk: mixed English, Hindi and Hinglish with emoji, links and tags.</summary>
internal static class TweetCorpus
{
    private static readonly string[] English =
    [
        "street", "light", "not", "working", "near", "the", "school", "please", "help", "water", "supply", "garbage",
        "pothole", "complaint", "registered", "two", "weeks", "ago", "no", "action", "taken", "sir", "urgent", "road",
        "drain", "overflowing", "in", "Lucknow", "Kanpur", "Varanasi", "ward", "bus", "stand", "pension", "ration",
        "card", "kindly", "resolve", "thanks", "since", "morning", "power", "cut", "again", "today.", "why?",
    ];

    private static readonly string[] Hindi =
    [
        "सड़क", "पर", "गड्ढा", "है", "कृपया", "मदद", "करें", "बिजली", "नहीं", "आ", "रही", "पानी", "की", "समस्या", "शिकायत",
        "दर्ज", "लखनऊ", "नगर", "निगम", "धन्यवाद", "क्षेत्र", "स्वच्छता", "अस्पताल", "पुलिस", "कार्रवाई", "तुरंत", "।",
    ];

    private static readonly string[] Hinglish =
    [
        "bhai", "kya", "haal", "hai", "bijli", "nahi", "aa", "rahi", "paani", "ki", "dikkat", "jaldi", "karo", "ji",
        "sarkar", "kab", "tak", "theek", "hoga", "mohalla", "gali",
    ];

    private static readonly string[] Emoji =
    [
        "🙏", "🙏🏽", "😡", "😢", "👍", "👍🏻", "❤️", "🇮🇳", "👨‍👩‍👧‍👦", "🚧", "💡", "🚰", "🗑️", "⚠️", "😀", "🤦‍♂️", "1️⃣",
    ];

    private static readonly string[] Mentions = ["@UPGovt", "@lko_nagar_nigam", "@CMOfficeUP", "@Uppolice", "@DM_Lucknow", "@MoHFW_INDIA"];

    private static readonly string[] Hashtags = ["#SwachhBharat", "#Lucknow", "#स्वच्छ_भारत", "#बिजली", "#roads", "#UP"];

    private static readonly string[] Urls =
    [
        "https://t.co/AbC123xYz9", "https://jansunwai.up.nic.in/status?id=12345", "http://example.com/path/to/page",
        "www.lmc.up.nic.in", "bit.ly/3xYz", "https://x.com/user/status/1234567890123456789",
    ];

    public static string[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var tweets = new string[count];
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Clear();
            if (random.NextDouble() < 0.5)
            {
                sb.Append(Mentions[random.Next(Mentions.Length)]).Append(' ');
            }

            var words = 8 + random.Next(30);
            for (var w = 0; w < words; w++)
            {
                var r = random.NextDouble();
                var token = r switch
                {
                    < 0.40 => English[random.Next(English.Length)],
                    < 0.62 => Hindi[random.Next(Hindi.Length)],
                    < 0.77 => Hinglish[random.Next(Hinglish.Length)],
                    < 0.86 => Emoji[random.Next(Emoji.Length)],
                    < 0.90 => Mentions[random.Next(Mentions.Length)],
                    < 0.94 => Hashtags[random.Next(Hashtags.Length)],
                    < 0.96 => Urls[random.Next(Urls.Length)],
                    < 0.97 => "$TCS",
                    _ => "₹" + random.Next(100, 100_000).ToString(CultureInfo.InvariantCulture),
                };
                sb.Append(w == 0 ? string.Empty : " ").Append(token);
            }

            tweets[i] = sb.ToString();
        }

        return tweets;
    }
}
