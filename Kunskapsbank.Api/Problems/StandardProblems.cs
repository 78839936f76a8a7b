namespace Kunskapsbank.Api.Problems;

/// <summary>The Swedish slug, title and detail for an HTTP status that carries no more specific explanation.</summary>
public static class StandardProblems
{
    /// <summary>What to say for <paramref name="status"/>.</summary>
    public static (string Slug, string Title, string Detail) For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("ogiltig-begaran", "Ogiltig begäran", "Begäran kunde inte tolkas. Kontrollera adressen och parametrarna."),
        StatusCodes.Status401Unauthorized => ("fel-api-nyckel", "Nyckel saknas eller är fel", "Den här funktionen kräver en giltig nyckel."),
        StatusCodes.Status403Forbidden => ("atkomst-nekad", "Åtkomst nekad", "Du har inte behörighet till det här."),
        StatusCodes.Status404NotFound => ("hittades-inte", "Sidan finns inte", "Det finns ingenting på den här adressen."),
        StatusCodes.Status405MethodNotAllowed => ("metoden-stods-inte", "Metoden stöds inte", "Adressen finns, men inte för den här HTTP-metoden."),
        StatusCodes.Status406NotAcceptable => ("formatet-stods-inte", "Formatet stöds inte", "Svaret kan bara ges som JSON."),
        StatusCodes.Status408RequestTimeout => ("tidsgrans", "Tiden tog slut", "Begäran tog för lång tid. Försök igen."),
        StatusCodes.Status411LengthRequired => ("langd-saknas", "Längd saknas", "Begäran måste ange sin längd."),
        StatusCodes.Status413PayloadTooLarge => ("for-stor-begaran", "För stor begäran", "Begäran är för stor."),
        StatusCodes.Status414UriTooLong => ("for-lang-adress", "För lång adress", "Adressen är för lång. Korta ned sökningen."),
        StatusCodes.Status415UnsupportedMediaType => ("innehallstypen-stods-inte", "Innehållstypen stöds inte", "Skicka ingen kropp, eller JSON."),
        StatusCodes.Status416RangeNotSatisfiable => ("ogiltigt-intervall", "Ogiltigt intervall", "Det begärda intervallet ligger utanför filen."),
        StatusCodes.Status429TooManyRequests => ("for-manga-forfragningar", "För många sökningar", "Du har gjort många sökningar på kort tid. Vänta en stund och försök igen."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("for-stora-huvuden", "För stora huvuden", "Begärans huvuden är för stora."),
        StatusCodes.Status503ServiceUnavailable => ("tjansten-startar", "Söktjänsten startar", "Sökindexet öppnas. Försök igen om en liten stund."),
        >= 500 => ("internt-fel", "Något gick fel hos oss", "Ett oväntat fel inträffade. Försök igen, och kontakta förvaltningen om felet består."),
        _ => ("fel", "Begäran kunde inte utföras", "Begäran kunde inte utföras."),
    };
}
