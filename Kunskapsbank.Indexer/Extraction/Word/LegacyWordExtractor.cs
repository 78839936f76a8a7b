using System.ComponentModel;
using System.Text.RegularExpressions;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Extraction.Word;

/// <summary>Legacy Word (.doc, Word 6/95 and 97–2003): text through catdoc, run as a child process with a time limit.</summary>
/// <remarks>Regional routines and older guidance still circulate as .doc, and an editor cannot always re-save a file she
/// did not write. catdoc is one small Debian package; when it is missing the file gets a report line that says so.
/// The binary format carries no reliable headings or pages for catdoc to give, so passages are plain paragraphs.</remarks>
public sealed partial class LegacyWordExtractor(ProcessRunner runner) : ITextExtractor
{
    /// <summary>The report line for a .doc file when catdoc is not installed.</summary>
    public const string ToolMissing = "Word 97–2003-format (.doc) kan bara läsas när verktyget catdoc (Debian-paketet catdoc) finns på servern. Spara dokumentet som .docx eller PDF, eller be den som sköter tjänsten att installera catdoc.";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".doc"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (InputChecks.CheckSize(path, limits) is { } tooLarge)
        {
            return tooLarge;
        }

        var head = FileSniffer.ReadHead(path);
        if (!FileSniffer.IsOle(head))
        {
            return InputChecks.NotItsFormat(
                head,
                "Filen heter .doc men är inget Word-dokument och kunde inte läsas.",
                looksLike => $"Filen heter .doc men är inget Word-dokument; den ser ut att vara {looksLike}.");
        }

        ProcessOutcome outcome;
        try
        {
            // -w: one paragraph per line, no wrapping; a full path never starts with "-", so it cannot pass for an option.
            var maxOutput = (int)Math.Min(int.MaxValue - 1L, (long)limits.MaxTextChars * 2);
            outcome = runner.Run("catdoc", ["-d", "utf-8", "-w", Path.GetFullPath(path)], limits.Timeout, maxOutput, cancellationToken);
        }
        catch (Win32Exception)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.UnsupportedFormat, ToolMissing);
        }

        if (outcome.TimedOut)
        {
            return InputChecks.TookTooLong("Word-filen", limits);
        }

        if (outcome.ExitCode != 0 && !outcome.OutputCapped)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Corrupt, "Word-filen (.doc) är skadad eller i en variant som inte kan läsas. Spara den som .docx eller PDF.");
        }

        var builder = new PassageBuilder(limits.MaxTextChars);
        if (outcome.OutputCapped)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        var text = WithoutFieldCodes(TextCleanup.Normalize(outcome.StandardOutput));
        var paragraphs = text.Split('\n').Select(TextCleanup.CollapseSpaces).Where(line => line.Length > 0).ToList();
        builder.AddParagraphs(paragraphs, page: null, headingPath: []);
        return builder.Count == 0
            ? ExtractionResult.Fail(ExtractionFailureKind.Empty, "Word-dokumentet innehåller ingen text.")
            : ExtractionResult.Success(builder.Build(DocumentProperties.Empty));
    }

    /// <summary>Removes the field instructions catdoc prints as text (tables of contents, page references, links).</summary>
    public static string WithoutFieldCodes(string text) => FieldCode().Replace(text ?? string.Empty, " ");

    [GeneratedRegex(@"\bTOC(?:\s+\\[a-z](?:\s+""[^""]*"")?)+|\bPAGEREF\s+_Toc\d+(?:\s+\\[a-z])*(?:\s+\d+)?|\bHYPERLINK\s+(?:\\l\s+)?""[^""]*""|\\\*\s*MERGEFORMAT")]
    private static partial Regex FieldCode();
}
