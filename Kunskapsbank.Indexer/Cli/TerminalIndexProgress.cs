using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Extraction.Ocr;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>A live Spectre.Console progress display: one bar per stage with files done, rate and time left, and one
/// per file while background OCR is awaited.</summary>
public sealed class TerminalIndexProgress(IAnsiConsole console) : IndexProgress
{
    private const string OcrTag = "ocr";
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProgressTask> _ocr = new(StringComparer.Ordinal);
    private ProgressContext? _context;
    private ProgressTask? _task;
    private SyncStage? _stage;

    /// <inheritdoc />
    public override T Show<T>(Func<IndexProgress, T> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return console.Progress()
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
