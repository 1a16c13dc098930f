using System.Globalization;
using Grievance.Complaints;
using Grievance.ServiceDirectory;
using Grievance.Text;

namespace Grievance.Routing.Internal;

/// <summary>
/// Everything the router needs, compiled once from the directory, the gazetteer and the lexicon: department, district and
/// category tables, the automaton of places and keywords, and the reasons each pattern gives, written in advance so routing
/// a message formats no strings for them.
/// </summary>
internal sealed class RoutingModel
{
    public const double ProblemWeight = 3.0;
    public const double SubjectWeight = 2.0;
    public const double ContextWeight = 1.5;
    public const double NotAGrievanceWeight = 2.0;

    private static readonly string[] s_lastCategories = ["fir-not-registered", "other"];

    private readonly Dictionary<DepartmentId, int> _departmentIndex = [];
    private readonly Dictionary<CategoryId, int> _categoryIndex = [];
    private readonly Dictionary<DistrictId, int> _districtIndex = [];
    private readonly List<CategoryId> _categories = [];
    private readonly int _corruptionRank;

    public RoutingModel(IServiceDirectory directory, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        Directory = directory;
        Departments = [.. directory.Departments];
        for (var i = 0; i < Departments.Length; i++)
        {
            _departmentIndex[Departments[i].Id] = i;
        }

        TriageIndex = _departmentIndex[directory.Triage.Id];
        Districts = [.. directory.Gazetteer.Districts];
        for (var i = 0; i < Districts.Length; i++)
        {
            _districtIndex[Districts[i].Id] = i;
        }

        GeoRadiusKilometers = options.GeoRadiusKilometers;

        var lexicon = EmbeddedLexicon.Default;
        var rules = new List<LexiconRuleDto>();
        if (options.UseDefaultLexicon)
        {
            rules.AddRange(lexicon.Rules ?? []);
        }

        rules.AddRange(options.Rules.Select(r => new LexiconRuleDto
        {
            Kind = r.Kind,
            Category = r.Category,
            Department = r.Department,
            Weight = r.Weight,
            Reason = r.Reason,
            Keywords = [.. r.Keywords],
        }));

        var precedence = options.CategoryPrecedence.Count > 0 ? [.. options.CategoryPrecedence] : lexicon.CategoryPrecedence ?? [];
        foreach (var category in precedence)
        {
            CategoryOf(category);
        }

        var builder = new PhraseMatcher.Builder();
        var places = new List<Place>();
        AddPlaces(builder, places);
        Places = [.. places];

        var keywords = new List<Keyword>();
        var compiled = new List<Rule>();
        foreach (var rule in rules)
        {
            var compiledRule = Compile(rule, compiled.Count);
            compiled.Add(compiledRule);
            foreach (var keyword in rule.Keywords ?? [])
            {
                if (string.IsNullOrWhiteSpace(keyword))
                {
                    continue;
                }

                if (rule.Kind == RoutingRuleKind.ProblemWord)
                {
                    builder.AddProblemWord(keyword);
                    continue;
                }

                if (builder.AddKeyword(keyword, keywords.Count))
                {
                    keywords.Add(new Keyword(compiledRule, keyword.Trim(), KeywordReason(compiledRule, keyword.Trim())));
                }
            }
        }

        Rules = [.. compiled];
        Keywords = [.. keywords];

        // Places that only make sense with the words around them: "to Lucknow", "Lucknow tak", "shifted from Sitapur".
        DestinationBefore = new PhraseSet(lexicon.DestinationBefore ?? []);
        DestinationAfter = new PhraseSet(lexicon.DestinationAfter ?? []);
        PlaceMarkersBefore = new PhraseSet(lexicon.PlaceMarkersBefore ?? []);
        PlaceMarkersAfter = new PhraseSet(lexicon.PlaceMarkersAfter ?? []);

        Matcher = builder.Build(options.FuzzyPlaceMatching);

        // Categories met only in rules rank after the listed ones, except the two that always come last.
        CategoryRank = new int[_categories.Count];
        var listed = precedence.Select(c => new CategoryId(c)).ToHashSet();
        for (var i = 0; i < _categories.Count; i++)
        {
            var id = _categories[i];
            var last = Array.IndexOf(s_lastCategories, id.Value);
            CategoryRank[i] = last >= 0 && !listed.Contains(id) ? 10_000 + last
                : listed.Contains(id) ? precedence.FindIndex(c => new CategoryId(c) == id)
                : 5_000 + i;
        }

        _corruptionRank = _categoryIndex.TryGetValue(new CategoryId("corruption"), out var corruption) ? CategoryRank[corruption] : -1;
        CategoryOwner = [.. _categories.Select(c => directory.FindDepartmentByCategory(c) is { } owner ? _departmentIndex[owner.Id] : -1)];
    }

