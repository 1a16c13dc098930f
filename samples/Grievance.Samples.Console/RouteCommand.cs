using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grievance.Complaints;
using Grievance.Intake;
using Grievance.Routing;
using Grievance.ServiceDirectory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grievance.Samples.Console;

/// <summary>
/// <c>route --input FILE.jsonl [--eval] [--directory FILE.json]</c>: a dry run of the router over exported messages. Each input
/// line holds at least <c>id</c>, <c>text</c> and <c>author</c> (optionally <c>addressed</c> handles, <c>lang</c>, <c>geo</c>
/// {lat, lon}, <c>place</c>, <c>location</c> and <c>expected</c>); unknown fields are ignored. It prints one JSON line per input
/// with the decision and its reasons; with <c>--eval</c> it then prints an accuracy table against each line's <c>expected</c>.
/// A malformed line is reported on standard error with its line number and skipped; the exit code is then 1.
/// </summary>
public static class RouteCommand
{
    /// <summary>The usage text.</summary>
    public const string Usage = "Usage: route --input FILE.jsonl [--eval] [--directory FILE.json]   (FILE '-' reads standard input)";

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>route</c>.</param>
    /// <param name="stdin">Standard input, read when the input is <c>-</c>.</param>
    /// <param name="stdout">Where decisions and the table go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="cancellationToken">The token to cancel the run.</param>
    /// <returns>0 when every line was routed, 1 when a line was malformed, 2 on a usage error.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        string? input = null;
        string? directory = null;
        var eval = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Count:
                    input = args[++i];
                    break;
                case "--directory" when i + 1 < args.Count:
                    directory = args[++i];
                    break;
                case "--eval":
                    eval = true;
                    break;
                default:
                    await stderr.WriteLineAsync($"Unknown or incomplete argument '{args[i]}'. {Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (input is null)
        {
            await stderr.WriteLineAsync($"--input is required. {Usage}").ConfigureAwait(false);
            return 2;
        }

        if (input != "-" && !File.Exists(input))
        {
            await stderr.WriteLineAsync($"The input file '{input}' does not exist.").ConfigureAwait(false);
            return 2;
        }

        if (directory is not null && !File.Exists(directory))
        {
            await stderr.WriteLineAsync($"The directory file '{directory}' does not exist.").ConfigureAwait(false);
            return 2;
        }

        await using var services = BuildServices(directory);
        var router = services.GetRequiredService<IComplaintRouter>();
        var triage = services.GetRequiredService<IServiceDirectory>().Triage.Id;
        var evaluation = new RoutingEvaluation();
        var malformed = 0;

        using var reader = input == "-" ? null : new StreamReader(input, Encoding.UTF8);
        var source = reader ?? stdin;
        var number = 0;
        while (await source.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!RouteInput.TryParse(line, out var routeInput, out var error))
            {
                malformed++;
                await stderr.WriteLineAsync($"line {number}: {error}; skipped.").ConfigureAwait(false);
                continue;
            }

            var decision = await router.RouteAsync(routeInput.ToMessage(number), cancellationToken).ConfigureAwait(false);
            var output = RouteOutput.From(routeInput.Id, decision, triage);
            await stdout.WriteLineAsync(output.ToJson()).ConfigureAwait(false);
            if (eval && routeInput.Expected is { } expected)
            {
                evaluation.Add(expected, output);
            }
        }

        if (eval)
        {
            await stdout.WriteLineAsync().ConfigureAwait(false);
            await stdout.WriteAsync(evaluation.Table()).ConfigureAwait(false);
        }

