using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace Grievance.Twitter.Tests.OpenApi;

/// <summary>
/// Sits between the X client and the handler that answers (the fake X or a stub) and checks every request, and every
/// response of the fake, against <see cref="OpenApiContract.X"/>. A violation is recorded and thrown, so the test fails
/// where it happens; lines of a streaming response are checked as they are read and recorded in <see cref="Violations"/>.
/// </summary>
public sealed class OpenApiCheckingHandler : DelegatingHandler
{
    private readonly bool _checkRequests;
    private readonly bool _checkResponses;
    private readonly ConcurrentQueue<string> _violations = new();
    private int _checked;

    /// <param name="inner">The handler that answers.</param>
    /// <param name="checkRequests">Whether to check requests (off where a test sends invalid requests on purpose to the fake).</param>
    /// <param name="checkResponses">Whether to check responses (off for stubs that answer malformed bodies on purpose).</param>
    public OpenApiCheckingHandler(HttpMessageHandler inner, bool checkRequests = true, bool checkResponses = true)
        : base(inner)
    {
        _checkRequests = checkRequests;
        _checkResponses = checkResponses;
    }

    /// <summary>Gets every violation seen so far.</summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>Gets how many requests were checked.</summary>
    public int Checked => Volatile.Read(ref _checked);

    /// <summary>The path of the OAuth2UserToken scheme's tokenUrl in the description's securitySchemes.</summary>
    private const string TokenPath = "/2/oauth2/token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == TokenPath)
        {
            // The token endpoint is not a path of the description: it is the tokenUrl of the OAuth2UserToken security
            // scheme, and RFC 6749 section 6 fixes its request (form-encoded, grant_type=refresh_token, refresh_token).
            Interlocked.Increment(ref _checked);
            var form = System.Web.HttpUtility.ParseQueryString(body ?? string.Empty);
            if (request.Content?.Headers.ContentType?.MediaType != "application/x-www-form-urlencoded"
                || form["grant_type"] != "refresh_token" || string.IsNullOrEmpty(form["refresh_token"]))
            {
                Fail($"POST {TokenPath}: not an RFC 6749 refresh request (form-encoded grant_type=refresh_token with a refresh_token).");
            }

            return await base.SendAsync(request, cancellationToken);
        }

        var operation = OpenApiContract.X.Find(request.Method.Method, request.RequestUri!.AbsolutePath);
        Interlocked.Increment(ref _checked);
        if (operation is null)
        {
            Fail($"{request.Method} {request.RequestUri.AbsolutePath}: no such operation in the OpenAPI description.");
        }

        if (_checkRequests)
        {
            Fail(operation!.CheckRequest(request.RequestUri.Query, request.Content?.Headers.ContentType?.ToString(), body));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (!_checkResponses)
        {
            return response;
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (operation!.Name == "GET /2/tweets/search/stream" && response.IsSuccessStatusCode)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var checkedContent = new StreamContent(new LineCheckingStream(stream, line => Record(operation.CheckStreamLine(line))));
            checkedContent.Headers.ContentType = response.Content.Headers.ContentType;
            response.Content = checkedContent;
            return response;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Fail(operation.CheckResponse((int)response.StatusCode, contentType, text));
        var copy = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        copy.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        response.Content = copy;
        return response;
    }

    private void Fail(params IReadOnlyList<string> violations)
    {
        if (Record(violations))
        {
            throw new OpenApiViolationException(string.Join(Environment.NewLine, violations));
        }
    }

    private bool Record(IReadOnlyList<string> violations)
    {
        foreach (var violation in violations)
        {
            _violations.Enqueue(violation);
        }

        return violations.Count > 0;
    }

    /// <summary>Passes bytes through and hands each complete <c>\r\n</c>-terminated, non-empty line to a check.</summary>
    private sealed class LineCheckingStream(Stream inner, Action<string> check) : Stream
    {
        private readonly List<byte> _line = [];

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Inspect(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Inspect(buffer.AsSpan(offset, read));
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Inspect(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                _line.Add(b);
                if (b == '\n' && _line.Count >= 2 && _line[^2] == '\r')
                {
                    var line = Encoding.UTF8.GetString([.. _line]).TrimEnd('\r', '\n');
                    _line.Clear();
                    if (line.Length > 0)
                    {
                        check(line);
                    }
                }
            }
        }
    }
}

/// <summary>A request or response does not conform to X's OpenAPI description.</summary>
public sealed class OpenApiViolationException(string message) : Exception(message);
