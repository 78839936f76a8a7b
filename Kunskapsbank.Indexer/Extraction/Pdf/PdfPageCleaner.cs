namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>Turns the pages of one document into clean paragraphs: layout repaired (<see cref="LayoutLines"/>), running
/// headers, footers and page numbers removed (<see cref="RunningLines"/>), tables of contents removed
/// (<see cref="TableOfContents"/>), lines joined into paragraphs (<see cref="PdfParagraphs"/>).</summary>
/// <remarks>Running lines are found across all pages at once, text pages and OCR pages alike.</remarks>
public static class PdfPageCleaner
{
    /// <summary>The paragraphs of every page; one entry per input page (possibly empty).</summary>
    /// <param name="cancellationToken">Checked per page: the file's time limit reaches this in-process work too.</param>
    public static List<List<string>> Clean(IReadOnlyList<PdfPageLayout> pages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var lines = pages.Select(page =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return LayoutLines.From(page);
        }).ToList();
        RunningLines.Remove(lines, pages.Select(p => p.Height).ToList());
        foreach (var page in lines)
        {
            TableOfContents.Remove(page);
        }

        return lines.Select((page, i) => PdfParagraphs.Build(page, blocksAreParagraphs: pages[i].IsOcr)).ToList();
    }
}
