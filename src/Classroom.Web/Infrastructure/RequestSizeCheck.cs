using Microsoft.AspNetCore.Http.Metadata;

namespace Classroom.Web.Infrastructure;

/// <summary>
/// Every post a person's browser sends is a form, of a bounded size, with text a database can store. This
/// refuses anything else with a clear 4xx before any page code runs, so nothing is half-saved:
/// 415 for a body that is not a form (JSON, text/plain), 413 for a body over the endpoint's limit (whether
/// its length is declared or it arrives in chunks), 400 for a NUL character in a field.
/// </summary>
public sealed class RequestSizeCheck(RequestDelegate next)
{
    public const long SiteLimit = 1024 * 1024;

    private static string Nul(string where) =>
        $"Something in {where} contains a NUL character (U+0000), which cannot be saved. Remove it (it often comes from pasting out of another program) and try again. Nothing was saved.";

    public static string TooLarge(long limit) => $"The request is too large: the limit here is {limit:N0} bytes. Nothing was saved.";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? SiteLimit;
        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit));
            return;
        }
        if ((request.ContentLength ?? 1) > 0 && !request.HasFormContentType)
        {
            var type = string.IsNullOrEmpty(request.ContentType) ? "a body with no content type" : request.ContentType;
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType,
                $"This address takes a form (application/x-www-form-urlencoded or multipart/form-data), not {type}. Nothing was saved.");
            return;
        }
        if (request.ContentLength is null) request.Body = new LimitedStream(request.Body, limit);
        try
        {
            if (request.HasFormContentType)
            {
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException e)
                {
                    // A URL-encoded form with %00 does not even parse; any other malformed form is refused the same way.
                    await RefuseAsync(context, StatusCodes.Status400BadRequest, e.InnerException?.Message.Contains("null characters") == true
                        ? Nul("a field") : $"The form could not be read ({e.Message}). Nothing was saved.");
                    return;
                }
                foreach (var (key, values) in form)
                    if (values.Any(v => v?.Contains('\0') == true))
                    {
                        await RefuseAsync(context, StatusCodes.Status400BadRequest, Nul($"the field \"{key}\""));
                        return;
                    }
            }
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && (e is BodyTooLargeException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }))
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(limit));
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message);
    }

    private sealed class BodyTooLargeException() : IOException("request body over the limit");

    /// <summary>A body of unknown length, cut off (with an exception) as soon as it passes the limit.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            if (read > limit) throw new BodyTooLargeException();
            return n;
        }
    }
}
