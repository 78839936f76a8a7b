using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Kunskapsbank.Web.Models;

/// <summary>How a document and a place in it are named to a reader: status, source line, links to the original.</summary>
public static class SourceText
{
    /// <summary>The visible mark of a passage read from a scanned page by OCR.</summary>
    public const string OcrLabel = "tolkad text";

    /// <summary>What <see cref="OcrLabel"/> means, for screen readers beside the mark and in full on the document page.</summary>
    public const string OcrExplanation = "läst med textigenkänning (OCR) ur en inskannad sida och kan innehålla läsfel";

    /// <summary>True when the original is a PDF, so a page can be opened directly.</summary>
    public static bool IsPdf(string path) => path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Utgivare 2021" (whatever of the two is known).</summary>
    public static string PublisherAndYear(string? publisher, int? year)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(publisher))
        {
            parts.Add(publisher);
        }

        if (year is { } y)
        {
            parts.Add(y.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }

    /// <summary>"s. 3" or the heading, or null when the place is unknown.</summary>
    public static string? Place(int? page, string? heading) =>
        page is { } p ? $"s. {p.ToString(CultureInfo.InvariantCulture)}" : string.IsNullOrWhiteSpace(heading) ? null : heading;

    /// <summary>"Titel, Utgivare 2021, s. 3": what follows a quoted passage; " (tolkad text)" when OCR read it.</summary>
    public static string Citation(string title, string? publisher, int? year, int? page, string? heading, bool isOcr = false)
    {
        var builder = new StringBuilder(title);
        var source = PublisherAndYear(publisher, year);
        if (source.Length > 0)
        {
            builder.Append(", ").Append(source);
        }

        var place = Place(page, heading);
        if (place is not null)
        {
            builder.Append(", ").Append(place);
        }

        if (isOcr)
        {
            // Whoever reads the copied quote should know it may hold OCR misreadings.
            builder.Append(" (").Append(OcrLabel).Append(')');
        }

        return builder.ToString();
    }

    /// <summary>The original file, opened at <paramref name="page"/> for PDFs.</summary>
    public static string FileUrl(long documentId, string path, int? page)
    {
        var url = $"/api/documents/{documentId.ToString(CultureInfo.InvariantCulture)}/file";
        return IsPdf(path) && page is { } p ? $"{url}#page={p.ToString(CultureInfo.InvariantCulture)}" : url;
    }

    /// <summary>A short human name of the file type for the download link.</summary>
    public static string FileKind(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".PDF" => "PDF",
        ".DOCX" => "Word",
        ".DOC" => "Word",
        ".MD" => "text",
        ".TXT" => "text",
        var other when other.Length > 1 => other[1..],
        _ => "fil",
    };

    /// <summary>The engine's snippet as HTML: its &lt;mark&gt; tags kept, any other angle bracket escaped.</summary>
    /// <remarks>
    /// The engine already HTML-escapes the text and adds only &lt;mark&gt;; this is the belt to its braces, so a
    /// document containing markup can never inject it into the page even if that contract were broken.
    /// </remarks>
    public static IHtmlContent SnippetHtml(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var builder = new StringBuilder(snippet.Length + 16);
        var rest = snippet.AsSpan();
        while (rest.Length > 0)
        {
            var open = rest.IndexOf("<mark>", StringComparison.Ordinal);
            var close = rest.IndexOf("</mark>", StringComparison.Ordinal);
            var next = open < 0 ? close : close < 0 ? open : Math.Min(open, close);
            var text = next < 0 ? rest : rest[..next];
            foreach (var c in text)
            {
                builder.Append(c switch { '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
            }

            if (next < 0)
            {
                break;
            }

            var tag = next == open ? "<mark>" : "</mark>";
            builder.Append(tag);
            rest = rest[(next + tag.Length)..];
        }

        return new HtmlString(builder.ToString());
    }
}
