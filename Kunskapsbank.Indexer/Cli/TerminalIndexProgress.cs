using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>A live Spectre.Console progress display: one bar per stage with files done, rate and time left, and one
/// per file while background OCR is awaited.</summary>
/// <remarks>Refreshed by the reports themselves, not by Spectre's refresh thread: that thread can draw once more after
/// <c>Start</c> has returned, onto a writer that is gone by then, and an exception on it ends the whole process.</remarks>
public sealed class TerminalIndexProgress(IAnsiConsole console) : IndexProgress
{
    private const string OcrTag = "ocr";

    /// <summary>Shortest time between two redraws (ten a second is smooth to the eye and cheap).</summary>
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private long _lastRedraw;
    private readonly Dictionary<string, ProgressTask> _ocr = new(StringComparer.Ordinal);
    private ProgressContext? _context;
    private ProgressTask? _task;
    private SyncStage? _stage;

    /// <inheritdoc />
    public override T Show<T>(Func<IndexProgress, T> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return console.Progress()
            .AutoRefresh(false)
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 12 }, new CountsColumn())
            .Start(context =>
            {
                _context = context;
                try
                {
                    return run(this);
                }
                finally
                {
                    lock (_lock)
                    {
                        Finish(_task);
                        context.Refresh();
                        _context = null;
                    }
                }
            });
    }

    /// <inheritdoc />
    public override void Report(SyncProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            if (_context is null)
            {
                return;
            }

            if (_stage != value.Stage || _task is null)
            {
                Finish(_task);
                _stage = value.Stage;
                _task = _context.AddTask(StageName(value.Stage), autoStart: true, maxValue: Math.Max(1, value.Total));
                _task.IsIndeterminate = value.Stage == SyncStage.Saving;
            }

            if (!_task.IsIndeterminate)
            {
                _task.MaxValue = Math.Max(1, value.Total);
                _task.Value = value.Done;
            }

            Redraw(force: value.Done >= value.Total);
        }
    }

    /// <inheritdoc />
    public override void ReportOcr(string path, OcrProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            if (_context is null)
            {
                return;
            }

            if (!_ocr.TryGetValue(path, out var task))
            {
                _ocr[path] = task = _context.AddTask(Markup.Escape($"OCR {Shorten(path)}"), autoStart: true, maxValue: Math.Max(1, value.Total));
                task.Tag = OcrTag;
            }

            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            if (value.Done >= value.Total)
            {
                Finish(task);
            }

            Redraw(force: value.Done >= value.Total);
        }
    }

    // Called under the lock with a context.
    private void Redraw(bool force)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (force || System.Diagnostics.Stopwatch.GetElapsedTime(_lastRedraw, now) >= RedrawInterval)
        {
            _lastRedraw = now;
            _context!.Refresh();
        }
    }

    private static void Finish(ProgressTask? task)
    {
        if (task is null || task.IsFinished)
        {
            return;
        }

        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }

    private static string Shorten(string path) => path.Length > 30 ? "…" + path[^29..] : path;

    /// <summary>"1 234/10 000 filer · 170 filer/s · ca 47 s kvar".</summary>
    private sealed class CountsColumn : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            if (task.IsIndeterminate)
            {
                return Text.Empty;
            }

            var pages = OcrTag.Equals(task.Tag);
            var parts = new List<string> { $"{SwedishText.Number((long)task.Value)}/{(pages ? SwedishText.Count((long)task.MaxValue, "sida", "sidor") : SwedishText.Count((long)task.MaxValue, "fil", "filer"))}" };
            if (!task.IsFinished && !pages)
            {
                parts.Add(SwedishText.Rate(task.Speed));
                parts.Add(SwedishText.TimeLeft(task.RemainingTime));
            }

            return new Text(string.Join(" · ", parts.Where(p => p.Length > 0)));
        }
    }
}
