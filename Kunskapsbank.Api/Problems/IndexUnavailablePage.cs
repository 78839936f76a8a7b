using System.Text;
using Kunskapsbank.Api.Hosting;

namespace Kunskapsbank.Api.Problems;

/// <summary>What a browser gets instead of a JSON problem while the index is opening, or when it could not be opened.</summary>
/// <remarks>A support-line worker who opens the page mid-call should read plain Swedish, not a problem+json body, and
/// the page should come back by itself once the index is open (a 10,000-document index takes a few seconds).</remarks>
internal static class IndexUnavailablePage
{
    private const int RetrySeconds = 5;

    /// <summary>True for a page request from a browser: not the API or health endpoints, and HTML accepted.</summary>
    public static bool IsWantedBy(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Writes the 503 page: "starting, reloads itself", or "could not be opened" when opening failed.</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failed = context.RequestServices.GetService<IndexHost>()?.OpenError is not null;
        var (title, text) = failed
            ? ("Kunskapsbank kan inte söka just nu", "Sökindexet kunde inte öppnas. Kontakta den som driftar tjänsten; sidan försöker igen av sig själv.")
            : ("Kunskapsbank startar", "Sökindexet öppnas. Sidan laddas om av sig själv om några sekunder.");
        var refresh = failed ? 60 : RetrySeconds;
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"refresh\" content=\"").Append(refresh).Append("\">\n")
            .Append("<title>").Append(title).Append("</title>\n</head>\n<body>\n<main>\n<h1>").Append(title).Append("</h1>\n<p>")
            .Append(text).Append("</p>\n</main>\n</body>\n</html>\n")
            .ToString();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = refresh.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }
}
