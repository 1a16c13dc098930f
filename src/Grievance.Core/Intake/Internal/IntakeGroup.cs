using Grievance.Codes;
using Grievance.Storage;

namespace Grievance.Intake.Internal;

/// <summary>What one message will write, and the result to report once that is stored.</summary>
internal sealed record StagedCommit(IntakeCommit Commit, IntakeResult Result);

/// <summary>The counts of one <see cref="IIntakePipeline.RunAsync"/>.</summary>
internal sealed class RunCounts
{
    public int Read { get; set; }

    public int Created { get; private set; }

    public int FollowUps { get; private set; }

    public int StatusQueries { get; private set; }

    public int Duplicates { get; private set; }

    public int Rejected { get; private set; }

    public void Add(IntakeOutcome outcome)
    {
        switch (outcome)
        {
            case IntakeOutcome.Created: Created++; break;
            case IntakeOutcome.FollowUp: FollowUps++; break;
            case IntakeOutcome.StatusQuery: StatusQueries++; break;
            case IntakeOutcome.Duplicate: Duplicates++; break;
            default: Rejected++; break;
        }
    }
}

/// <summary>
/// Messages handled but not yet stored: their commits are written together, in one transaction, when the group is
/// flushed. The group knows the keys, threads and codes of what it holds, so the pipeline can tell a redelivery within
/// the group and flush before a message that may refer to a complaint the store has not seen yet.
/// </summary>
internal sealed class IntakeGroup
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<(string Channel, string ExternalId), int> _keys = [];
    private readonly HashSet<(string Channel, string Id)> _threads = [];
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    public IntakeGroup(RunCounts? counts = null) => Counts = counts;

    /// <summary>Gets the counts to add results to, when the group belongs to a run.</summary>
    public RunCounts? Counts { get; }

    public int Count => _entries.Count;

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>Gets the stored complaints per (channel, citizen, month start) looked up for the per-citizen limit while the group fills.</summary>
    public Dictionary<(string Channel, string PlatformId, DateTimeOffset Month), int> StoredCounts { get; } = [];

    /// <summary>Whether a message with this key is already in the group.</summary>
    public bool IsPending(string channel, string externalId) => _keys.ContainsKey((channel, externalId));

    /// <summary>
    /// Whether the message may refer to a complaint created in this group: it is in the thread of, or replies to, a
    /// pending complaint's post, or quotes a pending complaint's code.
    /// </summary>
    public bool MayReferTo(InboundMessage message)
    {
        if (_codes.Count == 0 && _threads.Count == 0)
        {
            return false;
        }

        if ((message.ConversationId is { } conversation && _threads.Contains((message.Channel, conversation)))
            || (message.InReplyToId is { } inReplyTo && _threads.Contains((message.Channel, inReplyTo))))
        {
            return true;
        }

        if (_codes.Count > 0 && !string.IsNullOrEmpty(message.Text))
        {
            foreach (var code in ComplaintCode.FindAll(message.Text))
            {
                if (_codes.Contains(code.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public void Add(Entry entry)
    {
        if (entry.Staged?.Commit.Message is { } record)
        {
            if (_keys.TryGetValue((record.Channel, record.ExternalId), out var first))
            {
                entry.DuplicateOf = first;
                entry.Unstage();
            }
            else
            {
                _keys.Add((record.Channel, record.ExternalId), _entries.Count);
            }
        }
        else if (entry.Staged is null && entry.Result is null)
        {
            entry.DuplicateOf = _keys[(entry.Message.Channel, entry.Message.ExternalId)];
        }

        if (entry.Staged?.Commit.NewComplaint is { } complaint)
        {
            _threads.Add((complaint.Channel, complaint.SourceMessageId));
            if (complaint.ConversationId is { } conversation)
            {
                _threads.Add((complaint.Channel, conversation));
            }

            _codes.Add(complaint.Code.Value);
        }

        _entries.Add(entry);
    }

    /// <summary>The commits to write, in the order of their messages.</summary>
    public List<IntakeCommit> Commits()
    {
        var commits = new List<IntakeCommit>(_entries.Count);
        foreach (var entry in _entries)
        {
            if (entry.Staged is { } staged)
            {
                commits.Add(staged.Commit);
            }
        }

        return commits;
    }

    public void Clear()
    {
        _entries.Clear();
        _keys.Clear();
        _threads.Clear();
        _codes.Clear();
        StoredCounts.Clear();
    }

    /// <summary>One message of the group.</summary>
    internal sealed class Entry(InboundMessage message, long started)
    {
        public InboundMessage Message { get; } = message;

        /// <summary>Gets when handling the message started (a <see cref="TimeProvider"/> timestamp).</summary>
        public long Started { get; } = started;

        /// <summary>Gets what the message writes, or <see langword="null"/> when it writes nothing.</summary>
        public StagedCommit? Staged { get; private set; }

        /// <summary>Gets or sets the result; known before the flush for a message the store had already handled.</summary>
        public IntakeResult? Result { get; set; }

        /// <summary>Gets or sets the stored record of the message after the flush.</summary>
        public ProcessedMessage? Record { get; set; }

        /// <summary>Gets or sets the index of the same message earlier in the group, or -1.</summary>
        public int DuplicateOf { get; set; } = -1;

        public Entry Stage(StagedCommit staged)
        {
            Staged = staged;
            return this;
        }

        public Entry Done(IntakeResult result)
        {
            Result = result;
            return this;
        }

        public void Unstage() => Staged = null;
    }
}
