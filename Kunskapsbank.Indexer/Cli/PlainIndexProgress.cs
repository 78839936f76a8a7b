using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction.Ocr;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>Progress as whole lines for logs and pipes: the first and last report of each stage, and otherwise at most
/// one line per interval, so a run of 10,000 files writes a dozen lines, not ten thousand.</summary>
public sealed class PlainIndexProgress(TextWriter writer, TimeProvider time, TimeSpan interval) : IndexProgress
{
    private SyncStage? _stage;
    private long _stageStarted;
    private long _lastLine;
    private string? _ocrFile;

    /// <inheritdoc />
    public override T Show<T>(Func<IndexProgress, T> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run(this);
    }

    /// <inheritdoc />
    public override void Report(SyncProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetTimestamp();
        var first = _stage != value.Stage;
        if (first)
        {
            _stage = value.Stage;
            _stageStarted = now;
        }

        var last = value.Stage != SyncStage.Saving && value.Done >= value.Total;
        if (!first && !last && time.GetElapsedTime(_lastLine, now) < interval)
        {
            return;
        }

        _lastLine = now;
        writer.WriteLine(Line(value, time.GetElapsedTime(_stageStarted, now)));
    }

    /// <inheritdoc />
    public override void ReportOcr(string path, OcrProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetTimestamp();
        var finished = value.Done >= value.Total;
        if (path == _ocrFile && !finished && time.GetElapsedTime(_lastLine, now) < interval)
        {
            return;
        }

        _ocrFile = path;
        _lastLine = now;
        writer.WriteLine($"OCR av {path}: {value.Message}");
    }

    private static string Line(SyncProgress value, TimeSpan elapsed)
    {
        if (value.Stage == SyncStage.Saving)
        {
            return $"{StageName(value.Stage)} …";
        }

        var line = $"{StageName(value.Stage)}: {SwedishText.Number(value.Done)} av {SwedishText.Count(value.Total, "fil", "filer")}";
        if (value.Total > 0)
        {
            line += $" ({100L * value.Done / value.Total} %)";
        }

        double? rate = elapsed > TimeSpan.Zero && value.Done > 0 ? value.Done / elapsed.TotalSeconds : null;
        var parts = new List<string> { line };
        if (SwedishText.Rate(rate) is { Length: > 0 } perSecond && value.Stage == SyncStage.Indexing)
        {
            parts.Add(perSecond);
            if (value.Done < value.Total)
            {
                parts.Add(SwedishText.TimeLeft(TimeSpan.FromSeconds((value.Total - value.Done) / rate!.Value)));
            }
        }

        return string.Join(", ", parts);
    }
}
