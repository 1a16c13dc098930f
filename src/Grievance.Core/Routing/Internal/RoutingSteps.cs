using System.Globalization;

namespace Grievance.Routing.Internal;

/// <summary>Reposts, retweets written as "RT @…", and posts by the desk's own accounts are no grievances; routing stops.</summary>
internal sealed class RepostAndDeskStep : IRoutingStep
{
    public void Apply(RoutingContext context)
    {
        var message = context.Message;
        if (message.IsRepost)
        {
            context.NotAGrievance = "a repost of another post, with no words of the author's own";
        }
        else if (message.Text.AsSpan().TrimStart().StartsWith("RT @", StringComparison.OrdinalIgnoreCase))
        {
            context.NotAGrievance = "a retweet ('RT @…') of another post";
        }
        else if (message.Author.Handle is { Length: > 0 } author && context.Model.Directory.FindDepartmentByHandle(author) is { } desk)
        {
            context.NotAGrievance = $"posted by an account of department '{desk.Id}' itself";
        }
    }
}

/// <summary>An addressed department handle points to its department; a district handle also to its district.</summary>
internal sealed class AddressedHandleStep : IRoutingStep
{
    internal const double FirstHandleWeight = 2.0;
    internal const double OtherHandleWeight = 1.0;
    internal const double DistrictHandleWeight = 1.5;

    public void Apply(RoutingContext context)
    {
        var model = context.Model;
        var order = 0;
        foreach (var account in context.Message.AddressedAccounts)
        {
            order++;
            if (string.IsNullOrWhiteSpace(account) || model.Directory.FindDepartmentByHandle(account) is not { } department)
            {
                continue;
            }

            var index = model.DepartmentIndex(department.Id);
            var handle = account.Trim().TrimStart('@');
            var weight = context.AddressedDepartment ? OtherHandleWeight : FirstHandleWeight;
            context.AddressedDepartment = true;
            context.DepartmentScores[index] += weight;
            context.AddressedOrder[index] = Math.Min(context.AddressedOrder[index], order);
            context.Evidence.Add(new Evidence($"addressed @{handle} → {department.Id}", index, -1, -1));

            if (model.Directory.FindDistrictByHandle(handle) is { } districtId && model.DistrictIndex(districtId) is var district and >= 0)
            {
                context.DistrictScores[district] += DistrictHandleWeight;
                context.Evidence.Add(new Evidence($"@{handle} serves {districtId}", -1, district, -1));
            }
        }
    }
}

/// <summary>
/// The text, scanned once by the automaton: place names point to districts (and units), keywords and hashtags to categories and
/// departments, problem words turn subjects into problems, and not-a-grievance markers add up against the problems.
/// </summary>
internal sealed class TextStep : IRoutingStep
{
    internal const double PlaceWeight = 3.0;
    internal const double FuzzyPlaceWeight = 2.0;
    internal const double DestinationFactor = 0.3;
    internal const double SubjectHintWeight = 0.5;
    internal const int ProblemWordWindow = 5;

