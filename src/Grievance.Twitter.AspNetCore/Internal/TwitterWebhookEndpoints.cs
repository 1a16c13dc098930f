using System.Buffers;
using Grievance.Twitter.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grievance.Twitter.AspNetCore.Internal;

/// <summary>The request delegates behind <c>MapTwitterWebhook</c>.</summary>
internal static class TwitterWebhookEndpoints
{
    public static Task CrcAsync(HttpContext context)
    {
        var token = context.Request.Query[TwitterWebhookSignature.CrcTokenParameter].ToString();
        if (string.IsNullOrEmpty(token))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        var handler = context.RequestServices.GetRequiredService<ITwitterWebhookHandler>();
        var body = handler.CreateCrcResponse(token);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    public static async Task DeliveryAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<TwitterWebhookOptions>>().CurrentValue.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var body = await ReadBodyAsync(context.Request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var handler = context.RequestServices.GetRequiredService<ITwitterWebhookHandler>();
        var result = await handler.HandleAsync(body, context.Request.Headers[TwitterWebhookSignature.HeaderName].ToString() is { Length: > 0 } s ? s : null, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = result.Status switch
        {
            TwitterWebhookStatus.Accepted => StatusCodes.Status200OK,
            TwitterWebhookStatus.MissingSignature => StatusCodes.Status401Unauthorized,
            TwitterWebhookStatus.InvalidSignature => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>Reads the raw body, exactly as sent, up to <paramref name="limit"/> bytes; <see langword="null"/> when it is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length and > 0 ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            int read;
            try
            {
                read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return null;
            }

            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
