namespace Grievance.Twitter.Tests.Fixtures;

/// <summary>Embedded X API payloads (invented data in X's real shapes).</summary>
public static class Fixtures
{
    public static string MentionsPage => Read("mentions-page.json");

    public static string PartialError => Read("partial-error.json");

    public static string EmptyPage => Read("empty-page.json");

    public static string LongPost => Read("long-post.json");

    public static string EmojiBeforeMention => Read("emoji-before-mention.json");

    public const string TooManyRequests = """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""";

    public const string DuplicateContent = """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""";

    private static string Read(string name)
    {
        var assembly = typeof(Fixtures).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Fixtures." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
