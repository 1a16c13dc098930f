using System.Threading.Channels;

namespace Grievance.Twitter.Testing.Internal;

/// <summary>One open filtered-stream connection: its bytes flow through a channel to the response stream the client reads.</summary>
internal sealed class FakeStreamConnection
{
    private static readonly byte[] s_heartbeat = "\r\n"u8.ToArray();
    private readonly Channel<byte[]> _bytes = Channel.CreateUnbounded<byte[]>();
    private readonly FakeXApi _api;
    private readonly ITimer _heartbeat;

    public FakeStreamConnection(FakeXApi api, HashSet<string> fields, HashSet<string> expansions)
    {
        _api = api;
        Fields = fields;
        Expansions = expansions;
        _heartbeat = api.Time.CreateTimer(_ => Beat(), null, api.StreamHeartbeatInterval, api.StreamHeartbeatInterval);
    }

    public HashSet<string> Fields { get; }

    public HashSet<string> Expansions { get; }

    public void Write(byte[] line)
    {
        if (!_api.StreamHeartbeatsPaused)
        {
            _bytes.Writer.TryWrite(line);
        }
    }

    public void End(Exception? error)
    {
        _heartbeat.Dispose();
        _bytes.Writer.TryComplete(error);
    }

    public HttpContent CreateContent()
    {
        var content = new StreamContent(new ReaderStream(this));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private void Beat() => Write(s_heartbeat);

    private void Closed()
    {
        End(null);
        _api.CloseStream(this);
    }

    private sealed class ReaderStream(FakeStreamConnection connection) : Stream
    {
        private ReadOnlyMemory<byte> _pending;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_pending.IsEmpty)
            {
                if (!await connection._bytes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return 0;
                }

                _pending = await connection._bytes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }

            var count = Math.Min(buffer.Length, _pending.Length);
            _pending[..count].CopyTo(buffer);
            _pending = _pending[count..];
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

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
                connection.Closed();
            }

            base.Dispose(disposing);
        }
    }
}
