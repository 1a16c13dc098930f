using System.Diagnostics;
using System.Text.Json;
using Grievance.Samples.Console;

namespace Grievance.Samples.Tests;

public class RouteCommandTests
{
    private const string PowerCut = """{"id":"p1","text":"@Uppolice no electricity in Rustampur, Gorakhpur since last night","author":"@someone","lang":"en","expected":{"department":"power","district":"GKP","category":"power-outage"},"note":"ignored"}""";
    private const string Praise = """{"id":"p2","text":"Thank you @noidapolice_Sample for the quick response, the cops were polite and helpful","author":"@fan","expected":{"department":"none","district":null,"category":"none"}}""";
    private const string Addressed = """{"id":"p3","text":"Sector 62 me mobile chori ho gaya","author":"x","addressed":["@noidapolice_Sample"],"extra":{"nested":true}}""";

    [Fact]
    public async Task RunAsync_Lines_PrintsOneDecisionLinePerInput()
    {
        var (code, stdout, stderr) = await RunInProcessAsync(["--input", "-"], PowerCut, Praise, Addressed);

        Assert.True(code == 0, stderr);
        var lines = JsonLines(stdout);
        Assert.Equal(3, lines.Count);
        Assert.Equal(["id", "department", "district", "category", "isGrievance", "confidence", "reasons"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("p1", "power", "GKP", "power-outage", true), Parts(lines[0]));
        Assert.Contains(lines[0].GetProperty("reasons").EnumerateArray(), r => r.GetString() == "'no electricity' → power-outage → power");
        Assert.Equal(("p2", "none", null, "none", false), Parts(lines[1]));
        Assert.Equal(("p3", "police", "GBN", "theft", true), Parts(lines[2]));
        Assert.DoesNotContain("accuracy", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Eval_PrintsAnAccuracyTableAgainstExpected()
    {
        var (code, stdout, _) = await RunInProcessAsync(["--input", "-", "--eval"], PowerCut, Praise);

        Assert.Equal(0, code);
        var table = stdout.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('{')).ToDictionary(l => l[..36].Trim(), l => l[37..].Trim());
        Assert.Equal("100.0 %  2", table["department accuracy"]);
        Assert.Equal("100.0 %  1", table["district accuracy (labelled lines)"]);
        Assert.Equal("100.0 %  2", table["category accuracy"]);
        Assert.Equal("100.0 %  1", table["not-a-grievance precision"]);
        Assert.Equal("100.0 %  1", table["not-a-grievance recall"]);
    }

    [Fact]
    public async Task RunAsync_MalformedLines_AreReportedWithTheirNumbersSkippedAndTheExitCodeSaysSo()
    {
        var (code, stdout, stderr) = await RunInProcessAsync(["--input", "-"], PowerCut, "{not json", """{"id":"x9","author":"a"}""", "", "[1,2]", Praise);

        Assert.Equal(1, code);
        Assert.Equal(["p1", "p2"], JsonLines(stdout).Select(l => l.GetProperty("id").GetString()));
        Assert.Contains("line 2: not valid JSON", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: 'text' is missing or not a string; skipped.", stderr, StringComparison.Ordinal);
        Assert.Contains("line 5: not a JSON object", stderr, StringComparison.Ordinal);
        Assert.Contains("3 malformed line(s) skipped.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "--input is required")]
    [InlineData(new[] { "--input" }, "Unknown or incomplete argument '--input'")]
    [InlineData(new[] { "--input", "no-such-file.jsonl" }, "does not exist")]
    [InlineData(new[] { "--input", "-", "--frobnicate" }, "Unknown or incomplete argument '--frobnicate'")]
    public async Task RunAsync_BadArguments_ExitWithUsage(string[] args, string message)
    {
        var (code, _, stderr) = await RunInProcessAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DepartmentsOwnDirectoryFile_IsUsed()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory("grievance-route-").FullName, "directory.json");
        await File.WriteAllTextAsync(directory, """
            { "Grievance": { "Departments": [
                { "Id": "electricity", "Name": "Discom", "Handles": [ "Discom_Sample" ], "Categories": [ "power-outage" ] } ],
              "Routing": { "Rules": [ { "Kind": "Problem", "Category": "power-outage", "Keywords": [ "#andhera" ] } ] } } }
            """);

        var (code, stdout, stderr) = await RunInProcessAsync(["--input", "-", "--directory", directory],
            """{"id":"d1","text":"Kanpur me #andhera","author":"x"}""");

        Assert.True(code == 0, stderr);
        Assert.Equal(("d1", "electricity", "KNP", "power-outage", true), Parts(Assert.Single(JsonLines(stdout))));
    }

    [Fact]
    public async Task Program_Route_ReadsAFileRunsFromAnyDirectoryAndReportsAMalformedLine()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Grievance.Samples.Console.dll");
        var workingDirectory = Directory.CreateTempSubdirectory("grievance-route-").FullName;
        var input = Path.Combine(workingDirectory, "tweets.jsonl");
        await File.WriteAllLinesAsync(input, [PowerCut, "{\"id\": 5,", Praise]);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", dll, "route", "--input", input, "--eval" },
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("line 2:", await stderr, StringComparison.Ordinal);
        var lines = JsonLines(await stdout);
        Assert.Equal(("p1", "power", "GKP", "power-outage", true), Parts(lines[0]));
        Assert.Equal(("p2", "none", null, "none", false), Parts(lines[1]));
        Assert.Contains("department accuracy", await stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@UPPCL_Sample @myogiadityanath light nahi", new[] { "UPPCL_Sample", "myogiadityanath" })]
    [InlineData("RT @UPNews_Sample: advisory for @Uppolice", new[] { "Uppolice" })]
    [InlineData("mail me at a@b.in", new string[0])]
    public void Mentions_AreTheAddressedHandlesExceptARetweetsSource(string text, string[] handles)
    {
        Assert.Equal(handles, RouteInput.Mentions(text));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunInProcessAsync(string[] args, params string[] lines)
    {
        using var stdin = new StringReader(string.Join('\n', lines));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await RouteCommand.RunAsync(args, stdin, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<JsonElement> JsonLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static (string?, string?, string?, string?, bool) Parts(JsonElement line) => (
        line.GetProperty("id").GetString(),
        line.GetProperty("department").GetString(),
        line.GetProperty("district").GetString(),
        line.GetProperty("category").GetString(),
        line.GetProperty("isGrievance").GetBoolean());
}
