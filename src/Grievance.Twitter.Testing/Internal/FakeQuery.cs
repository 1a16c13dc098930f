using System.Text.RegularExpressions;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>
/// The part of X's search and filter-rule language the fake understands: space-separated clauses that must all hold,
/// each optionally negated with <c>-</c>: <c>@name</c> (mentions the account), <c>from:name</c>, <c>to:name</c>,
/// <c>is:retweet</c>, <c>is:reply</c>, a quoted phrase or a bare word (in the text, ignoring case). <c>OR</c> and
/// parentheses are refused, so a test notices when the client starts to depend on them.
/// </summary>
internal sealed partial class FakeQuery
{
    private readonly List<(bool Negated, string Operator, string Value)> _clauses;

    private FakeQuery(List<(bool, string, string)> clauses) => _clauses = clauses;

    public static FakeQuery? TryParse(string query, out string? error)
    {
        error = null;
        var clauses = new List<(bool, string, string)>();
        foreach (Match m in Clause().Matches(query))
        {
            var negated = m.Groups["neg"].Success;
            var text = m.Groups["body"].Value;
            if (text is "OR" || text.Contains('(', StringComparison.Ordinal) || text.Contains(')', StringComparison.Ordinal))
            {
                error = $"The fake does not support '{text}' in a query.";
                return null;
            }

            if (text.StartsWith('"'))
            {
                clauses.Add((negated, "phrase", text.Trim('"')));
            }
            else if (text.StartsWith('@'))
            {
                clauses.Add((negated, "@", text[1..]));
            }
            else if (text.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                var op = text[..colon];
                if (op is not ("from" or "to" or "is"))
                {
                    error = $"There were errors processing your request: Reference to invalid operator '{op}'.";
                    return null;
                }

                var value = text[(colon + 1)..];
                if (op == "is" && value is not ("retweet" or "reply"))
                {
                    error = $"There were errors processing your request: Reference to invalid field 'is:{value}'.";
                    return null;
                }

                clauses.Add((negated, op, value));
            }
            else
            {
                clauses.Add((negated, "phrase", text));
            }
        }

        if (clauses.Count == 0 || clauses.TrueForAll(c => c.Item1))
        {
            error = "There were errors processing your request: a query needs at least one positive clause.";
            return null;
        }

        return new FakeQuery(clauses);
    }

    public bool Matches(FakeXPost post, FakeXState state)
    {
        foreach (var (negated, op, value) in _clauses)
        {
            var holds = op switch
            {
                "@" => FakeEntities.Find(post.Text).Exists(e => e.Kind == "mention" && string.Equals(e.Value, value, StringComparison.OrdinalIgnoreCase)),
                "from" => state.UsersById.TryGetValue(post.AuthorId, out var author) && string.Equals(author.Username, value, StringComparison.OrdinalIgnoreCase),
                "to" => post.InReplyToId is not null && state.Posts.Find(p => p.Id == post.InReplyToId) is { } parent
                    && state.UsersById.TryGetValue(parent.AuthorId, out var to) && string.Equals(to.Username, value, StringComparison.OrdinalIgnoreCase),
                "is" => value == "retweet" ? post.RetweetOfId is not null : post.InReplyToId is not null,
                _ => post.Text.Contains(value, StringComparison.OrdinalIgnoreCase),
            };
            if (holds == negated)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("""(?<neg>-)?(?<body>"[^"]*"|\S+)""")]
    private static partial Regex Clause();
}
