namespace Kunskapsbank.Indexer.Extraction;

/// <summary>What an extractor produced: clean text as passages, plus the file's own properties.</summary>
/// <param name="Properties">Metadata the file itself carries (PDF info, Word core properties, Markdown front matter).</param>
/// <param name="Passages">Paragraph-sized passages with their page or heading path, in document order.</param>
/// <param name="Notes">Swedish notes for the indexing report that did not stop extraction (e.g. text capped).</param>
public sealed record ExtractedDocument(
    DocumentProperties Properties,
    IReadOnlyList<ExtractedPassage> Passages,
    IReadOnlyList<string> Notes)
{
    /// <summary>Scanned pages left for OCR (extraction with <see cref="ExtractionLimits.DeferOcr"/>): the passages hold
    /// only the pages with text; the background OCR queue reads these and extracts the file again.</summary>
    public IReadOnlyList<Ocr.OcrPageRequest> ScannedPages { get; init; } = [];
}

/// <summary>One unit of matching: a paragraph-sized piece of a PDF page or of a section under a heading (see
/// <see cref="PassageBuilder"/> for the rule).</summary>
/// <param name="Text">Clean text (artefacts removed, NFC); paragraphs separated by a blank line; at most about
/// <see cref="PassageBuilder.TargetPassageChars"/> characters.</param>
/// <param name="Page">1-based page number for paged formats, otherwise null.</param>
/// <param name="HeadingPath">The headings above this passage, outermost first; empty when there are none.</param>
/// <param name="Offset">Offset of <paramref name="Text"/> in the whole document's text (passages joined by "\n\n").</param>
public sealed record ExtractedPassage(string Text, int? Page, IReadOnlyList<string> HeadingPath, int Offset)
{
    /// <summary>True when the text was read from a scanned image by OCR ("tolkad text"): it may hold misread words.</summary>
    public bool IsOcr { get; init; }

    /// <summary>The innermost heading, or null.</summary>
    public string? Heading => HeadingPath.Count > 0 ? HeadingPath[^1] : null;
}

/// <summary>Properties a file carries about itself; everything optional.</summary>
/// <param name="Fields">Other named fields, e.g. Markdown front matter (`publisher`, `year`, `malgrupp` …), lists kept as lists.</param>
public sealed record DocumentProperties(
    string? Title = null,
    string? Author = null,
    string? Subject = null,
    IReadOnlyList<string>? Keywords = null,
    DateTimeOffset? Created = null,
    DateTimeOffset? Modified = null,
    int? PageCount = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Fields = null)
{
    /// <summary>No properties at all.</summary>
    public static DocumentProperties Empty { get; } = new();
}
