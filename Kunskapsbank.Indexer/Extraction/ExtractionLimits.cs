namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Caps that keep one hostile file from hurting the run.</summary>
/// <param name="Timeout">Wall-clock limit for one file (child processes are killed after it).</param>
/// <param name="MaxInputBytes">Largest file read at all.</param>
/// <param name="MaxTextChars">Extracted text beyond this is cut, with a note.</param>
/// <param name="MaxDecompressedBytes">Total uncompressed size allowed inside a zip container (.docx).</param>
public sealed record ExtractionLimits(
    TimeSpan Timeout,
    long MaxInputBytes,
    int MaxTextChars,
    long MaxDecompressedBytes)
{
    /// <summary>Defaults sized for long public reports, not for hostile files.</summary>
    public static ExtractionLimits Default { get; } = new(
        Timeout: TimeSpan.FromSeconds(60),
        MaxInputBytes: 200L * 1024 * 1024,
        MaxTextChars: 10_000_000,
        MaxDecompressedBytes: 256L * 1024 * 1024);
}
