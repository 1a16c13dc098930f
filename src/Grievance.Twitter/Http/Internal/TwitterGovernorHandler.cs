using System.Net;
using Grievance.Twitter.Diagnostics.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.Http.Internal;

/// <summary>
/// The rate-limit and spend governor, below the read-retry handler: per endpoint and auth context it learns the
/// 15-minute and 24-hour windows from X's headers, waits for a spent window to reset (up to
/// <see cref="TwitterGovernorOptions.MaxWait"/>) instead of sending a request X would refuse, stops posts at the daily
/// spend cap, and times each attempt out on the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TwitterGovernorHandler : DelegatingHandler
{
    private readonly RateLimitTracker _budgets;
    private readonly IOptionsMonitor<TwitterOptions> _options;
    private readonly TimeProvider _time;
    private readonly TwitterMetrics _metrics;
    private readonly ILogger<TwitterGovernorHandler> _logger;

    public TwitterGovernorHandler(RateLimitTracker budgets, IOptionsMonitor<TwitterOptions> options, TimeProvider time, TwitterMetrics metrics, ILogger<TwitterGovernorHandler> logger)
    {
        _budgets = budgets;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.CurrentValue;
        var governor = options.Governor;
        var key = TwitterRequestInfo.KeyOf(request);
        var isPost = key.Endpoint == TwitterEndpoints.CreateTweet;

        for (var attempt = 0; ; attempt++)
        {
            await WaitForBudgetAsync(key, governor.MaxWait, cancellationToken).ConfigureAwait(false);

            var cost = isPost ? governor.ReplyCost : 0m;
            if (isPost && !_budgets.TrySpend(cost, governor.DailySpendCap, _time.GetUtcNow()))
            {
                var now = _time.GetUtcNow();
                var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
                _metrics.Throttled(key.Endpoint, "spend-cap");
                Log.SpendCapReached(_logger, key.Endpoint, governor.DailySpendCap ?? 0);
                throw new TwitterSpendCapExceededException($"The daily spend cap of {governor.DailySpendCap} USD on X is reached; posting resumes at the next UTC midnight.")
                {
                    RetryAfter = midnight - now,
                };
            }

            HttpResponseMessage response;
            try
            {
                response = await SendWithTimeoutAsync(request, options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                // The request never reached X: nothing was published or billed.
                _budgets.Refund(cost, _time.GetUtcNow());
                throw;
            }

            var window = RateLimitHeaderParser.Parse(response.Headers);
            var daily = RateLimitHeaderParser.ParseDaily(response.Headers);
            _budgets.Record(key, window, daily);
            if ((int)response.StatusCode >= 400 && response.StatusCode != HttpStatusCode.RequestTimeout && (int)response.StatusCode < 500)
            {
                // X refused it: not published, not billed.
                _budgets.Refund(cost, _time.GetUtcNow());
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests || await IsUsageCappedAsync(response, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            if (window is null && daily is null)
            {
                _budgets.MarkExhausted(key, _time.GetUtcNow() + TimeSpan.FromMinutes(15));
            }

            _metrics.Throttled(key.Endpoint, "429");
            var wait = _budgets.WaitBefore(key, _time.GetUtcNow());

            // A read is sent again once after a short reset; a post never is (the dispatcher defers it instead).
            if (attempt > 0 || wait > governor.MaxWait || request.Method != HttpMethod.Get)
            {
                return response;
            }

            response.Dispose();
        }
    }

    private async Task WaitForBudgetAsync(BudgetKey key, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var wait = _budgets.WaitBefore(key, _time.GetUtcNow());
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > maxWait)
        {
            _metrics.Throttled(key.Endpoint, "refused");
            Log.RequestHeldBack(_logger, key.Endpoint, key.Auth, wait);
            throw new TwitterRateLimitExceededException($"The X rate limit of '{key.Endpoint}' is spent; it resets in {wait}. Nothing was sent.")
            {
                StatusCode = HttpStatusCode.TooManyRequests,
                RetryAfter = wait,
            };
        }

        _metrics.Throttled(key.Endpoint, "waited");
        Log.WaitingForReset(_logger, key.Endpoint, key.Auth, wait);
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendWithTimeoutAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException($"X did not answer within {timeout}.", new TimeoutException($"X did not answer within {timeout}.", ex));
        }
    }

    private static async Task<bool> IsUsageCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("usage-capped", StringComparison.Ordinal);
    }
}
