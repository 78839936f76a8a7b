using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction.Ocr;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>Shows a person how far `kunskapsbank index` has come: a live bar on a terminal
/// (<see cref="TerminalIndexProgress"/>), plain lines in a pipe or CI log (<see cref="PlainIndexProgress"/>).</summary>
/// <remarks>The run reports its stages through <see cref="IProgress{T}"/> of <see cref="SyncProgress"/>; a run that
/// waits for background OCR at its end reports each file's pages through <see cref="ReportOcr"/>.</remarks>
public abstract class IndexProgress : IProgress<SyncProgress>
{
    /// <summary>A bar when standard error is a terminal, otherwise a line at most every <paramref name="plainInterval"/>.</summary>
    public static IndexProgress For(CliConsole console, TimeProvider time, TimeSpan plainInterval)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.ErrorIsTerminal
            ? new TerminalIndexProgress(console.StandardError())
            : new PlainIndexProgress(console.Error, time, plainInterval);
    }

    /// <summary>Runs <paramref name="run"/> while the progress is shown, and returns what it returns.</summary>
    public abstract T Show<T>(Func<IndexProgress, T> run);

    /// <inheritdoc />
    public abstract void Report(SyncProgress value);

    /// <summary>How far OCR of one file has come, while the run waits for background OCR.</summary>
    public abstract void ReportOcr(string path, OcrProgress value);

    /// <summary>The name of a stage as the person reading sees it.</summary>
    protected static string StageName(SyncStage stage) => stage switch
    {
        SyncStage.Checking => "Jämför med indexet",
        SyncStage.Saving => "Sparar indexet",
        _ => "Läser in filer",
    };
}
