using System.Globalization;

namespace Kunskapsbank.Web.Models;

/// <summary>What a person reads when a page cannot be shown: a Swedish title, what happened, what to do.</summary>
/// <param name="RetryUrl">The address that failed, for "Försök igen" (429, 503), or null.</param>
/// <param name="RetryAfterSeconds">How long the service asked the browser to wait, when it said.</param>
public sealed record ErrorPage(int Status, string Title, string Text, string? RetryUrl, int? RetryAfterSeconds)
{
    /// <summary>The page for <paramref name="status"/>.</summary>
    public static ErrorPage For(int status, string? retryUrl, int? retryAfterSeconds)
    {
        var (title, text) = status switch
        {
            400 => ("Adressen kunde inte läsas", "Något i adressen gick inte att tolka. Kontrollera länken, eller börja om med en ny sökning."),
            404 => ("Sidan finns inte", "Det finns ingen sida på den här adressen. Den kan ha flyttats, eller så är länken felskriven."),
            405 => ("Det går inte att göra så här", "Sidan finns, men kan inte användas på det här sättet. Börja om från sökningen."),
            414 => ("Adressen är för lång", "Sökningen eller adressen är för lång för att tas emot. Korta ned sökningen och försök igen."),
            429 => ("Många sökningar just nu", Wait(retryAfterSeconds)),
            431 => ("Webbläsaren skickade för mycket", "Webbläsaren skickade för mycket extra information, oftast för många eller för stora kakor (cookies). Rensa kakorna för den här webbplatsen och försök igen."),
            503 => ("Kunskapsbank kan inte svara just nu", "Tjänsten är tillfälligt upptagen eller startar. Försök igen om en liten stund."),
            >= 500 => ("Något gick fel hos oss", "Ett oväntat fel inträffade. Försök igen om en stund, och kontakta förvaltningen om felet består."),
            _ => ("Sidan kunde inte visas", "Begäran kunde inte utföras. Börja om från sökningen."),
        };
        var retry = status is 429 or 503 or 408 ? retryUrl : null;
        return new ErrorPage(status, title, text, retry, retryAfterSeconds);
    }

    private static string Wait(int? seconds) =>
        "Det har kommit väldigt många sökningar från ditt nätverk på kort tid. " +
        (seconds is { } s and > 0
            ? $"Vänta {s.ToString(CultureInfo.InvariantCulture)} {(s == 1 ? "sekund" : "sekunder")} och försök igen."
            : "Vänta en liten stund och försök igen.") +
        " Ingenting har gått förlorat.";
}
