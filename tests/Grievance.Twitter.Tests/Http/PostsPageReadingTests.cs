using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grievance.TestUtilities;
using Grievance.Twitter.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grievance.Twitter.Tests.Http;

/// <summary>How the shared page reader takes a body off the wire: buffered and read in one pass, whatever its framing.</summary>
public class PostsPageReadingTests
{
    private static async Task<MentionsPage> ReadAsync(HttpContent content)
    {
        using var services = TwitterTestHost.Create(new ContentHandler(content), new FakeTimeProvider(Some.Now));
        return await services.GetRequiredService<ITwitterApiClient>().GetMentionsAsync(new MentionsQuery { UserId = TwitterTestHost.DeskId });
    }

    private static string Page(int posts, string text) =>
        """{"data":[""" + string.Join(',', Enumerable.Range(1, posts).Select(i =>
            $$"""{"id":"{{i}}","text":"{{text}} {{i}}","author_id":"9","created_at":"2026-05-03T07:00:00.000Z","edit_history_tweet_ids":["{{i}}"]}"""))
        + $$$"""],"meta":{"result_count":{{{posts}}}}}""";

    [Fact]
    public async Task Page_LargerThanTheFirstBufferAndWithoutContentLength_IsReadWhole()
    {
        var json = Page(1_500, "सड़क पर गड्ढा &amp; पानी की समस्या, please help 🙏");
        Assert.True(Encoding.UTF8.GetByteCount(json) > 256 * 1024);
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json)), bufferSize: 4096);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Null(content.Headers.ContentLength);

        var page = await ReadAsync(content);

        Assert.Equal(1_500, page.Messages.Count);
        Assert.Equal("सड़क पर गड्ढा & पानी की समस्या, please help 🙏 1500", page.Messages[^1].Text);
    }

    [Fact]
    public async Task Page_WithAUtf8ByteOrderMark_IsRead()
    {
        var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Page(2, "hello"))]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var page = await ReadAsync(content);

        Assert.Equal(["hello 1", "hello 2"], page.Messages.Select(m => m.Text));
    }

    private sealed class ContentHandler(HttpContent content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
