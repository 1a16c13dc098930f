using System.Globalization;
using Grievance.Complaints;
using Grievance.Diagnostics.Internal;
using Grievance.Intake;
using Grievance.ServiceDirectory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grievance.Routing.Internal;

/// <summary>
/// The default router: a chain of small steps (reposts and the desk's own posts; addressed handles; places, keywords and
/// hashtags in the text; the attached place or coordinates; the profile location) that each add weighted evidence, then one
/// resolution that weighs it. The department with the most evidence wins (a power-cut keyword, 3, beats a police handle, 2);
/// the district with the most (a place in the text, 3, beats a district handle, 1.5, and a profile location, 0.5); the category
/// is the highest in precedence among those the keywords gave for that department. Without any department evidence the
/// complaint goes to triage. A message whose words name no problem, or whose not-a-grievance markers outweigh its problems, is
/// no grievance.
/// </summary>
internal sealed class RuleBasedComplaintRouter : IComplaintRouter
{
    private const double ProblemWordScore = 1.0;
    private const double ServiceMessageScore = 0.5;

    [ThreadStatic]
    private static RoutingContext? t_context;

    private readonly RoutingModel _model;
    private readonly IRoutingStep[] _steps;
    private readonly ILogger _logger;

    public RuleBasedComplaintRouter(IServiceDirectory directory, IOptions<GrievanceOptions> options, ILogger<RuleBasedComplaintRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        _model = new RoutingModel(directory, options.Value.Routing);
        _steps = [new RepostAndDeskStep(), new AddressedHandleStep(), new TextStep(), new PlaceAndGeoStep(), new ProfileLocationStep()];
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    internal RoutingModel Model => _model;

    public ValueTask<RoutingDecision> RouteAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Route(message));
    }

    internal RoutingDecision Route(InboundMessage message)
    {
        var context = t_context;
        if (context is null || context.Model != _model)
        {
            t_context = context = new RoutingContext(_model);
        }

        context.Reset(message);
        foreach (var step in _steps)
        {
            step.Apply(context);
            if (context.NotAGrievance is not null)
            {
                break;
            }
        }

        var decision = Resolve(context);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.MessageRouted(_logger, message.Channel, message.ExternalId, decision.Department.Value, decision.District?.Value ?? "-", decision.Category.Value, decision.Confidence, decision.IsGrievance);
        }

        return decision;
    }

    private RoutingDecision Resolve(RoutingContext context)
    {
        if (context.NotAGrievance is { } structural)
        {
            return NotAGrievance(1.0, [structural]);
        }

        var problem = context.ProblemScore;
        if (problem == 0 && context.Scan.ProblemWords.Count > 0 && (context.DepartmentHint || context.Message.AddressedAccounts.Count > 0))
        {
            problem = ProblemWordScore;
            context.Evidence.Add(new Evidence("a problem word in a message to an official account or about a department's service", -1, -1, -1));
        }
        else if (problem == 0 && context.DepartmentHint && context.Message.AddressedAccounts.Count > 0)
        {
            problem = ServiceMessageScore;
            context.Evidence.Add(new Evidence("a message to an official account about a department's service", -1, -1, -1));
        }

        if (problem == 0 || context.NotAGrievanceScore > problem)
        {
            var notReasons = context.Evidence.Where(e => e.Department == -2).Select(e => e.Reason).ToList();
            notReasons.Add(problem == 0
                ? "no words that name a problem: nothing to act on"
                : string.Create(CultureInfo.InvariantCulture, $"not-a-grievance markers ({context.NotAGrievanceScore:0.#}) outweigh the problem words ({problem:0.#})"));
            return NotAGrievance(Math.Round((context.NotAGrievanceScore / (context.NotAGrievanceScore + problem + 1)) + 0.3, 2), notReasons);
        }

        // Department: the most evidence; none at all goes to triage.
        var (best, bestScore, second, secondScore) = TopTwo(context.DepartmentScores, _model.TriageIndex);
        if (second >= 0 && secondScore == bestScore && context.AddressedOrder[second] < context.AddressedOrder[best])
        {
            (best, second) = (second, best); // equal evidence: the department the citizen addressed first
        }

        var triage = bestScore <= 0;
        var department = triage ? _model.Departments[_model.TriageIndex] : _model.Departments[best];
        var departmentIndex = triage ? _model.TriageIndex : best;

        // District: the most evidence.
        var (district, districtScore, _, districtSecond) = TopTwo(context.DistrictScores, -1);
        var hasDistrict = districtScore > 0;

        // Category: the highest precedence among the votes for this department (or for any department).
        var category = -1;
        var categoryRank = int.MaxValue;
        var categoryScore = 0.0;
        foreach (var vote in context.CategoryVotes)
        {
            if (vote.Department >= 0 && vote.Department != departmentIndex)
            {
                continue;
            }

            var rank = _model.RankOf(vote);
            if (category < 0 || rank < categoryRank)
            {
                category = vote.Category;
                categoryRank = rank;
                categoryScore = vote.Weight;
            }
            else if (vote.Category == category)
            {
                categoryScore += vote.Weight;
            }
        }

        var categoryId = category >= 0 ? _model.Category(category) : department.DefaultCategory;

        var reasons = new List<string>(context.Evidence.Count + 3);
        foreach (var evidence in context.Evidence)
        {
            if (evidence.Department == -2)
            {
                reasons.Add(evidence.Reason + " (outweighed)");
                continue;
            }

            var agrees = (evidence.Department < 0 || evidence.Department == departmentIndex)
                && (evidence.District < 0 || (hasDistrict && evidence.District == district))
                && (evidence.Category < 0 || evidence.Category == category || evidence.Department >= 0);
            reasons.Add(agrees ? evidence.Reason : evidence.Reason + " (outweighed)");
        }

        if (triage)
        {
            reasons.Add($"no evidence for any department: sent to triage '{department.Id}'");
        }
        else if (secondScore > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{department.Id} ({bestScore:0.#}) outweighs {_model.Departments[second].Id} ({secondScore:0.#})"));
        }

        if (!hasDistrict)
        {
            reasons.Add("no usable place: district unknown");
        }

        if (category < 0)
        {
            reasons.Add($"category '{categoryId}' is the department's default");
        }

        var departmentConfidence = triage ? 0.1 : bestScore / (bestScore + secondScore + 1);
        var districtConfidence = hasDistrict ? districtScore / (districtScore + districtSecond + 1) : 0.5;
        var categoryConfidence = category >= 0 ? categoryScore / (categoryScore + 1) : 0.3;
        var confidence = (0.6 * departmentConfidence) + (0.25 * districtConfidence) + (0.15 * categoryConfidence);

        return new RoutingDecision
        {
            Department = department.Id,
            District = hasDistrict ? _model.Districts[district].Id : null,
            Unit = hasDistrict ? context.Units[district] : null,
            Category = categoryId,
            Confidence = Math.Round(confidence, 2),
            Reasons = reasons,
        };
    }

    private RoutingDecision NotAGrievance(double confidence, List<string> reasons) => new()
    {
        IsGrievance = false,
        Department = _model.Departments[_model.TriageIndex].Id,
        Category = CategoryId.None,
        Confidence = Math.Clamp(confidence, 0, 1),
        Reasons = reasons,
    };

    private static (int Best, double BestScore, int Second, double SecondScore) TopTwo(double[] scores, int skip)
    {
        int best = -1, second = -1;
        double bestScore = 0, secondScore = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (i == skip || scores[i] <= 0)
            {
                continue;
            }

            if (scores[i] > bestScore)
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (i, scores[i]);
            }
            else if (scores[i] > secondScore)
            {
                (second, secondScore) = (i, scores[i]);
            }
        }

        return (best, bestScore, second, secondScore);
    }
}
