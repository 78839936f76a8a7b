using Kunskapsbank.Api.Hosting;

namespace Kunskapsbank.Api.Problems;

/// <summary>What a browser gets instead of a JSON problem while the index is opening, or when it could not be opened.</summary>
/// <remarks>A support-line worker who opens the page mid-call should read plain Swedish, not a problem+json body, and
/// the page should come back by itself once the index is open (a 10,000-document index takes a few seconds).</remarks>
internal static class IndexUnavailablePage
{
    private const int RetrySeconds = 5;

    /// <summary>Writes the 503 page: "starting, reloads itself", or "could not be opened" when opening failed.</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failed = context.RequestServices.GetService<IndexHost>()?.OpenError is not null;
        var (title, text) = failed
            ? ("Kunskapsbank kan inte söka just nu", "Sökindexet kunde inte öppnas. Kontakta den som driftar tjänsten; sidan försöker igen av sig själv.")
            : ("Kunskapsbank startar", "Sökindexet öppnas. Sidan laddas om av sig själv om några sekunder.");
        var refresh = failed ? 60 : RetrySeconds;
        await PlainErrorPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, title, text, refresh);
    }
}