    public IServiceDirectory Directory { get; }

    public Department[] Departments { get; }

    public int TriageIndex { get; }

    public District[] Districts { get; }

    public Place[] Places { get; }

    public Rule[] Rules { get; }

    public Keyword[] Keywords { get; }

    public PhraseMatcher Matcher { get; }

    /// <summary>Gets the words that, just before a place, make it a destination or a former home.</summary>
    public PhraseSet DestinationBefore { get; }

    /// <summary>Gets the words that, just after a place, make it a destination.</summary>
    public PhraseSet DestinationAfter { get; }

    /// <summary>Gets the words after which a place is expected ("in", "जिला").</summary>
    public PhraseSet PlaceMarkersBefore { get; }

    /// <summary>Gets the words before which a place is expected ("me", "के").</summary>
    public PhraseSet PlaceMarkersAfter { get; }

    /// <summary>Gets each category's rank: lower wins.</summary>
    public int[] CategoryRank { get; }

    /// <summary>Gets each category's owning department index, or -1 when no department owns it.</summary>
    public int[] CategoryOwner { get; }

    public int CategoryCount => _categories.Count;

    /// <summary>
    /// Returns the rank of a vote: its category's, except that a category a department borrows from its owner (land records
    /// for revenue, where land-dispute is police's; open drains for the municipality, where sewage is the water department's)
    /// ranks after corruption: the precedence of crimes over corruption is the owner's.
    /// </summary>
    public int RankOf(CategoryVote vote)
    {
        var rank = CategoryRank[vote.Category];
        var owner = CategoryOwner[vote.Category];
        if (vote.Department >= 0 && owner >= 0 && vote.Department != owner && _corruptionRank >= 0 && rank <= _corruptionRank)
        {
            return _corruptionRank + 1;
        }

        return rank;
    }

    public double GeoRadiusKilometers { get; }

    public CategoryId Category(int index) => _categories[index];

    public int DepartmentIndex(DepartmentId id) => _departmentIndex.TryGetValue(id, out var index) ? index : -1;

    public int DistrictIndex(DistrictId id) => _districtIndex.TryGetValue(id, out var index) ? index : -1;

    private int CategoryOf(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return -1;
        }

        var id = new CategoryId(category);
        if (!_categoryIndex.TryGetValue(id, out var index))
        {
            index = _categories.Count;
            _categories.Add(id);
            _categoryIndex[id] = index;
        }

