using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Grievance.Twitter.Tests.Conformance;

/// <summary>Reads the embedded twitter-text conformance files and turns each case into one theory row.</summary>
public static class ConformanceData
{
    private static readonly ConcurrentDictionary<string, JsonObject> s_files = new();

    /// <summary>Opens an embedded file of this folder.</summary>
    public static Stream Open(string fileName) =>
        typeof(ConformanceData).Assembly.GetManifestResourceStream("Conformance/" + fileName)
        ?? throw new InvalidOperationException($"Embedded resource Conformance/{fileName} is missing.");

    /// <summary>Reads an embedded file of this folder as text.</summary>
    public static string ReadText(string fileName)
    {
        using var reader = new StreamReader(Open(fileName), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed JSON of a file.</summary>
    public static JsonObject File(string fileName) =>
        s_files.GetOrAdd(fileName, name => JsonNode.Parse(ReadText(name))!.AsObject());

    /// <summary>One case of a conformance file.</summary>
    public static JsonObject Case(string fileName, string group, int index) =>
        File(fileName)["tests"]![group]![index]!.AsObject();

    /// <summary>Theory rows (file, group, index, description) for every case of the files.</summary>
    public static TheoryData<string, string, int, string> Rows(params string[] fileNames)
    {
        var rows = new TheoryData<string, string, int, string>();
        foreach (var fileName in fileNames)
        {
            foreach (var (group, cases) in File(fileName)["tests"]!.AsObject())
            {
                var list = cases!.AsArray();
                for (var i = 0; i < list.Count; i++)
                {
                    rows.Add(fileName, group, i, Printable(list[i]!["description"]!.GetValue<string>()));
                }
            }
        }

        return rows;
    }

    /// <summary>ASCII-only text for test names, so every row serialises and displays safely.</summary>
    public static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return sb.ToString();
    }
}
