using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Grievance.Intake;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.Http;
using Grievance.Twitter.Http.Internal;
using Grievance.Twitter.Http.Internal.Dto;
using Grievance.Twitter.Intake.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Streaming.Internal;

/// <summary>
/// Reads <c>GET /2/tweets/search/stream</c> on its own <see cref="HttpClient"/> (no overall timeout) into a bounded queue
/// and hands each post to the intake as a batch of one. Silence longer than the stall timeout (on the
/// <see cref="TimeProvider"/>) closes the connection; every reconnect waits as <see cref="StreamReconnectPolicy"/> says.
/// A 400, 401, 403 or 404 is a configuration error and ends the source with a <see cref="TwitterApiException"/>.
/// Posts also reach the intake through mentions; deduplication keeps one complaint per post.
/// </summary>
internal sealed class TwitterFilteredStreamSource : ITwitterFilteredStream
{
    internal const string HttpClientName = "Grievance.Twitter.Stream";

    private readonly IHttpClientFactory _http;
    private readonly ITwitterApiClient _client;
    private readonly IOptionsMonitor<TwitterOptions> _options;
    private readonly IOptionsMonitor<TwitterStreamOptions> _streamOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<TwitterFilteredStreamSource> _logger;

    public TwitterFilteredStreamSource(IHttpClientFactory http, ITwitterApiClient client, IOptionsMonitor<TwitterOptions> options, IOptionsMonitor<TwitterStreamOptions> streamOptions, TimeProvider time, ILogger<TwitterFilteredStreamSource> logger)
    {
        _http = http;
        _client = client;
        _options = options;
        _streamOptions = streamOptions;
        _time = time;
        _logger = logger;
        Delay = (delay, cancellationToken) => Task.Delay(delay, _time, cancellationToken);
    }

    public string Name => "x:stream";

    /// <summary>Gets or sets how a reconnect waits; tests observe the delays through it.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; }

    public async IAsyncEnumerable<InboundBatch> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var queue = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(_streamOptions.CurrentValue.QueueCapacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => PumpAsync(queue.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // No checkpoint: a stream cannot be resumed; mentions and search fill any gap.
                yield return new InboundBatch { Messages = [message] };
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PumpAsync(ChannelWriter<InboundMessage> queue, CancellationToken cancellationToken)
    {
        try
        {
            if (_streamOptions.CurrentValue.ManageRules)
            {
                await EnsureRulesAsync(cancellationToken).ConfigureAwait(false);
            }

            var policy = new StreamReconnectPolicy();
            while (true)
            {
                var failure = await ConnectAndReadAsync(queue, policy, cancellationToken).ConfigureAwait(false);
                var delay = policy.NextDelay(failure);
                Log.StreamReconnecting(_logger, failure.ToString(), delay);
                await Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            queue.TryComplete();
        }
        catch (Exception ex)
        {
            queue.TryComplete(ex);
        }
    }

    internal async Task EnsureRulesAsync(CancellationToken cancellationToken)
    {
        var prefix = _streamOptions.CurrentValue.RuleTagPrefix;
        var desired = _options.CurrentValue.Accounts
            .Select(a => a.Username.TrimStart('@'))
            .Zip(_options.CurrentValue.Accounts, (handle, a) => new StreamRule($"@{handle} -from:{handle} -is:retweet", prefix + a.UserId))
            .ToList();
        var existing = await _client.GetStreamRulesAsync(cancellationToken).ConfigureAwait(false);
        var stale = existing.Where(r => r.Tag?.StartsWith(prefix, StringComparison.Ordinal) == true && !desired.Exists(d => d.Value == r.Value) && r.Id is not null).Select(r => r.Id!).ToList();
        var missing = desired.Where(d => !existing.Any(r => r.Value == d.Value)).ToList();
        await _client.DeleteStreamRulesAsync(stale, cancellationToken).ConfigureAwait(false);
        await _client.AddStreamRulesAsync(missing, cancellationToken).ConfigureAwait(false);
        Log.StreamRulesEnsured(_logger, missing.Count, stale.Count);
    }

    private async Task<StreamFailure> ConnectAndReadAsync(ChannelWriter<InboundMessage> queue, StreamReconnectPolicy policy, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"2/tweets/search/stream?tweet.fields={TwitterApiClient.TweetFields}&expansions={TwitterApiClient.Expansions}&user.fields={TwitterApiClient.UserFields}");
        request.WithAuth(TwitterAuthContext.App);
        var http = _http.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            return StreamFailure.Network;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return StreamFailure.RateLimited;
            }

            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                Log.ApiError(_logger, TwitterEndpoints.Stream, (int)response.StatusCode, null);
                throw new TwitterConfigurationException($"X refused the filtered stream with {(int)response.StatusCode}; check the app's bearer token and access level.") { StatusCode = response.StatusCode };
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.ApiError(_logger, TwitterEndpoints.Stream, (int)response.StatusCode, null);
                return StreamFailure.Http;
            }

            policy.Connected();
            Log.StreamConnected(_logger);
            return await ReadLinesAsync(response, queue, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StreamFailure> ReadLinesAsync(HttpResponseMessage response, ChannelWriter<InboundMessage> queue, CancellationToken cancellationToken)
    {
        var stallTimeout = _streamOptions.CurrentValue.StallTimeout;
        using var stall = new CancellationTokenSource(stallTimeout, _time);
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        var received = false;
        var line = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            var body = await response.Content.ReadAsStreamAsync(read.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                while (true)
                {
                    var count = await body.ReadAsync(buffer, read.Token).ConfigureAwait(false);
                    if (count == 0)
                    {
                        return received ? StreamFailure.Dropped : StreamFailure.Network;
                    }

                    received = true;
                    stall.CancelAfter(stallTimeout);
                    for (var i = 0; i < count; i++)
                    {
                        if (buffer[i] != (byte)'\n')
                        {
                            line.WriteByte(buffer[i]);
                            continue;
                        }

                        if (Parse(line) is { } message)
                        {
                            await queue.WriteAsync(message, cancellationToken).ConfigureAwait(false);
                        }

                        line.SetLength(0);
                    }
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // A stall (the timer cancelled the read) or a broken connection.
            return received ? StreamFailure.Dropped : StreamFailure.Network;
        }
    }

    /// <summary>One line: empty (a <c>\r\n</c> heartbeat) or a JSON object with a post. Never logs the text.</summary>
    private InboundMessage? Parse(MemoryStream line)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length).TrimEnd((byte)'\r');
        if (bytes.IsEmpty)
        {
            return null;
        }

        StreamLineDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(bytes, TwitterEndpointsJsonContext.Default.StreamLineDto);
        }
        catch (JsonException)
        {
            Log.ApiError(_logger, TwitterEndpoints.Stream, 200, "malformed-line");
            return null;
        }

        if (dto?.Errors is { Count: > 0 } errors)
        {
            Log.PartialErrors(_logger, TwitterEndpoints.Stream, errors.Count);
        }

        if (dto?.Data is not { } tweet)
        {
            return null;
        }

        var users = (dto.Includes?.Users ?? []).Where(u => u.Id is not null).GroupBy(u => u.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return TweetMapper.Map(tweet, users);
    }
}
