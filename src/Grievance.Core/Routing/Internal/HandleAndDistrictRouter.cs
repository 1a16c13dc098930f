using System.Globalization;
using Grievance.Intake;
using Grievance.ServiceDirectory;

namespace Grievance.Routing.Internal;

/// <summary>
/// The first router: the department from the handle the citizen addressed, the district from an exact
/// district name (English or Hindi) in the text. Whatever it cannot place goes to triage.
/// </summary>
internal sealed class HandleAndDistrictRouter : IComplaintRouter
{
    internal const double HandleConfidence = 0.6;
    internal const double DistrictConfidence = 0.3;

    private readonly IServiceDirectory _directory;
    private readonly (string Name, District District)[] _names;

    public HandleAndDistrictRouter(IServiceDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _names = [.. directory.Gazetteer.Districts
            .SelectMany(d => new[] { (d.Name, d), (d.HindiName, d) })
            .Where(p => !string.IsNullOrWhiteSpace(p.Item1))
            .OrderByDescending(p => p.Item1.Length)];
    }

    public ValueTask<RoutingDecision> RouteAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        var reasons = new List<string>();
        var confidence = 0.0;
        Department? department = null;
        foreach (var account in message.AddressedAccounts)
        {
            department = _directory.FindDepartmentByHandle(account);
            if (department is not null)
            {
                reasons.Add($"addressed @{department.Handles.First(h => string.Equals(h, account.TrimStart('@'), StringComparison.OrdinalIgnoreCase))}, a handle of department '{department.Id}'");
                confidence += HandleConfidence;
                break;
            }
        }

        if (department is null)
        {
            department = _directory.Triage;
            reasons.Add($"no addressed handle belongs to a department: sent to triage '{department.Id}'");
        }

        var district = FindDistrict(message.Text);
        if (district is not null)
        {
            reasons.Add($"text names the district {district.Name} ({district.Id})");
            confidence += DistrictConfidence;
        }
        else
        {
            reasons.Add("text names no district");
        }

        reasons.Add($"category '{department.DefaultCategory}' is the department's default");

        return ValueTask.FromResult(new RoutingDecision
        {
            Department = department.Id,
            District = district?.Id,
            Category = department.DefaultCategory,
            Confidence = Math.Round(confidence, 2),
            Reasons = reasons,
        });
    }

    private District? FindDistrict(string text)
    {
        District? best = null;
        var bestIndex = int.MaxValue;
        foreach (var (name, district) in _names)
        {
            var index = IndexOfWord(text, name);
            if (index >= 0 && index < bestIndex)
            {
                best = district;
                bestIndex = index;
            }
        }

        return best;
    }

    /// <summary>Finds <paramref name="word"/> in <paramref name="text"/> ignoring case, where it is not part of a longer word.</summary>
    internal static int IndexOfWord(string text, string word)
    {
        var start = 0;
        while (start <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return -1;
            }

            var end = index + word.Length;
            if ((index == 0 || !IsWordChar(text, index - 1)) && (end == text.Length || !IsWordChar(text, end)))
            {
                return index;
            }

            start = index + 1;
        }

        return -1;
    }

    private static bool IsWordChar(string text, int index)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return char.IsLetterOrDigit(text, index)
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || text[index] == '_';
    }
}
