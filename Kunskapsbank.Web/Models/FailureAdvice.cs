namespace Kunskapsbank.Web.Models;

/// <summary>What an editor can do about a file that could not be indexed, per failure kind.</summary>
/// <remarks>
/// The engine's reason says what is wrong with this file; the advice says what to do next, in the steps editors
/// know from Word and Acrobat. Kinds are the engine's stable slugs (`encrypted`, `corrupt`, `needs-ocr` …).
/// </remarks>
public static class FailureAdvice
{
    /// <summary>A short Swedish name of the failure kind ("Lösenordsskyddad").</summary>
    public static string Label(string? kind) => kind switch
    {
        "encrypted" => "Lösenordsskyddad",
        "corrupt" => "Skadad eller fel filtyp",
        "needs-ocr" => "Bara bilder, ingen text",
        "too-large" => "För stor",
        "timeout" => "Tog för lång tid att läsa",
        "empty" => "Ingen text",
        "unsupported-format" => "Filformatet stöds inte",
        "unreadable" => "Kunde inte öppnas",
        "metadata" => "Fel i sidofilen",
        _ => "Kunde inte läsas",
    };

    /// <summary>What to do, as one or two plain sentences.</summary>
    public static string For(string? kind) => kind switch
    {
        "encrypted" =>
            "Spara filen utan lösenord och lägg den i mappen igen. I Acrobat: Arkiv › Egenskaper › Säkerhet › " +
            "Ingen säkerhet. I Word: Arkiv › Info › Skydda dokument › Kryptera med lösenord, töm rutan och spara.",
        "corrupt" =>
            "Öppna filen i programmet den gjordes i och spara den på nytt som PDF eller Word (.docx). Går den inte " +
            "att öppna: hämta en ny kopia från källan – filen kan ha blivit avbruten vid nedladdningen eller ha fel filändelse.",
        "needs-ocr" =>
            "Filen är inskannade bilder som inte gick att läsa. Be utgivaren om en version med text, eller skanna " +
            "om den med textigenkänning (OCR) och minst 300 dpi, och lägg den nya filen i mappen.",
        "too-large" =>
            "Dela upp dokumentet i mindre filer (till exempel per kapitel), eller spara det som PDF med " +
            "”Minska filstorlek” så att bilderna tar mindre plats.",
        "timeout" =>
            "Spara filen på nytt (i Acrobat: Arkiv › Spara som annan › Optimerad PDF) eller dela upp den, och lägg " +
            "den i mappen igen. Går det fortfarande inte, kontakta förvaltningen.",
        "empty" =>
            "Kontrollera att det är rätt fil och att texten finns i den. Är sidorna inskannade bilder behöver den " +
            "textigenkänning (OCR) innan den läggs i mappen.",
        "unsupported-format" =>
            "Spara dokumentet som PDF, Word (.docx), Markdown, HTML eller vanlig text och lägg den filen i mappen i stället.",
        "unreadable" =>
            "Kontrollera att filen finns kvar och att tjänsten får läsa den. En genväg eller länk som pekar utanför " +
            "dokumentmappen läses aldrig – lägg själva filen i mappen.",
        "metadata" =>
            "Rätta sidofilen (.meta.yml) på raden som anges: värdena ska finnas i taxonomin (taxonomi.yml). " +
            "Dokumentet blir sökbart så snart sidofilen är sparad.",
        _ =>
            "Spara filen på nytt som PDF eller Word (.docx) och lägg den i mappen igen. Kontakta förvaltningen om det inte hjälper.",
    };
}
