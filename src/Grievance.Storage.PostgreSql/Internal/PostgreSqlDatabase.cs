using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>
/// The database as the store sees it: a pooled <see cref="NpgsqlDataSource"/> for ordinary work, an unpooled one for
/// connections that hold session state (advisory locks), and the schema every statement is qualified with.
/// One singleton per container, which disposes it.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private const string SchemaToken = "{schema}";
    private readonly ConcurrentDictionary<string, string> _sql = new(StringComparer.Ordinal);

    public PostgreSqlDatabase(IOptions<PostgreSqlStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Schema = value.Schema;
        QuotedSchema = "\"" + value.Schema + "\"";
        LeaseCheckInterval = value.LeaseCheckInterval;
        DataSource = NpgsqlDataSource.Create(value.ConnectionString);
        var unpooled = new NpgsqlConnectionStringBuilder(value.ConnectionString) { Pooling = false };
        DedicatedDataSource = NpgsqlDataSource.Create(unpooled);
    }

    /// <summary>Gets the schema's name (validated: lower-case letters, digits and underscores).</summary>
    public string Schema { get; }

    /// <summary>Gets the schema's name as a quoted identifier.</summary>
    public string QuotedSchema { get; }

    /// <summary>Gets how often a source lease checks its connection.</summary>
    public TimeSpan LeaseCheckInterval { get; }

    /// <summary>Gets the pooled data source.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Gets a data source without pooling: each connection is its own server session, ended when disposed.</summary>
    public NpgsqlDataSource DedicatedDataSource { get; }

    /// <summary>Qualifies a statement's tables: replaces <c>{schema}</c> with the quoted schema name.</summary>
    public string Sql(string template) =>
        _sql.GetOrAdd(template, static (t, schema) => t.Replace(SchemaToken, schema, StringComparison.Ordinal), QuotedSchema);

    /// <summary>A stable 64-bit advisory lock key: the first 8 bytes of the SHA-256 of the UTF-8 text.</summary>
    public static long LockKey(string text) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await DedicatedDataSource.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        DataSource.Dispose();
        DedicatedDataSource.Dispose();
    }
}
