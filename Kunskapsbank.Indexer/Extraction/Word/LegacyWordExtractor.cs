namespace Kunskapsbank.Indexer.Extraction.Word;

/// <summary>Legacy Word (.doc, Word 97–2003 and older): recognised and reported, not read.</summary>
/// <remarks>Reading the binary format needs antiword or catdoc, which would be one more server dependency for a format
/// editors can re-save in seconds; a clear report line is the better trade.</remarks>
public sealed class LegacyWordExtractor : ITextExtractor
{
    /// <summary>The report line for a .doc file.</summary>
    public const string Unsupported = "Word 97–2003-format (.doc) stöds inte. Spara dokumentet som .docx eller PDF.";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".doc"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return InputChecks.CheckSize(path, limits) ?? ExtractionResult.Fail(ExtractionFailureKind.UnsupportedFormat, Unsupported);
    }
}
