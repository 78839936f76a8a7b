namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Either an extracted document or the reason a file could not be read.</summary>
public sealed record ExtractionResult
{
    private ExtractionResult(ExtractedDocument? document, ExtractionFailure? failure)
    {
        Document = document;
        Failure = failure;
    }

    /// <summary>The document, when extraction succeeded.</summary>
    public ExtractedDocument? Document { get; }

    /// <summary>Why extraction failed, when it did.</summary>
    public ExtractionFailure? Failure { get; }

    /// <summary>True when <see cref="Document"/> is set.</summary>
    public bool Succeeded => Document is not null;

    /// <summary>A successful extraction.</summary>
    public static ExtractionResult Success(ExtractedDocument document) => new(document, null);

    /// <summary>A failed extraction with a Swedish reason for the report.</summary>
    public static ExtractionResult Fail(ExtractionFailureKind kind, string message) => new(null, new ExtractionFailure(kind, message));
}

/// <summary>Why a file was not indexed.</summary>
/// <param name="Kind">A stable category (used in the report and the API).</param>
/// <param name="Message">A plain, polite Swedish sentence an editor can act on.</param>
public sealed record ExtractionFailure(ExtractionFailureKind Kind, string Message);

/// <summary>Stable categories of extraction failure.</summary>
public enum ExtractionFailureKind
{
    /// <summary>The file format is not supported (e.g. legacy .doc).</summary>
    UnsupportedFormat,

    /// <summary>The file is empty or holds no text.</summary>
    Empty,

    /// <summary>The file is damaged or not what its extension says.</summary>
    Corrupt,

    /// <summary>The file needs a password.</summary>
    Encrypted,

    /// <summary>Only images, no text layer.</summary>
    NeedsOcr,

    /// <summary>Larger than the configured caps (including zip bombs).</summary>
    TooLarge,

    /// <summary>The extractor ran out of time.</summary>
    Timeout,

    /// <summary>The file could not be read (permissions, vanished, symlink out of the corpus).</summary>
    Unreadable,
}
