using System.Runtime.CompilerServices;
using Grievance.Intake;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;
using Microsoft.Extensions.Logging;

namespace Grievance.Twitter.Intake.Internal;

/// <summary>
/// Reads one desk account's mentions after the checkpoint (<c>since_id</c>). X serves pages newest first and keeps
/// at most the 800 newest mentions, so the whole window is read, handed over oldest first as one batch, and the
/// window's newest id (from the first page) is the checkpoint: it is committed only after every post is stored.
/// Each read reaches <see cref="TwitterOptions.MentionsOverlap"/> back before the checkpoint (ids are time-ordered
/// snowflakes), so posts X indexed late are still read; the ones read before are duplicates the intake skips.
/// </summary>
internal sealed class TwitterMentionsSource : IComplaintSource
{
    internal const int MaxPages = 200;

    private readonly ITwitterApiClient _client;
    private readonly string _userId;
    private readonly int _maxResults;
    private readonly ILogger _logger;
    private readonly TimeSpan _overlap;

    private readonly TimeProvider _time;

    public TwitterMentionsSource(ITwitterApiClient client, string userId, int maxResults, ILogger logger, TimeSpan overlap = default, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _client = client;
        _userId = userId;
        _maxResults = maxResults;
        _logger = logger;
        _overlap = overlap;
        Name = "x:mentions:" + userId;
    }

    public string Name { get; }

    public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var messages = new List<InboundMessage>();
        string? newest = null;
        string? token = null;
        var pages = 0;
        var sinceId = checkpoint is not null && _overlap > TimeSpan.Zero ? Snowflake.Before(checkpoint, _overlap, _time.GetUtcNow()) ?? checkpoint : checkpoint;
        do
        {
            if (++pages > MaxPages)
            {
                throw new TwitterApiException($"The mentions of account {_userId} did not end after {MaxPages} pages; the server keeps returning a next token.");
            }

            var page = await _client.GetMentionsAsync(
                new MentionsQuery { UserId = _userId, SinceId = sinceId, PaginationToken = token, MaxResults = _maxResults },
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

        Log.MentionsWindowRead(_logger, _userId, messages.Count, pages, newest);
        if (messages.Count == 0 && newest is null)
        {
            yield break;
        }

        messages.Reverse();

        // A re-read overlap never moves the checkpoint back (the newest post may have been deleted since).
        yield return new InboundBatch { Messages = messages, Checkpoint = Snowflake.Max(checkpoint, newest) };
    }
}
