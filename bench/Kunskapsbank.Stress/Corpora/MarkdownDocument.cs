using System.Text;

namespace Kunskapsbank.Stress.Corpora;

/// <summary>A small Markdown document in the benchmark corpus format (front matter, headings, paragraphs).</summary>
public static class MarkdownDocument
{
    private static readonly string[] Sentences =
    [
        "Våld i nära relationer är ett allvarligt samhällsproblem som drabbar kvinnor, män och barn.",
        "Socialtjänsten ska erbjuda stöd och skydd till den som utsatts för våld av en närstående.",
        "Hedersrelaterat våld och förtryck kan ta sig uttryck i kontroll, hot och tvång.",
        "En strukturerad riskbedömning hjälper yrkesverksamma att bedöma risken för upprepat våld.",
        "Barn som upplever våld i hemmet är brottsoffer och har rätt till stöd.",
        "Samverkan mellan polis, skola och hälso- och sjukvård är avgörande för ett gott skydd.",
        "Könsstympning av flickor är förbjuden i Sverige sedan 1982.",
        "Tvångsäktenskap och barnäktenskap är brott enligt brottsbalken.",
    ];

    private static readonly string[] Amnen = ["hedersrelaterat-vald", "riskbedomning", "samverkan", "trauma", "lagstiftning"];
    private static readonly string[] Malgrupper = ["valdsutsatta-kvinnor", "barn-som-upplever-vald", "unga", "aldre"];
    private static readonly string[] Yrkesgrupper = ["socialtjanst", "polis", "skola", "halso-och-sjukvard"];

    /// <summary>The text of document <paramref name="number"/>, carrying <paramref name="marker"/> in its last paragraph.</summary>
    public static string Create(int number, string marker, int paragraphs = 4)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append($"title: \"Stresstest dokument {number}\"\n");
        text.Append($"malgrupp: [{Malgrupper[number % Malgrupper.Length]}]\n");
        text.Append($"amne: [{Amnen[number % Amnen.Length]}]\n");
        text.Append($"yrkesgrupp: [{Yrkesgrupper[number % Yrkesgrupper.Length]}]\n");
        text.Append($"year: {2000 + (number % 25)}\n");
        text.Append("publisher: \"Kunskapsbank stresstest\"\n");
        text.Append("---\n\n");
        for (var p = 0; p < paragraphs; p++)
        {
            text.Append($"## Avsnitt {p + 1}\n\n");
            for (var s = 0; s < 3; s++)
            {
                text.Append(Sentences[(number + p + s) % Sentences.Length]).Append(' ');
            }

            text.Append("\n\n");
        }

        text.Append($"Kännetecken för just detta dokument: {marker}.\n");
        return text.ToString();
    }

    /// <summary>Writes <paramref name="count"/> documents into folders of 100, each with its own marker word.</summary>
    /// <returns>The relative path and marker of every document.</returns>
    public static IReadOnlyList<(string RelativePath, string Marker)> WriteCorpus(string root, int count, MarkerWords markers)
    {
        ArgumentNullException.ThrowIfNull(markers);
        var written = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var relative = $"{i / 100:D2}/stress-{i:D5}.md";
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var marker = markers.Next();
            File.WriteAllText(path, Create(i, marker, 3 + (i % 5)));
            written.Add((relative, marker));
        }

        return written;
    }
}
