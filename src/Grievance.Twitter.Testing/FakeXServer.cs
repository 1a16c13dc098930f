using System.Net;
using System.Net.Sockets;

namespace Grievance.Twitter.Testing;

/// <summary>
/// Serves a <see cref="FakeXApi"/> over HTTP on a loopback port, so several processes can share one fake X.
/// Only loopback addresses are bound; requests never leave the machine.
/// </summary>
public sealed class FakeXServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly HttpMessageInvoker _invoker;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private FakeXServer(FakeXApi api, int port)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener = new HttpListener();
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _invoker = new HttpMessageInvoker(api.CreateHandler());
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Gets the address to give the X client (<see cref="TwitterOptions.BaseAddress"/>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving a fake on a free loopback port.</summary>
    /// <param name="api">The fake to serve.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> is <see langword="null"/>.</exception>
    public static FakeXServer Start(FakeXApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return new FakeXServer(api, FreePort());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the loop with one of these.
        }

        _listener.Close();
        _invoker.Dispose();
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url ?? new Uri(FakeXApi.BaseAddress, context.Request.RawUrl));
            if (context.Request.Headers["Authorization"] is { } authorization)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (context.Request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, _stopping.Token).ConfigureAwait(false);
                request.Content = new ByteArrayContent(body.ToArray());
                request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType ?? "application/json");
            }

            using var response = await _invoker.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers)
            {
                context.Response.Headers[header.Key] = string.Join(",", header.Value);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(_stopping.Token).ConfigureAwait(false);
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
