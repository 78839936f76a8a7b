namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Turns one file of a known format into title, properties and passages. Never tokenizes.</summary>
/// <remarks>Implementations never throw for bad input: a broken file is an <see cref="ExtractionResult"/> failure.</remarks>
public interface ITextExtractor
{
    /// <summary>Lower-case file extensions with the dot (".pdf") this extractor reads.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Extracts <paramref name="path"/>, honouring the time and size limits.</summary>
    ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken);
}
