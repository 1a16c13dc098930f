using System.Runtime.CompilerServices;
using FluentValidation;
using FluentValidation.Results;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.DependencyInjection;
using Grievance.Intake;
using Grievance.Routing;
using Grievance.Storage.Sqlite.Internal;
using Grievance.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Storage.Sqlite.Tests;

/// <summary>
/// DESIGN.md invariant 1: a crash at any step of intake followed by a restart yields the same end state as no crash.
/// The pipeline is stopped at every step in turn (after some messages went through), then a fresh process-like
/// container on the same database file reads the source again. The window is stored as one group, so
/// <see cref="IntakeStep.PersistMidGroup"/> crashes inside the group's open transaction, after some of its messages'
/// rows were written: none of them may survive, and the restart must store them all once.
/// </summary>
public class CrashSafetyTests
{
    public enum IntakeStep
    {
        Validate,
        Deduplicate,
        Classify,
        Route,
        Code,
        Persist,
        PersistMidGroup,
        Checkpoint,
    }

    private static readonly InboundMessage[] s_window =
    [
        Some.Message("@Uppolice bike stolen in Lucknow", "1930000000000000001", "Uppolice"),
        Some.Message("   ", "1930000000000000002"),
        Some.Message("@UPPCL_Sample no power in Agra since noon", "1930000000000000003", "UPPCL_Sample"),
        Some.Message("@UPPCL_Sample no power in Agra since noon", "1930000000000000003", "UPPCL_Sample"),
        Some.Message("@Uppolice chain snatching near Hazratganj", "1930000000000000004", "Uppolice"),
        Some.Message("@UPPCL_Sample bill wrong, Meerut", "1930000000000000005", "UPPCL_Sample"),
    ];

