using System.Text;

namespace Kunskapsbank.Api.Problems;

/// <summary>A minimal Swedish HTML page for a browser, written without MVC, for when the UI itself cannot answer.</summary>
/// <remarks>
/// Used while the index is opening and for unexpected exceptions on page requests: re-rendering the UI after it
/// threw may throw again, so this page depends on nothing. Ordinary 4xx pages come from the UI (`/fel/{status}`).
/// </remarks>
internal static class PlainErrorPage
{
    /// <summary>True for a page request from a browser: not the API or health endpoints, and HTML accepted.</summary>
    public static bool IsWantedBy(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Writes the page with <paramref name="status"/>; <paramref name="refreshSeconds"/> reloads it by itself.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string text, int? refreshSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (refreshSeconds is { } refresh)
        {
            html.Append("<meta http-equiv=\"refresh\" content=\"").Append(refresh).Append("\">\n");
            context.Response.Headers.RetryAfter = refresh.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        html.Append("<title>").Append(Encode(title)).Append("</title>\n</head>\n<body>\n<main>\n<h1>")
            .Append(Encode(title)).Append("</h1>\n<p>").Append(Encode(text))
            .Append("</p>\n<p><a href=\"/\">Till sökningen</a></p>\n</main>\n</body>\n</html>\n");
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }

    // Markup characters only: WebUtility.HtmlEncode would turn å, ä, ö into numeric entities.
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