        return index;
    }

    private Rule Compile(LexiconRuleDto rule, int index)
    {
        var category = CategoryOf(rule.Category);
        var department = -1;
        if (!string.IsNullOrWhiteSpace(rule.Department))
        {
            department = DepartmentIndex(new DepartmentId(rule.Department));
        }

        if (department < 0 && category >= 0 && Directory.FindDepartmentByCategory(_categories[category]) is { } owner)
        {
            department = _departmentIndex[owner.Id];
        }

        var weight = rule.Weight ?? rule.Kind switch
        {
            RoutingRuleKind.Problem => ProblemWeight,
            RoutingRuleKind.Subject => SubjectWeight,
            RoutingRuleKind.Context => ContextWeight,
            RoutingRuleKind.NotAGrievance => NotAGrievanceWeight,
            _ => 1.0,
        };

        return new Rule(index, rule.Kind, category, department, weight, rule.Reason?.Trim());
    }

    private string KeywordReason(Rule rule, string keyword)
    {
        var target = rule.Kind == RoutingRuleKind.NotAGrievance
            ? rule.Reason ?? "not a grievance"
            : string.Join(" → ", new[]
            {
                rule.Category >= 0 ? _categories[rule.Category].Value : null,
                rule.Department >= 0 ? Departments[rule.Department].Id.Value : null,
            }.Where(s => s is not null));
        return rule.Kind switch
        {
            RoutingRuleKind.Subject => $"'{keyword}' with a problem word → {target}",
            RoutingRuleKind.Context => $"'{keyword}' points to {target}",
            _ => $"'{keyword}' → {target}",
        };
    }

    private void AddPlaces(PhraseMatcher.Builder builder, List<Place> places)
    {
        for (var d = 0; d < Districts.Length; d++)
        {
            var district = Districts[d];
            Add(district.Name, d, null, 0);
            Add(district.HindiName, d, null, 0);
            Add(HeadquartersTown(district), d, null, 1);
            foreach (var alias in district.Aliases)
            {
                Add(alias, d, null, 2);
            }

            foreach (var locality in district.Localities)
            {
                Add(locality, d, null, 3);
            }
        }

        foreach (var department in Departments)
        {
            foreach (var unit in department.Units)
            {
                var district = DistrictIndex(unit.District);
                if (district < 0)
                {
                    continue;
                }

                foreach (var name in unit.Aliases.Prepend(unit.Name))
                {
                    Add(name, district, unit.Name, 3);
                }
            }
        }

        void Add(string name, int district, string? unit, int prominence)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return;
            }

            var id = Districts[district].Id.Value;
            var display = name.Trim();
            var reason = unit is null
                ? string.Create(CultureInfo.InvariantCulture, $"'{display}' → {id}")
                : string.Create(CultureInfo.InvariantCulture, $"'{display}' → {unit}, {id}");
            if (builder.AddPlace(display, places.Count, district, prominence))
            {
                places.Add(new Place(district, unit, display, reason, $"'{display}' (a close spelling) → {id}"));
            }
        }
    }

    /// <summary>The headquarters town without a note in brackets ("Ayodhya (Faizabad)" → "Ayodhya"); a town that heads two districts matches neither.</summary>
    private static string HeadquartersTown(District district)
    {
        var town = district.HeadquartersTown;
        var bracket = town.IndexOf('(', StringComparison.Ordinal);
        return bracket > 0 ? town[..bracket].Trim() : town;
    }

    /// <summary>A compiled lexicon rule.</summary>
    internal sealed record Rule(int Index, RoutingRuleKind Kind, int Category, int Department, double Weight, string? Reason);

    /// <summary>One keyword of a rule, with its reason.</summary>
    internal sealed record Keyword(Rule Rule, string Text, string Reason);

    /// <summary>One place name, with its reasons.</summary>
    internal sealed record Place(int District, string? Unit, string Text, string Reason, string FuzzyReason);
}

/// <summary>Great-circle distances.</summary>
internal static class Geo
{
    private const double EarthRadiusKilometers = 6371.0;

    public static double Kilometers(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKilometers * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>A few short phrases, compared by match key against the words before or after a position in a scanned text.</summary>
internal sealed class PhraseSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _phrases;
    private readonly int _maxWords;

    public PhraseSet(IEnumerable<string> phrases)
    {
        var keys = phrases.Select(TextNormalizer.ToMatchKey).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        _maxWords = keys.Count == 0 ? 0 : keys.Max(k => k.Count(c => c == ' ') + 1);
        _phrases = keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Returns whether a phrase ends just before token <paramref name="position"/>.</summary>
    public bool EndsBefore(ScanResult scan, int position)
    {
        for (var words = 1; words <= _maxWords && position - words >= 0; words++)
        {
            if (_phrases.Contains(scan.Span(position - words, position)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a phrase starts at token <paramref name="position"/>.</summary>
    public bool StartsAt(ScanResult scan, int position)
    {
        for (var words = 1; words <= _maxWords && position + words <= scan.TokenCount; words++)
        {
            if (_phrases.Contains(scan.Span(position, position + words)))
            {
                return true;
            }
        }

        return false;
    }
}
