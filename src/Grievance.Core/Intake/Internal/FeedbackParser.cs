using System.Text.RegularExpressions;

namespace Grievance.Intake.Internal;

/// <summary>
/// Reads a complainant's short answer to "was it resolved?" in English, Hindi or Hinglish ("yes", "हाँ", "no",
/// "नहीं", "not resolved") and a rating from 1 to 5 ("rating 4", "4/5", "रेटिंग 4"). Long texts are not answers.
/// </summary>
internal static partial class FeedbackParser
{
    private const int MaxAnswerLength = 80;

    [GeneratedRegex(@"(?:@\w+|#\w+|https?://\S+|[A-Z]{3}-?\d{4}-?\d{4}[0-9A-Z])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Noise();

    [GeneratedRegex(@"(?:rating|rate|रेटिंग)\s*[:=]?\s*([1-5])\b|\b([1-5])\s*/\s*5\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Rating();

    [GeneratedRegex(@"(?:\bnot\s+(?:resolved|fixed|solved|done)\b|\bno\b|\bnope\b|\bnahi[n]?\b|\bnahee\b|नहीं|नही\b|ना\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex No();

    [GeneratedRegex(@"(?:\byes\b|\byep\b|\bhaan?\b|\bhan\b|हाँ|हां|\bresolved\b|\bfixed\b|\bho gaya\b|हो गया)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Yes();

    public static bool TryParse(string text, out bool? satisfied, out int? rating)
    {
        satisfied = null;
        rating = null;
        var answer = Noise().Replace(text ?? string.Empty, " ").Trim();
        if (answer.Length == 0 || answer.Length > MaxAnswerLength)
        {
            return false;
        }

        var rated = Rating().Match(answer);
        if (rated.Success)
        {
            rating = (rated.Groups[1].Success ? rated.Groups[1].Value : rated.Groups[2].Value)[0] - '0';
            answer = answer.Remove(rated.Index, rated.Length);
        }

        // "not resolved" and "नहीं" win over the "resolved"/"हाँ" they may contain.
        if (No().IsMatch(answer))
        {
            satisfied = false;
        }
        else if (Yes().IsMatch(answer))
        {
            satisfied = true;
        }

        return satisfied is not null || rating is not null;
    }
}
