using FluentValidation;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Diagnostics.Internal;
using Grievance.Notifications;
using Grievance.Notifications.Internal;
using Grievance.Routing;
using Grievance.Sla.Internal;
using Grievance.ServiceDirectory;
using Grievance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Intake.Internal;

/// <summary>The seven steps of intake, each behind its own interface.</summary>
internal sealed class IntakePipeline : IIntakePipeline
{
    private readonly IValidator<InboundMessage>[] _validators;
    private readonly IComplaintStore _store;
    private readonly ICheckpointStore _checkpoints;
    private readonly IMessageClassifier _classifier;
    private readonly IComplaintRouter _router;
    private readonly IComplaintCodeGenerator _codes;
    private readonly ICitizenReplyComposer _composer;
    private readonly IServiceDirectory _directory;
    private readonly Dictionary<string, IChannelMessagePolicy> _policies;
    private readonly IOptionsMonitor<GrievanceOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IntakePipeline> _logger;
    private readonly GrievanceMetrics _metrics;
    private readonly SlaPlanner _planner;
    private readonly Lifecycle.Internal.ComplaintService _lifecycle;
    private readonly CitizenLimiter _limiter;

    public IntakePipeline(
        IEnumerable<IValidator<InboundMessage>> validators,
        IComplaintStore store,
        ICheckpointStore checkpoints,
        IMessageClassifier classifier,
        IComplaintRouter router,
        IComplaintCodeGenerator codes,
        ICitizenReplyComposer composer,
        IServiceDirectory directory,
        IEnumerable<IChannelMessagePolicy> policies,
        IOptionsMonitor<GrievanceOptions> options,
        TimeProvider time,
        ILogger<IntakePipeline> logger,
        GrievanceMetrics metrics,
        SlaPlanner planner,
        Lifecycle.Internal.ComplaintService lifecycle,
        CitizenLimiter limiter)
    {
        _validators = [.. validators];
        _store = store;
        _checkpoints = checkpoints;
        _classifier = classifier;
        _router = router;
        _codes = codes;
        _composer = composer;
        _directory = directory;
        _policies = policies.ToDictionary(p => p.Channel, StringComparer.OrdinalIgnoreCase);
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _planner = planner;
        _lifecycle = lifecycle;
        _limiter = limiter;
    }

    public async Task<IntakeRunResult> RunAsync(IComplaintSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var checkpoint = await _checkpoints.GetAsync(source.Name, cancellationToken).ConfigureAwait(false);
        string? committed = null;
        var counts = new RunCounts();
        var group = new IntakeGroup(counts);

        await foreach (var batch in source.ReadAsync(checkpoint, cancellationToken).ConfigureAwait(false))
        {
            // A batch is stored in groups of at most IntakeGroupSize messages: one lookup of the already handled
            // messages and one transaction per group. A group never spans two batches, so the checkpoint below is set
            // only after every message before it is stored.
            var groupSize = _options.CurrentValue.IntakeGroupSize;
            for (var start = 0; start < batch.Messages.Count; start += groupSize)
            {
                var end = Math.Min(start + groupSize, batch.Messages.Count);
                var handled = await FindHandledAsync(batch.Messages, start, end, cancellationToken).ConfigureAwait(false);
                for (var i = start; i < end; i++)
                {
                    counts.Read++;
                    await StageAsync(group, batch.Messages[i], handled, cancellationToken).ConfigureAwait(false);
                }

                await FlushAsync(group, cancellationToken).ConfigureAwait(false);
            }

            if (batch.Checkpoint is not null)
            {
                await _checkpoints.SetAsync(source.Name, batch.Checkpoint, cancellationToken).ConfigureAwait(false);
                committed = batch.Checkpoint;
                Log.CheckpointCommitted(_logger, source.Name, batch.Checkpoint);
            }
        }

        return new IntakeRunResult
        {
            Read = counts.Read,
            Created = counts.Created,
            FollowUps = counts.FollowUps,
            StatusQueries = counts.StatusQueries,
            Duplicates = counts.Duplicates,
            Rejected = counts.Rejected,
            Checkpoint = committed,
        };
    }

