using Microsoft.AspNetCore.Http.Metadata;

namespace Classroom.Web.Infrastructure;

/// <summary>
/// Refuses a body whose declared length is over the endpoint's limit (or the site's) with 413 and a
/// message, before anything reads it. Kestrel enforces the same limits on bodies of unknown length.
/// </summary>
public sealed class RequestSizeCheck(RequestDelegate next)
{
    public const long SiteLimit = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? SiteLimit;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"The request is too large ({context.Request.ContentLength:N0} bytes; the limit here is {limit:N0}). Nothing was saved.");
            return;
        }
        await next(context);
    }
}
