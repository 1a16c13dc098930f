using FluentValidation;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Diagnostics.Internal;
using Grievance.Notifications;
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
        Lifecycle.Internal.ComplaintService lifecycle)
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
    }

    public async Task<IntakeRunResult> RunAsync(IComplaintSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var checkpoint = await _checkpoints.GetAsync(source.Name, cancellationToken).ConfigureAwait(false);
        string? committed = null;
        int read = 0, created = 0, followUps = 0, queries = 0, duplicates = 0, rejected = 0;

        await foreach (var batch in source.ReadAsync(checkpoint, cancellationToken).ConfigureAwait(false))
        {
            foreach (var message in batch.Messages)
            {
                read++;
                var result = await ProcessAsync(message, cancellationToken).ConfigureAwait(false);
                switch (result.Outcome)
                {
                    case IntakeOutcome.Created: created++; break;
                    case IntakeOutcome.FollowUp: followUps++; break;
                    case IntakeOutcome.StatusQuery: queries++; break;
                    case IntakeOutcome.Duplicate: duplicates++; break;
                    default: rejected++; break;
                }
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
            Read = read,
            Created = created,
            FollowUps = followUps,
            StatusQueries = queries,
            Duplicates = duplicates,
            Rejected = rejected,
            Checkpoint = committed,
        };
    }

    public async Task<IntakeResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = _time.GetTimestamp();
        using var activity = GrievanceMetrics.ActivitySource.StartActivity("grievance.intake");
        activity?.SetTag("grievance.channel", message.Channel);

        var result = await ProcessCoreAsync(message, cancellationToken).ConfigureAwait(false);

        activity?.SetTag("grievance.outcome", result.Outcome.ToString());
        _metrics.RecordIntake(message.Channel, result.Outcome, _time.GetElapsedTime(started));
        return result;
    }

    private async Task<IntakeResult> ProcessCoreAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // 1 validate
        var errors = await ValidateAsync(message, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return await RejectAsync(message, RejectionKind.Invalid, errors, cancellationToken).ConfigureAwait(false);
        }

        // 2 deduplicate
        var existing = await _store.FindProcessedAsync(message.Channel, message.ExternalId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return Duplicate(message, existing);
        }

        // 3 classify
        var classification = await _classifier.ClassifyAsync(message, cancellationToken).ConfigureAwait(false);
        return classification.Kind switch
        {
            MessageKind.FollowUp when classification.ComplaintId is { } id => await FollowUpAsync(message, id, cancellationToken).ConfigureAwait(false),
            MessageKind.Feedback when classification.ComplaintId is { } about => await FeedbackAsync(message, about, cancellationToken).ConfigureAwait(false),
            MessageKind.StatusQuery when classification.Code is { } code => await StatusQueryAsync(message, code, cancellationToken).ConfigureAwait(false),
            MessageKind.NotAGrievance => await RejectAsync(message, RejectionKind.NotAGrievance, [classification.Reason], cancellationToken).ConfigureAwait(false),
            _ => await CreateAsync(message, cancellationToken).ConfigureAwait(false),
        };
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

    private async Task<IntakeResult> CreateAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // 4 route
        var decision = await _router.RouteAsync(message, cancellationToken).ConfigureAwait(false);
        if (!decision.IsGrievance)
        {
            return await RejectAsync(message, RejectionKind.NotAGrievance, [.. decision.Reasons], cancellationToken).ConfigureAwait(false);
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

        var audit = new AuditEvent
        {
            Id = Guid.CreateVersion7(now),
            ComplaintId = complaint.Id,
            Action = AuditActions.Created,
            Actor = AuditActors.System,
            At = now,
            ToStatus = ComplaintStatus.New,
            Reason = string.Join("; ", decision.Reasons),
            SourceMessageId = message.ExternalId,
        };

        var acknowledgement = Outbound(complaint, message, OutboundMessageKind.Acknowledgement, _composer.Acknowledgement(complaint), "ack", now);

        // 6 persist: complaint, audit event and acknowledgement in one transaction
        var commit = await _store.CommitIntakeAsync(
            new IntakeCommit
            {
                Message = Processed(message, MessageOutcome.Complaint, complaint.Id, null, now),
                NewComplaint = complaint,
                AuditEvents = [audit],
                Outbound = [acknowledgement],
            },
            cancellationToken).ConfigureAwait(false);

        if (!commit.Committed)
        {
            return Duplicate(message, commit.Existing!);
        }

        Log.ComplaintCreated(_logger, complaint.Id.Value, code.Value, message.Channel, complaint.Department.Value, decision.Confidence);
        return new IntakeResult { Outcome = IntakeOutcome.Created, ComplaintId = complaint.Id, Code = code };
    }

    private async Task<IntakeResult> FollowUpAsync(InboundMessage message, ComplaintId complaintId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var complaint = await _store.GetAsync(complaintId, cancellationToken).ConfigureAwait(false);
        var commit = await _store.CommitIntakeAsync(
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
            },
            cancellationToken).ConfigureAwait(false);

        if (!commit.Committed)
        {
            return Duplicate(message, commit.Existing!);
        }

        Log.FollowUpRecorded(_logger, complaintId.Value, message.Channel, message.ExternalId);
        return new IntakeResult { Outcome = IntakeOutcome.FollowUp, ComplaintId = complaintId, Code = complaint?.Code };
    }

    private async Task<IntakeResult> StatusQueryAsync(InboundMessage message, ComplaintCode code, CancellationToken cancellationToken)
    {
        var complaint = await _store.FindByCodeAsync(code, cancellationToken).ConfigureAwait(false);
        if (complaint is null)
        {
            return await RejectAsync(message, RejectionKind.UnknownCode, [$"No complaint has the code '{code}'."], cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var language = message.Language ?? (message.Text.Contains("स्थिति", StringComparison.Ordinal) ? "hi" : null);
        var reply = Outbound(complaint, message, OutboundMessageKind.StatusReply, _composer.StatusReply(complaint, language), "status:" + message.ExternalId, now);
        var commit = await _store.CommitIntakeAsync(
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
            cancellationToken).ConfigureAwait(false);

        if (!commit.Committed)
        {
            return Duplicate(message, commit.Existing!);
        }

        return new IntakeResult { Outcome = IntakeOutcome.StatusQuery, ComplaintId = complaint.Id, Code = complaint.Code };
    }

    /// <summary>The complainant's answer to "was it resolved?": the lifecycle reopens (and escalates) or closes the complaint, then the message is recorded.</summary>
    private async Task<IntakeResult> FeedbackAsync(InboundMessage message, ComplaintId complaintId, CancellationToken cancellationToken)
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

        var commit = await _store.CommitIntakeAsync(
            new IntakeCommit { Message = Processed(message, MessageOutcome.FollowUp, complaintId, null, _time.GetUtcNow()) },
            cancellationToken).ConfigureAwait(false);
        if (!commit.Committed)
        {
            return Duplicate(message, commit.Existing!);
        }

        return new IntakeResult { Outcome = IntakeOutcome.FollowUp, ComplaintId = complaintId, Code = complaint.Code };
    }

    private async Task<IntakeResult> RejectAsync(InboundMessage message, RejectionKind kind, List<string> reasons, CancellationToken cancellationToken)
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
        var commit = await _store.CommitIntakeAsync(
            new IntakeCommit
            {
                Message = keyed ? Processed(message, MessageOutcome.Rejected, null, rejection.Id, now) : null,
                Rejection = rejection,
            },
            cancellationToken).ConfigureAwait(false);

        if (!commit.Committed)
        {
            return Duplicate(message, commit.Existing!);
        }

        Log.MessageRejected(_logger, kind == RejectionKind.Invalid ? LogLevel.Warning : LogLevel.Information, rejection.Id, rejection.Channel ?? "(none)", rejection.ExternalId ?? "(none)", kind, reasons.Count);
        return new IntakeResult { Outcome = IntakeOutcome.Rejected, Errors = reasons };
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
