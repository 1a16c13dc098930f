using System.Runtime.CompilerServices;
using Grievance.Intake;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Intake.Internal;

/// <summary>
/// Reconciles one desk account's mentions with recent search (<c>GET /2/tweets/search/recent</c>,
/// <c>@desk -from:desk -is:retweet</c>): the mentions timeline keeps only the 800 newest posts and may index some
/// late, so a burst between two polls loses the oldest for good. Search reaches 7 days back and pages through
/// everything after its own checkpoint, so the gap is read again; the intake's deduplication keeps every complaint
/// exactly once. Runs at most once per <see cref="TwitterOptions.ReconciliationInterval"/> (on the
/// <see cref="TimeProvider"/>); other calls read nothing.
/// </summary>
internal sealed class TwitterSearchSource : IComplaintSource
{
    /// <summary>Search refuses a start more than 7 days back; stay a little inside it.</summary>
    internal static readonly TimeSpan SearchReach = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5);

    private readonly ITwitterApiClient _client;
    private readonly TwitterAccountOptions _account;
    private readonly TwitterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset? _lastRun;

    public TwitterSearchSource(ITwitterApiClient client, TwitterAccountOptions account, TwitterOptions options, TimeProvider time, ILogger logger)
    {
        _client = client;
        _account = account;
        _options = options;
        _time = time;
        _logger = logger;
        Name = "x:search:" + account.UserId;
    }

    public string Name { get; }

    internal string Query => $"@{Handle} -from:{Handle} -is:retweet";

    private string Handle => _account.Username.TrimStart('@');

    public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (_lastRun is { } last && now - last < _options.ReconciliationInterval)
        {
            yield break;
        }

        // Continue after the checkpoint (with the same trailing overlap as mentions) while it is within search's
        // reach; otherwise, and on the first run, read from a start time.
        var sinceId = checkpoint is null ? null : _options.MentionsOverlap > TimeSpan.Zero ? Snowflake.Before(checkpoint, _options.MentionsOverlap, now) ?? checkpoint : checkpoint;
        DateTimeOffset? startTime = null;
        if (sinceId is null || Snowflake.Time(sinceId) is not { } sinceTime || sinceTime < now - SearchReach)
        {
            sinceId = null;
            startTime = now - (checkpoint is null ? _options.ReconciliationLookback : SearchReach);
        }

        var messages = new List<InboundMessage>();
        string? newest = null;
        string? token = null;
        var pages = 0;
        do
        {
            if (++pages > TwitterMentionsSource.MaxPages)
            {
                throw new TwitterApiException($"The search of account {_account.UserId} did not end after {TwitterMentionsSource.MaxPages} pages; the server keeps returning a next token.");
            }

            var page = await _client.SearchRecentAsync(
                new SearchQuery { Query = Query, SinceId = sinceId, StartTime = startTime, NextToken = token, MaxResults = 100 },
                cancellationToken).ConfigureAwait(false);
            newest ??= page.NewestId;
            messages.AddRange(page.Messages);
            token = page.NextToken;
        }
        while (token is not null);

        // The checkpoint's own post was stored before the checkpoint was committed: the overlap need not hand it over again.
        if (checkpoint is not null)
        {
            messages.RemoveAll(m => m.ExternalId == checkpoint);
        }

        Log.SearchWindowRead(_logger, _account.UserId, messages.Count, pages, newest);
        if (messages.Count > 0 || newest is not null)
        {
            messages.Reverse();
            yield return new InboundBatch { Messages = messages, Checkpoint = Snowflake.Max(checkpoint, newest) };
        }

        _lastRun = now;
    }
}

/// <summary>One reconciliation source per desk account, when <see cref="TwitterOptions.ReconciliationInterval"/> is set.</summary>
internal sealed class TwitterSearchSourceProvider(IServiceProvider services, IOptionsMonitor<TwitterOptions> options, TimeProvider time, ILoggerFactory? loggers = null) : IComplaintSourceProvider
{
    private readonly Dictionary<string, TwitterSearchSource> _sources = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<IComplaintSource> GetSources()
    {
        var value = options.CurrentValue;
        if (value.ReconciliationInterval <= TimeSpan.Zero)
        {
            return [];
        }

        var logger = (ILogger?)loggers?.CreateLogger("Grievance.Twitter.Search") ?? NullLogger.Instance;
        lock (_gate)
        {
            // The same instance per account, so the interval holds across calls.
            return [.. value.Accounts.Select(a =>
            {
                if (!_sources.TryGetValue(a.UserId, out var source))
                {
                    source = new TwitterSearchSource(services.GetRequiredService<ITwitterApiClient>(), a, value, time, logger);
                    _sources[a.UserId] = source;
                }

                return source;
            })];
        }
    }
}