    public async Task<IntakeResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var activity = GrievanceMetrics.ActivitySource.StartActivity("grievance.intake");
        activity?.SetTag("grievance.channel", message.Channel);

        var group = new IntakeGroup();
        await StageAsync(group, message, null, cancellationToken).ConfigureAwait(false);
        var result = group.Entries[0];
        await FlushAsync(group, cancellationToken).ConfigureAwait(false);

        activity?.SetTag("grievance.outcome", result.Result!.Outcome.ToString());
        return result.Result!;
    }

    /// <summary>
    /// Steps 1-5 for one message: what it should write joins the group, to be stored with the rest of the group in
    /// <see cref="FlushAsync"/>. A message that may refer to a complaint still pending in the group (a reply in its
    /// thread, a message quoting its code) first flushes the group, so the classifier and the lookups see that complaint.
    /// </summary>
    /// <summary>
    /// Step 2 for a group at once: the records of the messages of <paramref name="messages"/>[start..end) the store has
    /// already handled, in one call per channel (one query instead of one per message).
    /// </summary>
    private async Task<Dictionary<(string Channel, string ExternalId), ProcessedMessage>> FindHandledAsync(IReadOnlyList<InboundMessage> messages, int start, int end, CancellationToken cancellationToken)
    {
        var byChannel = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            var message = messages[i];
            if (message is not null && !string.IsNullOrEmpty(message.Channel) && !string.IsNullOrEmpty(message.ExternalId))
            {
                if (!byChannel.TryGetValue(message.Channel, out var ids))
                {
                    byChannel[message.Channel] = ids = [];
                }

                ids.Add(message.ExternalId);
            }
        }

        var handled = new Dictionary<(string Channel, string ExternalId), ProcessedMessage>();
        foreach (var (channel, ids) in byChannel)
        {
            foreach (var record in await _store.FindProcessedBatchAsync(channel, ids, cancellationToken).ConfigureAwait(false))
            {
                handled[(record.Channel, record.ExternalId)] = record;
            }
        }

        return handled;
    }

    private async Task StageAsync(IntakeGroup group, InboundMessage message, Dictionary<(string Channel, string ExternalId), ProcessedMessage>? handled, CancellationToken cancellationToken)
    {
        var entry = new IntakeGroup.Entry(message, _time.GetTimestamp());

        // 1 validate
        var errors = await ValidateAsync(message, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            group.Add(entry.Stage(Reject(message, RejectionKind.Invalid, errors)));
            return;
        }

        // 2 deduplicate: against the group first (the same post delivered twice in one window), then the store
        if (group.IsPending(message.Channel, message.ExternalId))
        {
            group.Add(entry);
            return;
        }

        var existing = handled is not null
            ? handled.GetValueOrDefault((message.Channel, message.ExternalId))
            : await _store.FindProcessedAsync(message.Channel, message.ExternalId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            group.Add(entry.Done(Duplicate(message, existing)));
            return;
        }

        if (group.MayReferTo(message))
        {
            await FlushAsync(group, cancellationToken).ConfigureAwait(false);
        }

        // 3 classify
        var classification = await _classifier.ClassifyAsync(message, cancellationToken).ConfigureAwait(false);
        var staged = classification.Kind switch
        {
            MessageKind.FollowUp when classification.ComplaintId is { } id => await FollowUpAsync(message, id, cancellationToken).ConfigureAwait(false),
            MessageKind.Feedback when classification.ComplaintId is { } about => await FeedbackAsync(message, about, cancellationToken).ConfigureAwait(false),
            MessageKind.StatusQuery when classification.Code is { } code => await StatusQueryAsync(message, code, cancellationToken).ConfigureAwait(false),
            MessageKind.NotAGrievance => Reject(message, RejectionKind.NotAGrievance, [classification.Reason]),
            _ => await CreateAsync(group, message, cancellationToken).ConfigureAwait(false),
        };
        group.Add(entry.Stage(staged));
    }

    /// <summary>Step 6 for a group: one transaction for all its writes, then each message's result, log and metrics.</summary>
    private async Task FlushAsync(IntakeGroup group, CancellationToken cancellationToken)
    {
        if (group.Count == 0)
        {
            return;
        }

        var commits = group.Commits();
        IReadOnlyList<IntakeCommitResult> results;
        if (commits.Count == 0)
        {
            results = [];
        }
        else if (commits.Count == 1)
        {
            results = [await _store.CommitIntakeAsync(commits[0], cancellationToken).ConfigureAwait(false)];
        }
        else
        {
            using var activity = GrievanceMetrics.ActivitySource.StartActivity("grievance.intake.group");
            activity?.SetTag("grievance.messages", commits.Count);
            results = await _store.CommitIntakeBatchAsync(commits, cancellationToken).ConfigureAwait(false);
            if (results.Count != commits.Count)
            {
                throw new InvalidOperationException($"The store returned {results.Count} results for a group of {commits.Count} commits.");
            }
        }

        var next = 0;
        foreach (var entry in group.Entries)
        {
            if (entry.Staged is { } staged)
            {
                var result = results[next++];
                entry.Record = result.Committed ? staged.Commit.Message : result.Existing;
                entry.Result = result.Committed ? Committed(entry.Message, staged) : Duplicate(entry.Message, result.Existing!);
            }
            else if (entry.Result is null)
            {
                // The same message earlier in this group: whatever became of that one is this one's earlier record.
                var first = group.Entries[entry.DuplicateOf];
                entry.Result = Duplicate(entry.Message, first.Record!);
            }

            _metrics.RecordIntake(entry.Message.Channel, entry.Result.Outcome, _time.GetElapsedTime(entry.Started));
            group.Counts?.Add(entry.Result.Outcome);
        }

        group.Clear();
    }

    private IntakeResult Committed(InboundMessage message, StagedCommit staged)
    {
        var commit = staged.Commit;
        switch (staged.Result.Outcome)
        {
            case IntakeOutcome.Created:
                var complaint = commit.NewComplaint!;
                Log.ComplaintCreated(_logger, complaint.Id.Value, complaint.Code.Value, message.Channel, complaint.Department.Value, complaint.Routing?.Confidence ?? 0);
                if (complaint.Status == ComplaintStatus.HeldForReview)
                {
                    Log.ComplaintHeld(_logger, complaint.Id.Value, complaint.Code.Value, message.Channel, _limiter.Limit);
                }

                break;
            case IntakeOutcome.FollowUp:
                Log.FollowUpRecorded(_logger, staged.Result.ComplaintId!.Value.Value, message.Channel, message.ExternalId);
                break;
            case IntakeOutcome.Rejected:
                var rejection = commit.Rejection!;
                Log.MessageRejected(_logger, rejection.Kind == RejectionKind.Invalid ? LogLevel.Warning : LogLevel.Information, rejection.Id,
                    rejection.Channel ?? "(none)", rejection.ExternalId ?? "(none)", rejection.Kind, rejection.Reasons.Count);
                break;
        }

        return staged.Result;
    }

    private async Task<List<string>> ValidateAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var context = new ValidationContext<InboundMessage>(message);
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken).ConfigureAwait(false);
            errors.AddRange(result.Errors.Select(e => e.ErrorMessage));
        }

        return errors;
    }

    private async Task<StagedCommit> CreateAsync(IntakeGroup group, InboundMessage message, CancellationToken cancellationToken)
    {
        // 4 route
        var decision = await _router.RouteAsync(message, cancellationToken).ConfigureAwait(false);
        if (!decision.IsGrievance)
        {
            return Reject(message, RejectionKind.NotAGrievance, [.. decision.Reasons]);
        }

        // 5 code
        var now = _time.GetUtcNow();
        var code = await _codes.NextAsync(decision.District, now, cancellationToken).ConfigureAwait(false);

        var complaint = new Complaint
        {
            Id = ComplaintId.New(_time),
            Code = code,
            Channel = message.Channel,
            SourceMessageId = message.ExternalId,
            ConversationId = message.ConversationId,
            AddressedAccount = message.AddressedAccounts.FirstOrDefault(a => _directory.FindDepartmentByHandle(a) is not null),
            Complainant = message.Author,
            Text = message.Text,
            Language = message.Language,
            Attachments = message.Attachments,
            Department = decision.Department,
            District = decision.District,
            Category = decision.Category,
            Routing = decision,
            Status = ComplaintStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
            DueAt = _planner.ResolutionDue(decision.Department, decision.Category, now),
        };

        // 5b per-citizen limit: beyond it the complaint keeps its code but is held for review, without a time limit yet
        var held = await _limiter.CheckAsync(group, complaint, cancellationToken).ConfigureAwait(false);
        if (held is not null)
        {
            complaint = complaint with { Status = ComplaintStatus.HeldForReview, DueAt = null };
        }

        var audit = new AuditEvent
        {
            Id = Guid.CreateVersion7(now),
            ComplaintId = complaint.Id,
            Action = AuditActions.Created,
            Actor = AuditActors.System,
            At = now,
            ToStatus = complaint.Status,
            Reason = string.Join("; ", decision.Reasons),
            SourceMessageId = message.ExternalId,
        };
        List<AuditEvent> audits = [audit];
        if (held is { } limit)
        {
            audits.Add(new AuditEvent
            {
                Id = Guid.CreateVersion7(now),
                ComplaintId = complaint.Id,
                Action = AuditActions.Held,
                Actor = AuditActors.System,
                At = now,
                FromStatus = ComplaintStatus.New,
                ToStatus = ComplaintStatus.HeldForReview,
                Reason = $"{limit.Count} complaint(s) by the complainant on {message.Channel} this month; the monthly limit is {limit.Limit}",
                SourceMessageId = message.ExternalId,
            });
        }

        var acknowledgement = Outbound(complaint, message, OutboundMessageKind.Acknowledgement, _composer.Acknowledgement(complaint), "ack", now);

        // 6 persist (at the group's flush): complaint, audit event and acknowledgement in one transaction
        return new StagedCommit(
            new IntakeCommit
            {
                Message = Processed(message, MessageOutcome.Complaint, complaint.Id, null, now),
                NewComplaint = complaint,
                AuditEvents = audits,
                Outbound = [acknowledgement],
            },
            new IntakeResult { Outcome = IntakeOutcome.Created, ComplaintId = complaint.Id, Code = code });
    }

    private async Task<StagedCommit> FollowUpAsync(InboundMessage message, ComplaintId complaintId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var complaint = await _store.GetAsync(complaintId, cancellationToken).ConfigureAwait(false);
        return new StagedCommit(
            new IntakeCommit
            {
                Message = Processed(message, MessageOutcome.FollowUp, complaintId, null, now),
                AuditEvents =
                [
                    new AuditEvent
                    {
                        Id = Guid.CreateVersion7(now),
                        ComplaintId = complaintId,
                        Action = AuditActions.FollowUp,
                        Actor = message.Author.PlatformId,
                        At = now,
                        Reason = message.Text,
                        SourceMessageId = message.ExternalId,
                    },
                ],
                Outbound = ExposedReplies.HideAction(complaint, message, _options.CurrentValue, now),
            },
            new IntakeResult { Outcome = IntakeOutcome.FollowUp, ComplaintId = complaintId, Code = complaint?.Code });
    }

    private async Task<StagedCommit> StatusQueryAsync(InboundMessage message, ComplaintCode code, CancellationToken cancellationToken)
    {
        var complaint = await _store.FindByCodeAsync(code, cancellationToken).ConfigureAwait(false);
        if (complaint is null)
        {
            return Reject(message, RejectionKind.UnknownCode, [$"No complaint has the code '{code}'."]);
        }

        var now = _time.GetUtcNow();
        var language = message.Language ?? (message.Text.Contains("स्थिति", StringComparison.Ordinal) ? "hi" : null);
        var reply = Outbound(complaint, message, OutboundMessageKind.StatusReply, _composer.StatusReply(complaint, language), "status:" + message.ExternalId, now);
        return new StagedCommit(
            new IntakeCommit
            {
                Message = Processed(message, MessageOutcome.StatusQuery, complaint.Id, null, now),
                AuditEvents =
                [
                    new AuditEvent
                    {
                        Id = Guid.CreateVersion7(now),
                        ComplaintId = complaint.Id,
                        Action = AuditActions.StatusQuery,
                        Actor = message.Author.PlatformId,
                        At = now,
                        SourceMessageId = message.ExternalId,
                    },
                ],
                Outbound = [reply],
            },
            new IntakeResult { Outcome = IntakeOutcome.StatusQuery, ComplaintId = complaint.Id, Code = complaint.Code });
    }

    /// <summary>The complainant's answer to "was it resolved?": the lifecycle reopens (and escalates) or closes the complaint, then the message is recorded.</summary>
    private async Task<StagedCommit> FeedbackAsync(InboundMessage message, ComplaintId complaintId, CancellationToken cancellationToken)
    {
        var complaint = await _store.GetAsync(complaintId, cancellationToken).ConfigureAwait(false);
        if (complaint is null || !FeedbackParser.TryParse(message.Text, out var satisfied, out var rating))
        {
            return await FollowUpAsync(message, complaintId, cancellationToken).ConfigureAwait(false);
        }

        var updated = await _lifecycle.RecordFeedbackAsync(complaint, satisfied, rating, message.ExternalId, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            // Outside the window or nothing to record: kept as a follow-up, so nothing is lost.
            return await FollowUpAsync(message, complaintId, cancellationToken).ConfigureAwait(false);
        }

        // The lifecycle's change is its own transaction, keyed on this message (a re-read after a crash finds it recorded
        // and the complaint no longer awaiting an answer); the message itself is recorded with its group.
        return new StagedCommit(
            new IntakeCommit { Message = Processed(message, MessageOutcome.FollowUp, complaintId, null, _time.GetUtcNow()) },
            new IntakeResult { Outcome = IntakeOutcome.FollowUp, ComplaintId = complaintId, Code = complaint.Code });
    }

    private StagedCommit Reject(InboundMessage message, RejectionKind kind, List<string> reasons)
    {
        var now = _time.GetUtcNow();
        var rejection = new Rejection
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Channel = string.IsNullOrWhiteSpace(message.Channel) ? null : message.Channel,
            ExternalId = string.IsNullOrWhiteSpace(message.ExternalId) ? null : message.ExternalId,
            Reasons = reasons,
            RejectedAt = now,
            Message = message,
        };

        // A message without a usable key cannot be deduplicated: its rejection is recorded on its own.
        var keyed = rejection.Channel is not null && rejection.ExternalId is not null
            && rejection.ExternalId.Length <= InboundMessageValidator.MaxExternalIdLength;
        return new StagedCommit(
            new IntakeCommit
            {
                Message = keyed ? Processed(message, MessageOutcome.Rejected, null, rejection.Id, now) : null,
                Rejection = rejection,
            },
            new IntakeResult { Outcome = IntakeOutcome.Rejected, Errors = reasons });
    }

    private IntakeResult Duplicate(InboundMessage message, ProcessedMessage existing)
    {
        Log.DuplicateMessage(_logger, message.Channel, message.ExternalId, existing.Outcome);
        return new IntakeResult { Outcome = IntakeOutcome.Duplicate, ComplaintId = existing.ComplaintId };
    }

    private OutboundMessage Outbound(Complaint complaint, InboundMessage message, OutboundMessageKind kind, string text, string keyPrefix, DateTimeOffset now)
    {
        if (_policies.TryGetValue(message.Channel, out var policy) && !policy.Fits(text))
        {
            text = policy.Shorten(text);
        }

        return new OutboundMessage
        {
            Id = Guid.CreateVersion7(now),
            IdempotencyKey = keyPrefix == "ack" ? $"ack:{complaint.Id}" : keyPrefix,
            ComplaintId = complaint.Id,
            Channel = message.Channel,
            Kind = kind,
            Priority = OutboxPriority.For(kind, complaint.Category, _options.CurrentValue),
            RecipientId = message.Author.PlatformId,
            InReplyToExternalId = message.ExternalId,
            FromAccount = complaint.AddressedAccount,
            Text = text,
            CreatedAt = now,
            Status = OutboundMessageStatus.Pending,
        };
    }

    private static ProcessedMessage Processed(InboundMessage message, MessageOutcome outcome, ComplaintId? complaintId, Guid? rejectionId, DateTimeOffset now) => new()
    {
        Channel = message.Channel,
        ExternalId = message.ExternalId,
        Outcome = outcome,
        ComplaintId = complaintId,
        RejectionId = rejectionId,
        ProcessedAt = now,
    };
}
