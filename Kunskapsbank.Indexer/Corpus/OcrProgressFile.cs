using System.Diagnostics;
using System.Text.Json;
using Kunskapsbank.Indexer.Extraction.Ocr;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>The OCR queue's progress as a small JSON file in the index folder, for `kunskapsbank report` and other
/// read-only processes beside the one that reads (the service, or `kunskapsbank index`).</summary>
/// <remarks>Written whole to a temporary name and renamed, so a reader never sees half a file; it names the writing
/// process, and a reader ignores it when that process is gone (a crash leaves the ledger's `ocr`, not a stale page).
/// Deleted when the queue is idle.</remarks>
public sealed class OcrProgressFile(string indexFolder)
{
    /// <summary>The file's name in the index folder.</summary>
    public const string FileName = "ocr-progress.json";

    /// <summary>The temporary name it is written under before the rename.</summary>
    public const string TemporaryName = FileName + ".tmp";

    private readonly string _path = Path.Combine(indexFolder, FileName);
    private readonly string _temporary = Path.Combine(indexFolder, TemporaryName);
    private readonly System.Threading.Lock _lock = new();

    /// <summary>Replaces the file with <paramref name="files"/>; a failure to write only costs the display.</summary>
    public void Write(IReadOnlyList<OcrFileStatus> files)
    {
        var content = new Content(Environment.ProcessId, files.Select(f => new Entry(f.Path, f.ContentHash, f.Progress.Done, f.Progress.Total, f.Progress.Current, f.Progress.Waiting)).ToList());
        lock (_lock)
        {
            try
            {
                File.WriteAllText(_temporary, JsonSerializer.Serialize(content));
                File.Move(_temporary, _path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Progress is a display; the ledger is the truth.
            }
        }
    }

    /// <summary>Removes the file (the queue is idle or closing).</summary>
    public void Delete()
    {
        lock (_lock)
        {
            try
            {
                File.Delete(_path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }

    /// <summary>The files another live process is reading or about to read; empty when none is.</summary>
    public IReadOnlyList<OcrFileStatus> Read()
    {
        Content? content;
        try
        {
            content = JsonSerializer.Deserialize<Content>(File.ReadAllText(_path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return [];
        }

        if (content?.Files is null || !IsRunning(content.ProcessId))
        {
            return [];
        }

        return content.Files.Select(f => new OcrFileStatus(f.Path, f.ContentHash, new OcrProgress(f.Done, f.Total, f.Current, f.Waiting))).ToList();
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private sealed record Content(int ProcessId, List<Entry> Files);

    private sealed record Entry(string Path, string ContentHash, int Done, int Total, int Current, bool Waiting);
}
