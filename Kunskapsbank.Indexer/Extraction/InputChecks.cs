using System.Globalization;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Checks every extractor makes before reading a file: it exists, is not empty and not too large.</summary>
public static class InputChecks
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>A failure for an empty or oversized file, or null when the file may be read.</summary>
    public static ExtractionResult? CheckSize(string path, ExtractionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Unreadable, "Filen finns inte längre eller kunde inte öppnas.");
        }

        if (info.Length == 0)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Empty, "Filen är tom (0 byte).");
        }

        if (info.Length > limits.MaxInputBytes)
        {
            return ExtractionResult.Fail(
                ExtractionFailureKind.TooLarge,
                string.Create(Swedish, $"Filen är för stor ({Megabytes(info.Length)}); gränsen är {Megabytes(limits.MaxInputBytes)}."));
        }

        return null;
    }

    /// <summary>A Corrupt failure for a file that is not the format its name says; <paramref name="lookingLike"/> gets
    /// what the bytes look like ("en HTML-sida") when <see cref="FileSniffer"/> can tell.</summary>
    public static ExtractionResult NotItsFormat(ReadOnlySpan<byte> head, string unknown, Func<string, string> lookingLike)
    {
        ArgumentNullException.ThrowIfNull(lookingLike);
        var looksLike = FileSniffer.Describe(head);
        return ExtractionResult.Fail(ExtractionFailureKind.Corrupt, looksLike is null ? unknown : lookingLike(looksLike));
    }

    /// <summary>A Timeout failure: "<paramref name="subject"/> tog för lång tid att läsa (mer än N sekunder) …".</summary>
    /// <param name="subject">How the file is named in the sentence ("Filen", "PDF-filen").</param>
    public static ExtractionResult TookTooLong(string subject, ExtractionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return ExtractionResult.Fail(
            ExtractionFailureKind.Timeout,
            string.Create(Swedish, $"{subject} tog för lång tid att läsa (mer än {limits.Timeout.TotalSeconds:0} sekunder) och hoppades över."));
    }

    /// <summary>A byte count in megabytes, Swedish style ("12,5 MB").</summary>
    public static string Megabytes(long bytes) => string.Create(Swedish, $"{bytes / (1024.0 * 1024.0):0.#} MB");
}
