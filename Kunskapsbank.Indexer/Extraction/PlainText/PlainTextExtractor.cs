namespace Kunskapsbank.Indexer.Extraction.PlainText;

/// <summary>Plain text: encoding detected, paragraphs at blank lines, passages of a few paragraphs each.</summary>
/// <remarks>No heading guessing: a short line in a text file is as often a list item as a heading, and a wrong
/// heading path is worse than none.</remarks>
public sealed class PlainTextExtractor : ITextExtractor
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (InputChecks.CheckSize(path, limits) is { } failure)
        {
            return failure;
        }

        var read = TextFileReader.Read(path, limits.MaxTextChars, cancellationToken);
        var builder = new PassageBuilder(limits.MaxTextChars);
        if (read.Truncated)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        builder.AddParagraphs(TextCleanup.SplitParagraphs(TextCleanup.Normalize(read.Text)), page: null, headingPath: []);
        if (builder.Count == 0)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Empty, "Textfilen innehåller ingen text.");
        }

        return ExtractionResult.Success(builder.Build(DocumentProperties.Empty));
    }
}
