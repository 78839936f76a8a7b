using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Kunskapsbank.Api.Security;

/// <summary>How long a request line and how large its headers may be, answered in Swedish by us, not bare by Kestrel.</summary>
/// <remarks>
/// Kestrel rejects a request whose line or headers exceed its limits before any middleware runs, with an empty body
/// (a 10 KB query got a bare 414). So Kestrel's limits are raised to <see cref="KestrelMaxRequestLine"/> and
/// <see cref="KestrelMaxHeaders"/>, and this middleware enforces the real limits below them with a Swedish answer:
/// ProblemDetails for the API, a page for a browser (through the status-code pages). Only a request beyond Kestrel's
/// raised limits still gets Kestrel's bare answer; memory per connection stays bounded by those.
/// </remarks>
public static class RequestLimits
{
    /// <summary>Longest request target (path and query) we answer normally; the UI cuts long queries, the API says 400.</summary>
    public const int MaxTargetLength = 16 * 1024;

    /// <summary>Largest sum of header names and values we accept (Kestrel's own default).</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Most header fields we accept (Kestrel's own default).</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>Kestrel's hard limit on the request line: beyond it Kestrel answers 414 before our code runs.</summary>
    public const int KestrelMaxRequestLine = 64 * 1024;

    /// <summary>Kestrel's hard limit on all headers: beyond it Kestrel answers 431 before our code runs.</summary>
    public const int KestrelMaxHeaders = 64 * 1024;

    /// <summary>Kestrel's hard limit on the number of header fields.</summary>
    public const int KestrelMaxHeaderCount = 200;

    /// <summary>Raises Kestrel's limits so that requests between our limits and these reach <see cref="UseRequestLimits"/>.</summary>
    public static IWebHostBuilder UseRaisedKestrelLimits(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = KestrelMaxRequestLine;
            kestrel.Limits.MaxRequestHeadersTotalSize = KestrelMaxHeaders;
            kestrel.Limits.MaxRequestHeaderCount = KestrelMaxHeaderCount;
        });

    /// <summary>Answers 414 or 431 without a body, so the status-code pages write the Swedish answer.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // The status-code pages re-execute a page request to render our answer: let that through.
            var status = context.Features.Get<IStatusCodeReExecuteFeature>() is null ? Check(context) : null;
            if (status is { } tooLarge)
            {
                context.Response.StatusCode = tooLarge;
                context.Response.Headers.Connection = "close";
                return Task.CompletedTask;
            }

            return next(context);
        });

    /// <summary>414, 431 or null when the request is within the limits.</summary>
    public static int? Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var targetLength = target?.Length ?? (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
        if (targetLength > MaxTargetLength)
        {
            return StatusCodes.Status414UriTooLong;
        }

        if (request.Headers.Count > MaxHeaderCount)
        {
            return StatusCodes.Status431RequestHeaderFieldsTooLarge;
        }

        long headerBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            headerBytes += name.Length + 4;
            foreach (var value in values)
            {
                headerBytes += value?.Length ?? 0;
            }
        }

        return headerBytes > MaxHeaderBytes ? StatusCodes.Status431RequestHeaderFieldsTooLarge : null;
    }
}