    public void Apply(RoutingContext context)
    {
        var model = context.Model;
        var scan = context.Scan;
        model.Matcher.Scan(WithoutMentionsAndLinks(context.Message.Text), scan);

        foreach (var hit in scan.Places)
        {
            // A misspelling counts only where a place is expected, so "bimari" (illness) is not "Bilari".
            if (hit.Fuzzy && !model.PlaceMarkersBefore.EndsBefore(scan, hit.Start) && !model.PlaceMarkersAfter.StartsAt(scan, hit.End))
            {
                continue;
            }

            var place = model.Places[hit.Place];
            var weight = hit.Fuzzy ? FuzzyPlaceWeight : PlaceWeight;
            var reason = hit.Fuzzy ? place.FuzzyReason : place.Reason;
            if (model.DestinationBefore.EndsBefore(scan, hit.Start) || model.DestinationAfter.StartsAt(scan, hit.End))
            {
                weight *= DestinationFactor;
                reason += " (a destination or former place: weak)";
            }

            context.DistrictScores[place.District] += weight;
            if (place.Unit is not null)
            {
                context.Units[place.District] ??= place.Unit;
            }

            context.Evidence.Add(new Evidence(reason, -1, place.District, -1));
        }

        foreach (var hit in scan.Keywords)
        {
            var keyword = model.Keywords[hit.Keyword];
            var rule = keyword.Rule;
            switch (rule.Kind)
            {
                case RoutingRuleKind.Problem:
                    Problem(context, keyword);
                    break;
                case RoutingRuleKind.Subject when scan.HasProblemWordNear(hit.Start, hit.End, ProblemWordWindow):
                    Problem(context, keyword);
                    break;
                case RoutingRuleKind.Subject:
                    // A service named without a problem word: a faint hint at its department, not a problem.
                    if (rule.Department >= 0 && context.FirstUseOf(rule.Index, hint: true))
                    {
                        context.DepartmentScores[rule.Department] += SubjectHintWeight;
                        context.DepartmentHint = true;
                    }

                    break;
                case RoutingRuleKind.Context:
                    if (context.FirstUseOf(rule.Index))
                    {
                        if (rule.Department >= 0)
                        {
                            context.DepartmentScores[rule.Department] += rule.Weight;
                            context.DepartmentHint = true;
                        }

                        if (rule.Category >= 0)
                        {
                            context.CategoryVotes.Add(new CategoryVote(rule.Category, rule.Department, rule.Weight));
                        }

                        context.Evidence.Add(new Evidence(keyword.Reason, rule.Department, -1, rule.Category));
                    }

                    break;
                case RoutingRuleKind.NotAGrievance:
                    if (context.FirstUseOf(rule.Index))
                    {
                        context.NotAGrievanceScore += rule.Weight;
                        context.Evidence.Add(new Evidence(keyword.Reason + ": not a grievance", -2, -1, -1));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Blanks @mentions (the addressed handles, which the handle step weighs) and links, so a handle's letters or a link's
    /// random characters never read as words. Returns the text itself when it has neither.
    /// </summary>
    internal static string WithoutMentionsAndLinks(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('@', ':') < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            source.CopyTo(destination);
            for (var i = 0; i < destination.Length; i++)
            {
                var end = -1;
                if (destination[i] == '@' && (i == 0 || !IsHandleChar(destination[i - 1])))
                {
                    end = i + 1;
                    while (end < destination.Length && IsHandleChar(destination[end]))
                    {
                        end++;
                    }
                }
                else if (destination[i] == ':' && i + 2 < destination.Length && destination[i + 1] == '/' && destination[i + 2] == '/')
                {
                    var start = i;
                    while (start > 0 && char.IsAsciiLetter(destination[start - 1]))
                    {
                        start--;
                    }

                    end = i;
                    while (end < destination.Length && !char.IsWhiteSpace(destination[end]))
                    {
                        end++;
                    }

                    i = start;
                }

                if (end > i)
                {
                    destination[i..end].Fill(' ');
                    i = end - 1;
                }
            }
        });
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static void Problem(RoutingContext context, RoutingModel.Keyword keyword)
    {
        var rule = keyword.Rule;
        if (!context.FirstUseOf(rule.Index))
        {
            return;
        }

        context.ProblemScore += rule.Weight;
        if (rule.Department >= 0)
        {
            context.DepartmentScores[rule.Department] += rule.Weight;
        }

        if (rule.Category >= 0)
        {
            context.CategoryVotes.Add(new CategoryVote(rule.Category, rule.Department, rule.Weight));
        }

        context.Evidence.Add(new Evidence(keyword.Reason, rule.Department, -1, rule.Category));
    }
}

/// <summary>The place the channel attached (a place name, or coordinates near a district headquarters) points to a district.</summary>
internal sealed class PlaceAndGeoStep : IRoutingStep
{
    internal const double PlaceNameWeight = 2.5;
    internal const double GeoWeight = 2.0;

    public void Apply(RoutingContext context)
    {
        var message = context.Message;
        var model = context.Model;
        if (!string.IsNullOrWhiteSpace(message.PlaceName))
        {
            model.Matcher.Scan(message.PlaceName, context.SideScan, placesOnly: true);
            foreach (var hit in context.SideScan.Places)
            {
                var place = model.Places[hit.Place];
                context.DistrictScores[place.District] += PlaceNameWeight;
                context.Evidence.Add(new Evidence($"tagged place {(hit.Fuzzy ? place.FuzzyReason : place.Reason)}", -1, place.District, -1));
                break;
            }
        }

        if (message.Geo is { } geo)
        {
            var nearest = -1;
            var nearestKilometers = double.MaxValue;
            for (var i = 0; i < model.Districts.Length; i++)
            {
                var hq = model.Districts[i].Headquarters;
                var kilometers = Geo.Kilometers(geo.Latitude, geo.Longitude, hq.Latitude, hq.Longitude);
                if (kilometers < nearestKilometers)
                {
                    nearest = i;
                    nearestKilometers = kilometers;
                }
            }

            if (nearest >= 0 && nearestKilometers <= model.GeoRadiusKilometers)
            {
                var district = model.Districts[nearest];
                context.DistrictScores[nearest] += GeoWeight;
                context.Evidence.Add(new Evidence(
                    string.Create(CultureInfo.InvariantCulture, $"coordinates {nearestKilometers:0} km from {district.HeadquartersTown} → {district.Id}"), -1, nearest, -1));
            }
        }
    }
}

/// <summary>The author's profile location: a weak hint, which any place in the message outweighs.</summary>
internal sealed class ProfileLocationStep : IRoutingStep
{
    internal const double ProfileWeight = 0.5;

    public void Apply(RoutingContext context)
    {
        if (context.Message.Author.Location is not { Length: > 0 } location)
        {
            return;
        }

        var model = context.Model;
        model.Matcher.Scan(location, context.SideScan, placesOnly: true);
        foreach (var hit in context.SideScan.Places)
        {
            var place = model.Places[hit.Place];
            context.DistrictScores[place.District] += ProfileWeight;
            context.Evidence.Add(new Evidence($"profile location {(hit.Fuzzy ? place.FuzzyReason : place.Reason)} (weak)", -1, place.District, -1));
            break;
        }
    }
}
