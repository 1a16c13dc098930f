namespace Grievance.Storage.Sqlite.Internal;

/// <summary>The SQLite store's per-citizen count and the erasure of rejected messages.</summary>
internal sealed partial class SqliteComplaintStore
{
    /// <summary>What a rejection keeps of its author when its message is stored (erasure finds a citizen's rejections by it).</summary>
    private static string? AuthorOf(Rejection rejection) =>
        rejection.Message is { Author: { } author } && !string.IsNullOrEmpty(author.PlatformId) ? author.PlatformId : null;

    public async Task<int> CountByComplainantAsync(string channel, string platformId, DateTimeOffset createdFrom, DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Index-only on ix_complaints_complainant_created; erasure replaces the complainant id, so erased complaints drop out.
        await using var command = Command(connection, null,
            "SELECT count(*) FROM complaints WHERE channel = $channel AND complainant_id = $cid AND created_at >= $from AND created_at < $before",
            ("$channel", channel), ("$cid", platformId), ("$from", createdFrom.UtcTicks), ("$before", createdBefore.UtcTicks));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> EraseRejectionsAsync(string channel, string platformId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            "UPDATE rejections SET message = NULL, author_id = NULL WHERE channel = $channel AND author_id = $cid",
            cancellationToken, ("$channel", channel), ("$cid", platformId)).ConfigureAwait(false);
    }

    public async Task<int> EraseRejectionsBeforeAsync(DateTimeOffset rejectedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            "UPDATE rejections SET message = NULL, author_id = NULL WHERE position IN " +
            "(SELECT position FROM rejections WHERE message IS NOT NULL AND rejected_at < $before ORDER BY rejected_at, position LIMIT $max)",
            cancellationToken, ("$before", rejectedBefore.UtcTicks), ("$max", max)).ConfigureAwait(false);
    }
}
