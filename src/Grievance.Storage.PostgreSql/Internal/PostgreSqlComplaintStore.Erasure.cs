namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>The PostgreSQL store's per-citizen count and the erasure of rejected messages.</summary>
internal sealed partial class PostgreSqlComplaintStore
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
        await using var command = Command(connection,
            "SELECT count(*) FROM {schema}.complaints WHERE channel = @channel AND complainant_id = @cid AND created_at >= @from AND created_at < @before",
            ("channel", channel), ("cid", platformId), ("from", Utc(createdFrom)), ("before", Utc(createdBefore)));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> EraseRejectionsAsync(string channel, string platformId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "UPDATE {schema}.rejections SET message = NULL, author_id = NULL WHERE channel = @channel AND author_id = @cid",
            ("channel", channel), ("cid", platformId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> EraseRejectionsBeforeAsync(DateTimeOffset rejectedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Rows another worker is erasing right now are skipped, not waited for: its pass erases them.
        await using var command = Command(connection,
            "UPDATE {schema}.rejections SET message = NULL, author_id = NULL WHERE id IN " +
            "(SELECT id FROM {schema}.rejections WHERE message IS NOT NULL AND rejected_at < @before ORDER BY rejected_at, position LIMIT @max FOR UPDATE SKIP LOCKED)",
            ("before", Utc(rejectedBefore)), ("max", max));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
