using System.Collections.Concurrent;

namespace Grievance.Twitter.Auth.Internal;

/// <summary>The default <see cref="ITokenStore"/>: tokens in process memory, replaced with a compare-and-swap.</summary>
internal sealed class InMemoryTokenStore : ITokenStore
{
    private readonly ConcurrentDictionary<string, TwitterUserTokens> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<TwitterUserTokens?> GetAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_tokens.GetValueOrDefault(accountId));
    }

    public Task<bool> TryReplaceAsync(string accountId, string? expectedRefreshToken, TwitterUserTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(tokens);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_tokens.TryGetValue(accountId, out var current) && !string.Equals(current.RefreshToken, expectedRefreshToken, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _tokens[accountId] = tokens;
            return Task.FromResult(true);
        }
    }
}
