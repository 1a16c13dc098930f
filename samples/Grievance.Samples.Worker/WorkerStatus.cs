namespace Grievance.Samples.Worker;

/// <summary>What the worker's services have done so far: read by the health checks, and by tests to wait for work without sleeping.</summary>
public sealed class WorkerStatus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastPoll = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _dispatchWake = new(0, 1);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Initializes a new instance of the <see cref="WorkerStatus"/> class.</summary>
    /// <param name="time">The clock.</param>
    public WorkerStatus(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        StartedAt = time.GetUtcNow();
    }

    /// <summary>Gets when the worker started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets the number of finished passes over all desk accounts.</summary>
    public int PollPasses { get; private set; }

    /// <summary>Gets the number of passes in a row in which some desk account failed.</summary>
    public int FailedPollPasses { get; private set; }

    /// <summary>Gets the highest poll pass after which the dispatcher found the outbox empty.</summary>
    public int IdleAfterPollPass { get; private set; }

    /// <summary>Gets how many times the dispatcher started waiting (its timer is set by then, so a fake clock can be moved over it).</summary>
    public int DispatcherWaits { get; private set; }

    /// <summary>Gets the number of messages the dispatcher sent.</summary>
    public int Sent { get; private set; }

    /// <summary>Gets when each desk account (source name) was last polled successfully, or found held by another instance.</summary>
    /// <returns>A copy of the times, by source name.</returns>
    public IReadOnlyDictionary<string, DateTimeOffset> LastSuccessfulPolls()
    {
        lock (_gate)
        {
            return new Dictionary<string, DateTimeOffset>(_lastPoll, StringComparer.Ordinal);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever the status changes.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    public async Task WaitUntilAsync(Func<WorkerStatus, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(this))
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    internal void RecordPoll(string source, DateTimeOffset at) => Update(() => _lastPoll[source] = at);

    internal void RecordPass(bool failed) => Update(() =>
    {
        PollPasses++;
        FailedPollPasses = failed ? FailedPollPasses + 1 : 0;
    });

    internal void RecordDispatch(int sent, bool idle, int pollPassesBefore, bool waiting) => Update(() =>
    {
        Sent += sent;
        DispatcherWaits += waiting ? 1 : 0;
        if (idle)
        {
            IdleAfterPollPass = Math.Max(IdleAfterPollPass, pollPassesBefore);
        }
    });

    /// <summary>Wakes the dispatcher (new replies were queued).</summary>
    internal void WakeDispatcher()
    {
        if (_dispatchWake.CurrentCount == 0)
        {
            try
            {
                _dispatchWake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    internal Task WaitForWakeAsync(CancellationToken cancellationToken) => _dispatchWake.WaitAsync(cancellationToken);

    private void Update(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