        if (malformed > 0)
        {
            await stderr.WriteLineAsync($"{malformed} malformed line(s) skipped.").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    /// <summary>Builds the services with the sample directory, or with a department's own directory file.</summary>
    /// <param name="directoryFile">A JSON file with a <c>Grievance</c> section, or <see langword="null"/> for the sample directory.</param>
    /// <returns>The service provider.</returns>
    public static ServiceProvider BuildServices(string? directoryFile = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(directoryFile is null ? Path.Combine(AppContext.BaseDirectory, "sample-directory.json") : Path.GetFullPath(directoryFile), optional: false)
            .Build();
        var services = new ServiceCollection();
        services.AddGrievance(configuration.GetSection(GrievanceOptions.SectionName));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    internal static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_writerOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>The labels a line expects, in the shape of the labelled data set.</summary>
/// <param name="Department">The department id, or <c>none</c> for a non-grievance.</param>
/// <param name="District">The district id, or <see langword="null"/> when the message gives no place.</param>
/// <param name="Category">The category id, or <c>none</c> for a non-grievance.</param>
public sealed record ExpectedRoute(string Department, string? District, string Category);

/// <summary>One input line of the <c>route</c> command.</summary>
public sealed record RouteInput
{
    /// <summary>Gets the line's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the message text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the author's handle.</summary>
    public required string Author { get; init; }

    /// <summary>Gets the addressed handles; when the line has none, the text's @mentions (except a retweet's source).</summary>
    public IReadOnlyList<string> Addressed { get; init; } = [];

    /// <summary>Gets the language tag, when given.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the attached coordinates, when given.</summary>
    public GeoPoint? Geo { get; init; }

    /// <summary>Gets the attached place name, when given.</summary>
    public string? Place { get; init; }

    /// <summary>Gets the author's profile location, when given.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the expected labels, when given.</summary>
    public ExpectedRoute? Expected { get; init; }

    /// <summary>Parses one JSON line; unknown fields are ignored.</summary>
    /// <param name="line">The line.</param>
    /// <param name="input">The parsed input.</param>
    /// <param name="error">Why the line is malformed.</param>
    /// <returns>Whether the line could be used.</returns>
    public static bool TryParse(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RouteInput? input, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        input = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "not a JSON object";
                return false;
            }

            if (String(root, "id") is not { Length: > 0 } id)
            {
                error = "'id' is missing or not a string";
                return false;
            }

            if (String(root, "text") is not { } text)
            {
                error = "'text' is missing or not a string";
                return false;
            }

            if (String(root, "author") is not { } author)
            {
                error = "'author' is missing or not a string";
                return false;
            }

            IReadOnlyList<string> addressed = root.TryGetProperty("addressed", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.TrimStart('@'))]
                : Mentions(text);

            GeoPoint? geo = null;
            if (root.TryGetProperty("geo", out var g) && g.ValueKind == JsonValueKind.Object
                && g.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number
                && g.TryGetProperty("lon", out var lon) && lon.ValueKind == JsonValueKind.Number)
            {
                geo = new GeoPoint(lat.GetDouble(), lon.GetDouble());
            }

            ExpectedRoute? expected = null;
            if (root.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                expected = new ExpectedRoute(String(e, "department") ?? "none", String(e, "district"), String(e, "category") ?? "none");
            }

            input = new RouteInput
            {
                Id = id,
                Text = text,
                Author = author.TrimStart('@'),
                Addressed = addressed,
                Language = String(root, "lang"),
                Geo = geo,
                Place = String(root, "place"),
                Location = String(root, "location"),
                Expected = expected,
            };
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON ({ex.Message})";
            return false;
        }
    }

    /// <summary>Builds the message the router sees.</summary>
    /// <param name="lineNumber">The line number, which makes the message id unique.</param>
    /// <returns>The message.</returns>
    public InboundMessage ToMessage(int lineNumber) => new()
    {
        Channel = Channels.X,
        ExternalId = Id.Length > 0 ? Id : lineNumber.ToString(CultureInfo.InvariantCulture),
        Author = new Complainant { PlatformId = Author, Handle = Author, Location = Location },
        Text = Text,
        CreatedAt = DateTimeOffset.UnixEpoch,
        Language = Language,
        Geo = Geo,
        PlaceName = Place,
        AddressedAccounts = Addressed,
    };

    /// <summary>The @mentions of a text in order, without the source of a retweet ("RT @source:").</summary>
    /// <param name="text">The text.</param>
    /// <returns>The handles without <c>@</c>.</returns>
    public static IReadOnlyList<string> Mentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var handles = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '@' || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_')))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var retweetSource = i >= 3 && text.AsSpan(0, i).TrimEnd().EndsWith("RT", StringComparison.Ordinal) && text.AsSpan(0, i).Trim().Length == 2;
            if (end > i + 1 && !retweetSource && !handles.Contains(text[(i + 1)..end], StringComparer.OrdinalIgnoreCase))
            {
                handles.Add(text[(i + 1)..end]);
            }

            i = end - 1;
        }

        return handles;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One output line of the <c>route</c> command.</summary>
/// <param name="Id">The input line's id.</param>
/// <param name="Department">The department, or <c>none</c> for a non-grievance.</param>
/// <param name="District">The district, or <see langword="null"/>.</param>
/// <param name="Category">The category, or <c>none</c> for a non-grievance.</param>
/// <param name="IsGrievance">Whether the message is a grievance.</param>
/// <param name="Confidence">The router's confidence.</param>
/// <param name="Reasons">The router's reasons.</param>
/// <param name="Triage">Whether the decision sent the complaint to the triage department.</param>
public sealed record RouteOutput(string Id, string Department, string? District, string Category, bool IsGrievance, double Confidence, IReadOnlyList<string> Reasons, bool Triage)
{
    /// <summary>Builds the output from a decision.</summary>
    /// <param name="id">The input line's id.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="triage">The directory's triage department.</param>
    /// <returns>The output.</returns>
    public static RouteOutput From(string id, RoutingDecision decision, DepartmentId triage)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.IsGrievance
            ? new RouteOutput(id, decision.Department.Value, decision.District?.Value, decision.Category.Value, true, decision.Confidence, decision.Reasons, decision.Department == triage)
            : new RouteOutput(id, "none", null, "none", false, decision.Confidence, decision.Reasons, false);
    }

    /// <summary>Writes the line: <c>{"id","department","district","category","isGrievance","confidence","reasons"}</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => RouteCommand.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        w.WriteString("department", Department);
        w.WriteString("district", District);
        w.WriteString("category", Category);
        w.WriteBoolean("isGrievance", IsGrievance);
        w.WriteNumber("confidence", Confidence);
        w.WriteStartArray("reasons");
        foreach (var reason in Reasons)
        {
            w.WriteStringValue(reason);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}

