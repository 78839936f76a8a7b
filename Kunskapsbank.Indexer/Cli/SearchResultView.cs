using System.Globalization;
using System.Net;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>A search response as a person reads it in a terminal: a table of hits (document, then where the answer
/// is, matched words marked), then the facet counts, with labels instead of ids.</summary>
/// <param name="colour">Mark matched words with colour; otherwise with »…«, which survives a pipe and a log.</param>
internal sealed class SearchResultView(FacetLabels labels, bool colour)
{
    private static readonly Style Marked = new(Color.Yellow, decoration: Decoration.Bold);
    private static readonly Style Quiet = new(decoration: Decoration.Dim);

    /// <summary>Writes the response; <paramref name="page"/> and <paramref name="pageSize"/> number the hits.</summary>
    public void Write(SearchResponse response, int page, int pageSize, IAnsiConsole output)
    {
        if (response.CorrectedQuery is not null)
        {
            output.WriteLine($"Inga träffar på det du skrev. Visar träffar för ”{response.CorrectedQuery}”.");
        }
        else if (response.Suggestion is not null)
        {
            output.WriteLine($"Menade du ”{response.Suggestion}”?");
        }

        if (response.PartialMatch)
        {
            output.WriteLine("Inget dokument innehåller alla orden. Här är de som innehåller några av dem.");
        }

        var pages = (response.Total + pageSize - 1) / pageSize;
        output.WriteLine(response.Total == 0
            ? "Inga träffar."
            : SwedishText.Count(response.Total, "träff", "träffar") + (pages > 1 ? $", sida {page} av {pages}." : "."));
        if (response.Hits.Count > 0)
        {
            var table = new Table { Border = TableBorder.Rounded, ShowRowSeparators = true };
            table.AddColumn(new TableColumn(new Text("Nr")) { NoWrap = true, Alignment = Justify.Right });
            table.AddColumn(new TableColumn(new Text("Dokument")));
            table.AddColumn(new TableColumn(new Text("Var svaret står")));
            var rank = (page - 1) * pageSize;
            foreach (var hit in response.Hits)
            {
                table.AddRow(new Text(SwedishText.Number(++rank)), Document(hit), Passages(hit));
            }

            output.Write(table);
        }

        var facets = new Grid().AddColumn(new GridColumn { NoWrap = true }).AddColumn();
        foreach (var (facet, values) in response.Facets.Where(f => f.Value.Count > 0))
        {
            facets.AddRow(
                new Text(labels.Facet(facet), Quiet),
                new Text(string.Join(", ", values.Select(v => $"{v.Label} ({SwedishText.Number(v.Count)}){(v.Selected ? " ✓" : string.Empty)}"))));
        }

        if (facets.Rows.Count > 0)
        {
            output.WriteLine();
            output.Write(facets);
        }

        if (response.Explain is { } explain)
        {
            output.WriteLine();
            output.WriteLine($"Tolkad fråga: {explain.ParsedQuery}");
            output.WriteLine($"Termer: {string.Join("; ", explain.Terms)}");
            output.WriteLine($"Lucene-fråga: {explain.LuceneQuery}");
            output.WriteLine("Tider (ms): " + string.Join(", ", explain.TimingsMs.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:0.###}"))));
        }
    }

    private Rows Document(SearchHit hit)
    {
        var facts = new[]
        {
            hit.Publisher,
            hit.Year?.ToString(CultureInfo.InvariantCulture),
            labels.DocumentType(hit.DocumentType),
            labels.Value(FacetIds.Status, hit.Status),
        };
        var lines = new List<IRenderable>
        {
            new Text(hit.Title, new Style(decoration: Decoration.Bold)),
            new Text(hit.Path, Quiet),
            new Text(string.Join(" · ", facts.Where(f => !string.IsNullOrEmpty(f)))),
        };
        if (hit.ReplacedBy is { } replacement)
        {
            lines.Add(new Text($"Ersatt av: {replacement.Title}"));
        }

        return new Rows(lines);
    }

    private IRenderable Passages(SearchHit hit)
    {
        if (hit.TitleOnly)
        {
            return new Text("Orden finns i titeln men i inget stycke.", Quiet);
        }

        if (hit.Passages.Count == 0)
        {
            return new Text("–", Quiet);
        }

        var paragraph = new Paragraph();
        for (var i = 0; i < hit.Passages.Count; i++)
        {
            var passage = hit.Passages[i];
            if (i > 0)
            {
                paragraph.Append("\n\n");
            }

            var where = passage.Page is int number ? $"s. {number}" : passage.Heading ?? "Början";
            paragraph.Append(where + (passage.IsOcr ? " (tolkad text)" : string.Empty) + ": ", Quiet);
            AppendSnippet(paragraph, passage.Snippet);
        }

        return paragraph;
    }

    // The snippet is HTML with the matched words in <mark>; the terminal gets the text, the marks as colour or »…«.
    private void AppendSnippet(Paragraph paragraph, string snippet)
    {
        var pieces = snippet.Split("<mark>");
        paragraph.Append(WebUtility.HtmlDecode(pieces[0]));
        foreach (var piece in pieces.Skip(1))
        {
            var end = piece.IndexOf("</mark>", StringComparison.Ordinal);
            var marked = WebUtility.HtmlDecode(end < 0 ? piece : piece[..end]);
            if (colour)
            {
                paragraph.Append(marked, Marked);
            }
            else
            {
                paragraph.Append($"»{marked}«");
            }

            if (end >= 0)
            {
                paragraph.Append(WebUtility.HtmlDecode(piece[(end + "</mark>".Length)..]));
            }
        }
    }
}
