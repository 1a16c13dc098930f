using Microsoft.Extensions.Options;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Internal;

[OptionsValidator]
internal sealed partial class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>;

internal sealed class PostgreSqlStoreOptionsCustomValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Skip;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            return ValidateOptionsResult.Fail($"ConnectionString is not a valid Npgsql connection string: {ex.Message}");
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? ValidateOptionsResult.Fail("ConnectionString has no Host (the PostgreSQL server).")
            : ValidateOptionsResult.Success;
    }
}