/// <summary>
/// Accuracy against labels, by the data set's rules: department and category over every line (a non-grievance is department and
/// category <c>none</c>); district over the lines labelled with a district, and separately over all lines, where a line labelled
/// without a district is right when the prediction has none or went to triage; precision and recall of "not a grievance".
/// </summary>
public sealed class RoutingEvaluation
{
    private int _total;
    private int _department;
    private int _category;
    private int _withDistrict;
    private int _districtRight;
    private int _withoutDistrict;
    private int _withoutDistrictRight;
    private int _notAGrievanceTruePositive;
    private int _notAGrievancePredicted;
    private int _notAGrievanceExpected;

    /// <summary>Gets the share of lines with the right department.</summary>
    public double DepartmentAccuracy => Ratio(_department, _total);

    /// <summary>Gets the share of lines labelled with a district whose district is right.</summary>
    public double DistrictAccuracy => Ratio(_districtRight, _withDistrict);

    /// <summary>Gets the share of all lines whose district is right (no district is right for lines labelled without one, as is triage).</summary>
    public double DistrictAccuracyAll => Ratio(_districtRight + _withoutDistrictRight, _withDistrict + _withoutDistrict);

    /// <summary>Gets the share of lines with the right category.</summary>
    public double CategoryAccuracy => Ratio(_category, _total);

    /// <summary>Gets the precision of "not a grievance".</summary>
    public double NotAGrievancePrecision => Ratio(_notAGrievanceTruePositive, _notAGrievancePredicted);

    /// <summary>Gets the recall of "not a grievance".</summary>
    public double NotAGrievanceRecall => Ratio(_notAGrievanceTruePositive, _notAGrievanceExpected);

    /// <summary>Gets the number of lines evaluated.</summary>
    public int Count => _total;

    /// <summary>Adds one labelled line.</summary>
    /// <param name="expected">The labels.</param>
    /// <param name="actual">The router's output.</param>
    /// <returns>Which parts were wrong ("department", "district", "category"), empty when all were right.</returns>
    public IReadOnlyList<string> Add(ExpectedRoute expected, RouteOutput actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var wrong = new List<string>();
        _total++;
        var expectedNot = expected.Department == "none";
        if (expectedNot)
        {
            _notAGrievanceExpected++;
        }

        if (!actual.IsGrievance)
        {
            _notAGrievancePredicted++;
            if (expectedNot)
            {
                _notAGrievanceTruePositive++;
            }
        }

        Tally(expected.Department == actual.Department, ref _department, "department", wrong);
        Tally(expected.Category == actual.Category, ref _category, "category", wrong);
        if (expected.District is { } district)
        {
            _withDistrict++;
            Tally(district == actual.District, ref _districtRight, "district", wrong);
        }
        else
        {
            _withoutDistrict++;
            Tally(actual.District is null || actual.Triage, ref _withoutDistrictRight, "district", wrong);
        }

        return wrong;
    }

    /// <summary>Formats the accuracy table.</summary>
    /// <returns>The table, one metric a line.</returns>
    public string Table()
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{"metric",-36} {"value",7}  of");
        Row("department accuracy", DepartmentAccuracy, _total);
        Row("district accuracy (labelled lines)", DistrictAccuracy, _withDistrict);
        Row("district accuracy (all lines)", DistrictAccuracyAll, _withDistrict + _withoutDistrict);
        Row("category accuracy", CategoryAccuracy, _total);
        Row("not-a-grievance precision", NotAGrievancePrecision, _notAGrievancePredicted);
        Row("not-a-grievance recall", NotAGrievanceRecall, _notAGrievanceExpected);
        return builder.ToString();

        void Row(string name, double value, int of) =>
            builder.AppendLine(CultureInfo.InvariantCulture, $"{name,-36} {value,7:P1}  {of}");
    }

    private static void Tally(bool right, ref int counter, string part, List<string> wrong)
    {
        if (right)
        {
            counter++;
        }
        else
        {
            wrong.Add(part);
        }
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;
}
