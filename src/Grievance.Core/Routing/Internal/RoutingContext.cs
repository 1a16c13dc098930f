using Grievance.Intake;

namespace Grievance.Routing.Internal;

/// <summary>A piece of evidence a step found, with the reason it gives; -1 marks what it does not point to.</summary>
internal readonly record struct Evidence(string Reason, int Department, int District, int Category);

/// <summary>A vote for a category from a keyword, for the department the keyword points to (-1: any department).</summary>
internal readonly record struct CategoryVote(int Category, int Department, double Weight);

/// <summary>
/// The evidence gathered for one message by the routing steps: scores per department and district, category votes, how strongly
/// the words say "problem" or "not a grievance", and the reasons. One instance per thread, cleared before each message.
/// </summary>
internal sealed class RoutingContext
{
    private readonly bool[] _ruleSeen;
    private readonly List<int> _rulesSeen = [];

    public RoutingContext(RoutingModel model)
    {
        Model = model;
        DepartmentScores = new double[model.Departments.Length];
        DistrictScores = new double[model.Districts.Length];
        Units = new string?[model.Districts.Length];
        AddressedOrder = new int[model.Departments.Length];
        _ruleSeen = new bool[model.Rules.Length * 2];
    }

    public RoutingModel Model { get; }

    public InboundMessage Message { get; private set; } = null!;

    public ScanResult Scan { get; } = new();

    /// <summary>Gets a second scan buffer for short texts beside the message (place name, profile location).</summary>
    public ScanResult SideScan { get; } = new();

    public double[] DepartmentScores { get; }

    public double[] DistrictScores { get; }

    /// <summary>Gets, per department, the position among the addressed accounts of its first handle (<see cref="int.MaxValue"/> when not addressed): the tie-break between equal evidence.</summary>
    public int[] AddressedOrder { get; }

    /// <summary>Gets the unit named in each district, when any.</summary>
    public string?[] Units { get; }

    public List<CategoryVote> CategoryVotes { get; } = [];

    public List<Evidence> Evidence { get; } = [];

    /// <summary>Gets or sets how strongly the words name a problem.</summary>
    public double ProblemScore { get; set; }

    /// <summary>Gets or sets how strongly the words say the message is not a grievance.</summary>
    public double NotAGrievanceScore { get; set; }

    /// <summary>Gets or sets the reasons a message is not a grievance, when a step found one that ends routing (a repost, the desk's own post).</summary>
    public string? NotAGrievance { get; set; }

    /// <summary>Gets or sets a value indicating whether an addressed handle belongs to a department.</summary>
    public bool AddressedDepartment { get; set; }

    /// <summary>Gets or sets a value indicating whether a keyword points to a department.</summary>
    public bool DepartmentHint { get; set; }

    public void Reset(InboundMessage message)
    {
        Message = message;
        Array.Clear(DepartmentScores);
        Array.Clear(DistrictScores);
        Array.Clear(Units);
        Array.Fill(AddressedOrder, int.MaxValue);
        foreach (var rule in _rulesSeen)
        {
            _ruleSeen[rule] = false;
        }

        _rulesSeen.Clear();
        CategoryVotes.Clear();
        Evidence.Clear();
        ProblemScore = 0;
        NotAGrievanceScore = 0;
        NotAGrievance = null;
        AddressedDepartment = false;
        DepartmentHint = false;
    }

    /// <summary>
    /// Marks a rule as counted; returns <see langword="false"/> when it was already, so repeated keywords of one rule count once.
    /// A subject's faint hint (named without a problem word) is counted apart from its use as a problem.
    /// </summary>
    public bool FirstUseOf(int rule, bool hint = false)
    {
        rule = hint ? rule + (_ruleSeen.Length / 2) : rule;
        if (_ruleSeen[rule])
        {
            return false;
        }

        _ruleSeen[rule] = true;
        _rulesSeen.Add(rule);
        return true;
    }
}

/// <summary>One small, replaceable step of the default router: it reads the message and adds evidence to the context.</summary>
internal interface IRoutingStep
{
    void Apply(RoutingContext context);
}