    public static TheoryData<IntakeStep, int> FaultPoints()
    {
        var data = new TheoryData<IntakeStep, int>();
        foreach (var step in Enum.GetValues<IntakeStep>())
        {
            // Fail on the first call, and after some messages have gone through.
            data.Add(step, 1);
            data.Add(step, step == IntakeStep.Checkpoint ? 1 : 3);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FaultPoints))]
    public async Task RunAsync_CrashAtAnyStepThenRestart_EndsAsIfNothingHappened(IntakeStep step, int failOnCall)
    {
        using var database = new TempDatabase();
        var time = new FakeTimeProvider(Some.Now);
        var source = new WindowSource();
        var fault = new Fault(step, failOnCall);

        ServiceProvider Build(Fault? inject) => TestServices.Create(b =>
        {
            b.UseSqliteStore(database.ConnectionString);
            if (inject is not null)
            {
                Decorate<IMessageClassifier>(b.Services, inner => new FaultyClassifier(inner, inject));
                Decorate<IComplaintRouter>(b.Services, inner => new FaultyRouter(inner, inject));
                Decorate<IComplaintCodeGenerator>(b.Services, inner => new FaultyCodes(inner, inject));
                Decorate<IComplaintStore>(b.Services, inner => new FaultyStore(inner, inject));
                Decorate<ICheckpointStore>(b.Services, inner => new FaultyCheckpoints(inner, inject));
                b.Services.AddSingleton(inject);
                b.AddMessageValidator<FaultyValidator>();
            }
        }, time: time);

        await using (var crashing = Build(fault))
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.GetRequiredService<IIntakePipeline>().RunAsync(source));
        }

        Assert.True(fault.Fired);
        if (step == IntakeStep.PersistMidGroup)
        {
            // The group's transaction was open with rows written when the crash came: none of them may be visible.
            await using var inspect = Build(null);
            Assert.Empty(await inspect.GetRequiredService<IComplaintStore>().ListAsync(new ComplaintQuery()));
            Assert.Empty(await inspect.GetRequiredService<IComplaintStore>().ListRejectionsAsync());
            Assert.Null(await inspect.GetRequiredService<IComplaintStore>().FindProcessedAsync(Channels.X, "1930000000000000001"));
        }

        await using var restarted = Build(null);
        await restarted.GetRequiredService<IIntakePipeline>().RunAsync(source);
        await restarted.GetRequiredService<IIntakePipeline>().RunAsync(source);

        var store = restarted.GetRequiredService<IComplaintStore>();
        var complaints = await store.ListAsync(new ComplaintQuery());
        var rejections = await store.ListRejectionsAsync();
        Assert.Equal(["1930000000000000001", "1930000000000000003", "1930000000000000004", "1930000000000000005"], complaints.Select(c => c.SourceMessageId).Order());
        Assert.Equal("1930000000000000002", Assert.Single(rejections).ExternalId);
        Assert.Equal(complaints.Count, complaints.Select(c => c.Code).Distinct().Count());
        foreach (var message in s_window.DistinctBy(m => m.ExternalId))
        {
            Assert.NotNull(await store.FindProcessedAsync(message.Channel, message.ExternalId));
        }

        var outbox = restarted.GetRequiredService<IOutboxStore>();
        foreach (var complaint in complaints)
        {
            Assert.Single(await outbox.ListForComplaintAsync(complaint.Id));
            Assert.Single(await store.GetAuditTrailAsync(complaint.Id));
        }

        Assert.Equal("1930000000000000005", await restarted.GetRequiredService<ICheckpointStore>().GetAsync(source.Name));
        Assert.Equal([null, null, "1930000000000000005"], source.Reads);
    }

    private static void Decorate<TService>(IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var inner = original.ImplementationFactory is { } factory ? (TService)factory(sp)
                : original.ImplementationInstance is TService instance ? instance
                : (TService)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            return decorate(inner);
        }));
    }

    public sealed class SimulatedCrashException() : Exception("simulated crash");

    public sealed class Fault(IntakeStep step, int failOnCall)
    {
        private int _calls;

        public bool Fired { get; private set; }

        public void Hit(IntakeStep at)
        {
            if (at == step && Interlocked.Increment(ref _calls) == failOnCall)
            {
                Fired = true;
                throw new SimulatedCrashException();
            }
        }
    }

    private sealed class WindowSource : IComplaintSource
    {
        public string Name => "x:mentions:test";

        public List<string?> Reads { get; } = [];

        public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Reads.Add(checkpoint);
            await Task.Yield();
            if (checkpoint is null)
            {
                yield return new InboundBatch { Messages = s_window, Checkpoint = "1930000000000000005" };
            }
        }
    }

    private sealed class FaultyValidator(Fault fault) : AbstractValidator<InboundMessage>
    {
        public override ValidationResult Validate(ValidationContext<InboundMessage> context)
        {
            fault.Hit(IntakeStep.Validate);
            return new ValidationResult();
        }

        public override Task<ValidationResult> ValidateAsync(ValidationContext<InboundMessage> context, CancellationToken cancellation = default) =>
            Task.FromResult(Validate(context));
    }

    private sealed class FaultyClassifier(IMessageClassifier inner, Fault fault) : IMessageClassifier
    {
        public ValueTask<MessageClassification> ClassifyAsync(InboundMessage message, CancellationToken cancellationToken = default)
        {
            fault.Hit(IntakeStep.Classify);
            return inner.ClassifyAsync(message, cancellationToken);
        }
    }

    private sealed class FaultyRouter(IComplaintRouter inner, Fault fault) : IComplaintRouter
    {
        public ValueTask<RoutingDecision> RouteAsync(InboundMessage message, CancellationToken cancellationToken = default)
        {
            fault.Hit(IntakeStep.Route);
            return inner.RouteAsync(message, cancellationToken);
        }
    }

    private sealed class FaultyCodes(IComplaintCodeGenerator inner, Fault fault) : IComplaintCodeGenerator
    {
        public ValueTask<ComplaintCode> NextAsync(DistrictId? district, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
        {
            fault.Hit(IntakeStep.Code);
            return inner.NextAsync(district, createdAt, cancellationToken);
        }
    }

    private sealed class FaultyCheckpoints(ICheckpointStore inner, Fault fault) : ICheckpointStore
    {
        public Task<string?> GetAsync(string source, CancellationToken cancellationToken = default) => inner.GetAsync(source, cancellationToken);

        public Task SetAsync(string source, string checkpoint, CancellationToken cancellationToken = default)
        {
            fault.Hit(IntakeStep.Checkpoint);
            return inner.SetAsync(source, checkpoint, cancellationToken);
        }
    }

    /// <summary>
    /// The group as the store reads it while writing, in its open transaction: reading an item after the first counts
    /// as <see cref="IntakeStep.PersistMidGroup"/>, so the crash comes with earlier items' rows already written.
    /// </summary>
    private sealed class CrashingList(IReadOnlyList<IntakeCommit> inner, Fault fault) : IReadOnlyList<IntakeCommit>
    {
        public int Count => inner.Count;

        public IntakeCommit this[int index]
        {
            get
            {
                if (index > 0)
                {
                    fault.Hit(IntakeStep.PersistMidGroup);
                }

                return inner[index];
            }
        }

        public IEnumerator<IntakeCommit> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class FaultyStore(IComplaintStore inner, Fault fault) : IComplaintStore
    {
        public Task<ProcessedMessage?> FindProcessedAsync(string channel, string externalId, CancellationToken cancellationToken = default)
        {
            fault.Hit(IntakeStep.Deduplicate);
            return inner.FindProcessedAsync(channel, externalId, cancellationToken);
        }

        public Task<IntakeCommitResult> CommitIntakeAsync(IntakeCommit commit, CancellationToken cancellationToken = default)
        {
            fault.Hit(IntakeStep.Persist);
            return inner.CommitIntakeAsync(commit, cancellationToken);
        }

        public Task<IReadOnlyList<IntakeCommitResult>> CommitIntakeBatchAsync(IReadOnlyList<IntakeCommit> commits, CancellationToken cancellationToken = default)
        {
            foreach (var _ in commits)
            {
                fault.Hit(IntakeStep.Persist);
            }

            return inner.CommitIntakeBatchAsync(new CrashingList(commits, fault), cancellationToken);
        }

        public Task<Complaint?> GetAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);
        public Task<Complaint?> FindByCodeAsync(ComplaintCode code, CancellationToken cancellationToken = default) => inner.FindByCodeAsync(code, cancellationToken);
        public Task<Complaint?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default) => inner.FindByConversationAsync(channel, conversationId, cancellationToken);
        public Task<IReadOnlyList<Complaint>> ListAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);
        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);
        public Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.GetAuditTrailAsync(id, cancellationToken);
        public Task<IReadOnlyList<Rejection>> ListRejectionsAsync(int skip = 0, int take = 100, CancellationToken cancellationToken = default) => inner.ListRejectionsAsync(skip, take, cancellationToken);
    }
}
