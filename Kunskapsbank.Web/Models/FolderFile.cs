using System.Security.Cryptography;
using System.Text;
using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Web.Models;

/// <summary>Where a file of the document folder stands, in the order the page lists them: failures first.</summary>
public enum FileState
{
    /// <summary>Could not be indexed; the reason and what to do are shown.</summary>
    Failed,

    /// <summary>Seen to change and being read now (or about to be).</summary>
    Reading,

    /// <summary>Scanned pages being read by OCR in the background; not yet searchable.</summary>
    Ocr,

    /// <summary>Indexed: its document can be found.</summary>
    Searchable,
}

/// <summary>One file on the Dokumentmappen page: its state in words, why it failed and what to do, its document and tags.</summary>
/// <param name="Path">Relative to the corpus, forward slashes.</param>
/// <param name="StateLabel">"Sökbar", "Läses", "OCR pågår, sida 3 av 12" or "Misslyckades".</param>
/// <param name="Reason">The engine's Swedish reason a file failed.</param>
/// <param name="Advice">What an editor can do about it (<see cref="FailureAdvice"/>).</param>
/// <param name="Size">Size in bytes when it was handled; null for a file not yet read.</param>
/// <param name="Modified">The file's modification time when it was handled.</param>
/// <param name="RecordedAt">When it was indexed or failed.</param>
/// <param name="Problems">Notes that did not stop indexing (a sidecar value not in the taxonomy …).</param>
/// <param name="OcrNote">For a searchable scanned file: that OCR read it, and how much.</param>
public sealed record FolderFile(
    string Path,
    FileState State,
    string StateLabel,
    long? DocumentId,
    string? Title,
    string? FailureKind,
    string? Reason,
    string? Advice,
    long? Size,
    DateTimeOffset? Modified,
    DateTimeOffset? RecordedAt,
    IReadOnlyList<FolderTag> Tags,
    IReadOnlyList<string> Problems,
    string? OcrNote)
{
    /// <summary>A file the index knows, seen through the report; <paramref name="beingRead"/> when it changed again since.</summary>
    public static FolderFile From(ReportedFile file, ReportedDocument? document, bool beingRead, TaxonomyLabels labels)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(labels);
        var (state, label) = StateOf(file, beingRead);
        var failed = state == FileState.Failed;
        var tags = document?.Tags.Select(t => new FolderTag(labels.Facet(t.Facet), labels.Value(t.Facet, t.Value), SourceLabel(t.Source), t.Reason)).ToList();
        var ocrNote = state == FileState.Searchable && file.Ocr is { } ocr
            ? $"Inskannad: {ocr.Message}. Texten är {SourceText.OcrLabel} och kan innehålla läsfel."
            : null;
        return new FolderFile(
            file.Path,
            state,
            label,
            document?.Id ?? file.DocumentId,
            document?.Title ?? file.Title,
            failed ? file.FailureKind : null,
            failed ? file.Reason : null,
            failed ? FailureAdvice.For(file.FailureKind) : null,
            file.Size,
            file.Modified,
            file.RecordedAt,
            tags ?? [],
            document?.Problems ?? [],
            ocrNote);
    }

    /// <summary>The state of a file the index knows, and its label; a file changed again since is being read.</summary>
    public static (FileState State, string Label) StateOf(ReportedFile file, bool beingRead)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.State switch
        {
            // OCR running says more ("sida 3 av 12") than "Läses", and the file is being read either way.
            "ocr" => (FileState.Ocr, file.Ocr?.Message ?? "OCR pågår"),
            _ when beingRead => (FileState.Reading, "Läses"),
            "failed" => (FileState.Failed, "Misslyckades"),
            "indexed" => (FileState.Searchable, "Sökbar"),
            _ => (FileState.Reading, "Läses"),
        };
    }

    /// <summary>A file the index does not know yet: seen in the folder and waiting to be read.</summary>
    public static FolderFile Waiting(string path) =>
        new(path, FileState.Reading, "Läses", null, null, null, null, null, null, null, null, [], [], null);

    /// <summary>The name without its folder.</summary>
    public string FileName => Path.TrimEnd('/') is var trimmed && trimmed.LastIndexOf('/') is var slash and >= 0
        ? trimmed[(slash + 1)..] + (Path.EndsWith('/') ? "/" : string.Empty)
        : Path;

    /// <summary>The folder inside the corpus ("rutiner/2024/"), or null at the top.</summary>
    public string? Folder => Path.TrimEnd('/') is var trimmed && trimmed.LastIndexOf('/') is var slash and >= 0 ? trimmed[..(slash + 1)] : null;

    /// <summary>A stable element id, so an open tag list or the focus survives the page updating itself.</summary>
    public string Anchor => "fil-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path)).AsSpan(0, 6));

    /// <summary>A short name of what went wrong ("Lösenordsskyddad"), for a failed file.</summary>
    public string? FailureLabel => State == FileState.Failed ? FailureAdvice.Label(FailureKind) : null;

    /// <summary>The CSS modifier of the state badge.</summary>
    public string StateClass => State switch
    {
        FileState.Failed => "tillstand-misslyckad",
        FileState.Searchable => "tillstand-sokbar",
        _ => "tillstand-lases",
    };

    /// <summary>The document page, when the file has a document in the index.</summary>
    public string? DocumentUrl => DocumentId is { } id && Title is not null
        ? "/dokument/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private static string SourceLabel(TagSource source) => source switch
    {
        TagSource.Sidecar => "sidofilen",
        TagSource.Properties => "dokumentets egenskaper",
        _ => "automatisk taggning",
    };
}

/// <summary>A tag of a document and why it was given.</summary>
/// <param name="Source">"sidofilen", "dokumentets egenskaper" or "automatisk taggning".</param>
/// <param name="Reason">The engine's Swedish explanation.</param>
public sealed record FolderTag(string Facet, string Value, string Source, string Reason);
