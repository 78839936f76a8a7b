namespace Kunskapsbank.Api.Security;

/// <summary>Adds the security headers to every response, unless an endpoint has set its own (the file endpoint does).</summary>
public static class SecurityHeaders
{
    /// <summary>The policy for pages and API answers: no inline script, no framing, no plugins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The policy for original documents: the browser's PDF viewer needs its plugin, nothing else is allowed.</summary>
    /// <remarks>A document runs no script of ours and loads nothing; `object-src 'none'` would stop Chromium's PDF viewer.</remarks>
    public const string DocumentContentSecurityPolicy =
        "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Registers the headers for every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("Referrer-Policy", "no-referrer");
                headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
                headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
                return Task.CompletedTask;
            });
            return next(context);
        });
}
