using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>
/// Source leases across processes: a session-level advisory lock per source, held on a connection of its own (not
/// pooled, since returning a connection to the pool resets the session and would drop the lock). The lock lives exactly
/// as long as that server session: disposing the lease unlocks and closes it, and a worker that dies or loses its
/// connection frees the source for another worker at once.
/// </summary>
internal sealed class PostgreSqlSourceLeaseProvider(PostgreSqlDatabase database, TimeProvider time, ILogger<PostgreSqlSourceLeaseProvider> logger) : ISourceLeaseProvider
{
    public async Task<ISourceLease?> TryAcquireAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var key = LockKey(database.Schema, source);
        var connection = await database.DedicatedDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        bool acquired;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            acquired = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch
        {
            // Closing the session releases the lock too, should the server have taken it before the failure.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (!acquired)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            Log.LeaseBusy(logger, source);
            return null;
        }

        Log.LeaseAcquired(logger, source);
        return new Lease(source, key, connection, database.LeaseCheckInterval, time, logger);
    }

    /// <summary>The advisory lock key of a source: stable across processes and versions, distinct per schema.</summary>
    internal static long LockKey(string schema, string source) => PostgreSqlDatabase.LockKey($"grievance-source:{schema}:{source}");

    private sealed class Lease : ISourceLease
    {
        private readonly long _key;
        private readonly NpgsqlConnection _connection;
        private readonly TimeSpan _checkInterval;
        private readonly TimeProvider _time;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _watch;
        private int _disposed;
        private int _lostOnce;

        public Lease(string source, long key, NpgsqlConnection connection, TimeSpan checkInterval, TimeProvider time, ILogger logger)
        {
            Source = source;
            _key = key;
            _connection = connection;
            _checkInterval = checkInterval;
            _time = time;
            _logger = logger;
            _connection.StateChange += OnStateChange;
            _watch = WatchAsync();
        }

        public string Source { get; }

        public CancellationToken Lost => _lost.Token;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            // Stop the check first: from here on nothing else uses the connection.
            await _stop.CancelAsync().ConfigureAwait(false);
            await _watch.ConfigureAwait(false);
            _connection.StateChange -= OnStateChange;
            if (!_lost.IsCancellationRequested && _connection.State == ConnectionState.Open)
            {
                try
                {
                    await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
                    command.Parameters.AddWithValue("key", _key);
                    await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (NpgsqlException)
                {
                    // The session is going away; ending it releases the lock as well.
                }
            }

            await _connection.DisposeAsync().ConfigureAwait(false);
            Log.LeaseReleased(_logger, Source);
            _stop.Dispose();

            // _lost stays undisposed: callers may still read Lost after disposing the lease, and it owns no timer.
        }

        private async Task WatchAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(_checkInterval, _time, _stop.Token).ConfigureAwait(false);

                    // Not cancelled by _stop: cancelling a query in flight may break the connection and with it the lock.
                    await using var command = new NpgsqlCommand("SELECT 1", _connection);
                    await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposed.
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                MarkLost(ex);
            }
        }

        private void OnStateChange(object? sender, StateChangeEventArgs e)
        {
            if (e.CurrentState is ConnectionState.Closed or ConnectionState.Broken && Volatile.Read(ref _disposed) == 0)
            {
                MarkLost(null);
            }
        }

        private void MarkLost(Exception? exception)
        {
            if (Interlocked.Exchange(ref _lostOnce, 1) != 0)
            {
                return;
            }

            Log.LeaseLost(_logger, exception, Source);
            try
            {
                _lost.Cancel();
            }
            catch (AggregateException)
            {
                // A callback registered on Lost threw; the lease is lost all the same.
            }
        }
    }
}
