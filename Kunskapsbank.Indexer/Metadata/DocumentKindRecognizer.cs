using System.Globalization;
using System.Text.RegularExpressions;
using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>What the first page of a PDF says about itself: its kind and publisher (a government bill is a
/// proposition from Regeringen, "SOSFS 2014:4" a regulation from Socialstyrelsen), and its year (a dated line such as
/// "Stockholm den 6 mars 2014", the year in its series number, or a year alone on the title page).</summary>
/// <remarks>Only the head of the first page is read: a document that cites "SOU 2014:49" in its text is not an SOU.</remarks>
public static partial class DocumentKindRecognizer
{
    private const int HeadChars = 400;
    private const int PageChars = 3000;

    private static readonly string[] Months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    // Series of Swedish regulations and the agency that publishes each; HSLF-FS is shared, so its agency is read from the page.
    private static readonly Dictionary<string, string?> Regulations = new(StringComparer.Ordinal)
    {
        ["SOSFS"] = "Socialstyrelsen",
        ["HSLF-FS"] = null,
        ["AFS"] = "Arbetsmiljöverket",
        ["SKOLFS"] = "Skolverket",
        ["NFS"] = "Naturvårdsverket",
        ["MSBFS"] = "Myndigheten för samhällsskydd och beredskap",
        ["PMFS"] = "Polismyndigheten",
        ["FoHMFS"] = "Folkhälsomyndigheten",
        ["TLVFS"] = "Tandvårds- och läkemedelsförmånsverket",
    };

    private static readonly string[] HslfAgencies = ["Socialstyrelsen", "Folkhälsomyndigheten", "Läkemedelsverket", "Inspektionen för vård och omsorg", "E-hälsomyndigheten", "Tandvårds- och läkemedelsförmånsverket"];

    /// <summary>What the first page shows, or an empty result.</summary>
    public static RecognizedDocument Recognize(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var firstPage = string.Join("\n", document.Passages.TakeWhile(p => p.Page is null or 1).Select(p => p.Text));
        if (firstPage.Length > PageChars)
        {
            firstPage = firstPage[..PageChars];
        }

        var head = firstPage.Length > HeadChars ? firstPage[..HeadChars] : firstPage;
        var kind = Kind(head, firstPage);
        var year = YearFromText(firstPage) ?? kind?.Year ?? TitlePageYear(firstPage);
        return new RecognizedDocument(kind?.Kind, kind?.Publisher, kind?.Evidence, year?.Year, year?.Evidence);
    }

    private static (string Kind, string? Publisher, string Evidence, (int Year, string Evidence)? Year)? Kind(string head, string page)
    {
        if (Proposition().Match(head) is { Success: true } bill)
        {
            return ("proposition", "Regeringen", Quote(bill.Value), null);
        }

        if (head.Contains("Kommittédirektiv", StringComparison.Ordinal) && Directive().Match(head) is { Success: true } directive)
        {
            return ("kommittedirektiv", "Regeringen", Quote(directive.Value), YearOf(directive.Groups["year"].Value, directive.Value));
        }

        if (Inquiry().Match(head) is { Success: true } inquiry)
        {
            return ("utredning", "Regeringskansliet", Quote(inquiry.Value), YearOf(inquiry.Groups["year"].Value, inquiry.Value));
        }

        if (Regulation().Match(head) is { Success: true } regulation && Regulations.TryGetValue(regulation.Groups["series"].Value, out var agency))
        {
            agency ??= HslfAgencies.FirstOrDefault(name => page.Contains(name, StringComparison.Ordinal) || page.Contains(name + "s", StringComparison.Ordinal));
            return ("foreskrift", agency, Quote(regulation.Value), YearOf(regulation.Groups["year"].Value, regulation.Value));
        }

        return null;
    }

    private static (int Year, string Evidence)? YearFromText(string page)
    {
        var dated = DatedLine().Match(page);
        if (!dated.Success)
        {
            return null;
        }

        var month = Array.IndexOf(Months, dated.Groups["month"].Value.ToLowerInvariant()) + 1;
        var year = int.Parse(dated.Groups["year"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(dated.Groups["day"].Value, CultureInfo.InvariantCulture);
        return month > 0 && day is >= 1 and <= 31 && Plausible(year) ? (year, Quote(dated.Value)) : null;
    }

    private static (int Year, string Evidence)? TitlePageYear(string page)
    {
        // A year on a line of its own on the title page ("Exempelkommunens socialtjänst\n2025").
        var match = YearLine().Match(page);
        return match.Success && int.TryParse(match.Groups["year"].Value, CultureInfo.InvariantCulture, out var year) && Plausible(year)
            ? (year, Quote(match.Groups["year"].Value))
            : null;
    }

    private static (int Year, string Evidence)? YearOf(string digits, string evidence) =>
        int.TryParse(digits, CultureInfo.InvariantCulture, out var year) && Plausible(year) ? (year, Quote(evidence)) : null;

    private static bool Plausible(int year) => year >= 1900 && year <= DateTime.UtcNow.Year + 1;

    private static string Quote(string text) => $"”{TextCleanup.CollapseSpaces(text)}”";

    [GeneratedRegex(@"Regeringens\s+proposition\s+\d{4}/\d{2}:\d+|^Prop\.\s+\d{4}/\d{2}:\d+", RegexOptions.Multiline)]
    private static partial Regex Proposition();

    [GeneratedRegex(@"\bDir\.\s+(?<year>\d{4}):\d+")]
    private static partial Regex Directive();

    // A series number on a line of its own, as on a cover; one inside a sentence is a citation.
    [GeneratedRegex(@"^\s*(?:SOU|Ds)\s+(?<year>\d{4}):\d+\s*$", RegexOptions.Multiline)]
    private static partial Regex Inquiry();

    [GeneratedRegex(@"^\s*(?<series>SOSFS|HSLF-FS|AFS|SKOLFS|NFS|MSBFS|PMFS|FoHMFS|TLVFS)\s+(?<year>\d{4}):\d+\s*$", RegexOptions.Multiline)]
    private static partial Regex Regulation();

    // "Stockholm den 27 juni 2013", "regeringssammanträde den 11 februari 2016", "Utkom från trycket den 14 mars 2014".
    // A place name is capitalised; "träda i kraft den 1 januari 2014" is not a date of the document.
    [GeneratedRegex(@"(?:\b[A-ZÅÄÖ][a-zåäö]+|regeringssammanträde|trycket)\s+den\s+(?<day>\d{1,2})\s+(?<month>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(?<year>\d{4})\b")]
    private static partial Regex DatedLine();

    [GeneratedRegex(@"(?:^|\n)\s*(?<year>(?:19|20)\d{2})\s*(?:\n|$)")]
    private static partial Regex YearLine();
}

/// <summary>What <see cref="DocumentKindRecognizer"/> found on a first page; every part may be missing.</summary>
/// <param name="DocumentType">A `dokumenttyp` value id (proposition, kommittedirektiv, utredning, foreskrift).</param>
/// <param name="Publisher">The publisher that kind implies.</param>
/// <param name="KindEvidence">The words that showed the kind, quoted, for the report.</param>
/// <param name="YearEvidence">The words that showed the year, quoted, for the report.</param>
public sealed record RecognizedDocument(string? DocumentType, string? Publisher, string? KindEvidence, int? Year, string? YearEvidence);
