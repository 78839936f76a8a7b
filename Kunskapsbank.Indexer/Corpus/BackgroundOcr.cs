using Kunskapsbank.Indexer.Extraction.Ocr;
using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Corpus;

/// <summary>A file whose scanned pages wait for OCR: what the sync saw when it listed them.</summary>
/// <param name="Path">Relative to the corpus root.</param>
/// <param name="Pages">How many scanned pages are to be read.</param>
public sealed record OcrJob(string Path, FileFingerprint Fingerprint, string MetadataHash, int Pages);

/// <summary>One file in the OCR queue and how far it has come.</summary>
/// <param name="ContentHash">The content the job reads (a changed file is a new job).</param>
public sealed record OcrFileStatus(string Path, string ContentHash, OcrProgress Progress);

/// <summary>The OCR queue at one moment: the file being read first, then the waiting ones in order.</summary>
/// <param name="FilesRead">Files whose OCR ended since the queue started (read, failed or found changed).</param>
/// <param name="PagesRead">Pages read by those files' OCR.</param>
public sealed record BackgroundOcrStatus(IReadOnlyList<OcrFileStatus> Files, int FilesRead, int PagesRead)
{
    /// <summary>True when nothing waits and nothing is being read.</summary>
    public bool IsIdle => Files.Count == 0;
}

/// <summary>Reads scanned PDF pages in the background, one file at a time, so a long scan never holds up the sync of
/// other files; the sync hands files over and goes on.</summary>
/// <remarks>
/// One worker thread (below normal priority; the OCR tools themselves run under <c>nice -n 19</c>), started on the first
/// job. A file queued again with the same content keeps its place; with other content (changed on disk) it replaces
/// the old job and a running one is cancelled at once (the child processes are killed). What the worker does with a
/// job — extract with OCR, then write the document if the file is still the same — is the sync's
/// (<see cref="CorpusSync"/>), passed in as <c>read</c>. Progress is also written to a small file in the index folder
/// (<see cref="OcrProgressFile"/>) so that `kunskapsbank report` in another process can show it.
/// </remarks>
public sealed class BackgroundOcr : IDisposable
{
    private readonly Action<OcrJob, IProgress<OcrProgress>, CancellationToken> _read;
    private readonly OcrProgressFile? _progressFile;
    private readonly object _gate = new();
    private readonly System.Threading.Lock _publishing = new();
    private readonly List<OcrJob> _waiting = [];
    private readonly CancellationTokenSource _stopping = new();
    private Running? _running;
    private Thread? _worker;
    private int _filesRead;
    private int _pagesRead;
    private bool _disposed;

    /// <summary>A queue whose worker calls <paramref name="read"/> for each job; <paramref name="enabled"/> false keeps
    /// it from ever reading (a read-only index, or `index --utan-ocr`: the ledger keeps the files as `ocr`).</summary>
    /// <param name="progressFile">Where progress is shown to other processes, or null.</param>
    public BackgroundOcr(Action<OcrJob, IProgress<OcrProgress>, CancellationToken> read, OcrProgressFile? progressFile, bool enabled)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _progressFile = progressFile;
        IsEnabled = enabled;
    }

    /// <summary>False when this queue never reads (then the ledger alone says which files wait).</summary>
    public bool IsEnabled { get; }

    /// <summary>Queues a file (or keeps its place when it is already queued with the same content and metadata).</summary>
    public void Enqueue(OcrJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!IsEnabled)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                // Closing: the ledger keeps the file `ocr`, and the next sync queues it again.
                return;
            }

            if (_running is { } running && running.Job.Path == job.Path)
            {
                if (SameWork(running.Job, job))
                {
                    return;
                }

                running.Cancellation.Cancel();
            }

            var index = _waiting.FindIndex(w => w.Path == job.Path);
            if (index >= 0)
            {
                _waiting[index] = job;
            }
            else
            {
                _waiting.Add(job);
            }

            _worker ??= StartWorker();
            Monitor.PulseAll(_gate);
        }

        Publish();
    }

    /// <summary>Forgets a file's job: it changed or went away. A job being read is stopped at once.</summary>
    public void Cancel(string path)
    {
        bool removed;
        lock (_gate)
        {
            removed = _waiting.RemoveAll(w => w.Path == path) > 0;
            if (_running is { } running && running.Job.Path == path)
            {
                running.Cancellation.Cancel();
            }
        }

        // The sync cancels every changed file, queued or not; only a job taken off the list changes what other
        // processes see (a cancelled running job is republished by the worker when it stops).
        if (removed)
        {
            Publish();
        }
    }

    /// <summary>The file being read and the waiting ones.</summary>
    public BackgroundOcrStatus Status()
    {
        lock (_gate)
        {
            var files = new List<OcrFileStatus>(_waiting.Count + 1);
            if (_running is { } running)
            {
                files.Add(new OcrFileStatus(running.Job.Path, running.Job.Fingerprint.ContentHash, running.Progress));
            }

            files.AddRange(_waiting.Select(w => new OcrFileStatus(w.Path, w.Fingerprint.ContentHash, new OcrProgress(0, w.Pages, 0, Waiting: true))));
            return new BackgroundOcrStatus(files, _filesRead, _pagesRead);
        }
    }

    /// <summary>Blocks until nothing waits and nothing is being read (at once for a disabled queue), telling
    /// <paramref name="progress"/> how far it has come about four times a second.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public void WaitUntilIdle(IProgress<BackgroundOcrStatus>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = Status();
            progress?.Report(status);
            if (status.IsIdle)
            {
                // The worker marks itself done before it rewrites the progress file; publishing here as well means
                // a caller that waited never finds a stale "OCR pågår" left beside an idle queue.
                if (IsEnabled)
                {
                    Publish();
                }

                return;
            }

            lock (_gate)
            {
                if (_running is not null || _waiting.Count > 0)
                {
                    Monitor.Wait(_gate, TimeSpan.FromMilliseconds(250));
                }
            }
        }
    }

    /// <summary>Stops the worker: the file being read is cancelled (its tools killed), waiting files stay `ocr` in the
    /// ledger and are queued again by the next sync.</summary>
    public void Dispose()
    {
        Thread? worker;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _waiting.Clear();
            _running?.Cancellation.Cancel();
            _stopping.Cancel();
            worker = _worker;
            Monitor.PulseAll(_gate);
        }

        worker?.Join();
        _stopping.Dispose();
        _progressFile?.Delete();
    }

    private static bool SameWork(OcrJob a, OcrJob b) =>
        a.Fingerprint.ContentHash == b.Fingerprint.ContentHash && a.MetadataHash == b.MetadataHash;

    private Thread StartWorker()
    {
        // Below normal: the sync's own threads and the searches come first; the OCR tools run under nice 19 as well.
        var thread = new Thread(Work) { IsBackground = true, Name = "kunskapsbank-ocr", Priority = ThreadPriority.BelowNormal };
        thread.Start();
        return thread;
    }

    private void Work()
    {
        while (Next() is { } running)
        {
            Publish();
            var pages = 0;
            var progress = new InlineProgress(value =>
            {
                lock (_gate)
                {
                    running.Progress = value;
                    pages = value.Done;
                }

                Publish();
            });
            try
            {
                _read(running.Job, progress, running.Cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                // Changed, removed or shutting down: the sync that saw it queues the new content.
            }
#pragma warning disable CA1031 // One file's failure must not stop the queue; the ledger keeps it `ocr` for the next sync.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
            finally
            {
                lock (_gate)
                {
                    _running = null;
                    _filesRead++;
                    _pagesRead += pages;
                    Monitor.PulseAll(_gate);
                }

                running.Cancellation.Dispose();
                Publish();
            }
        }
    }

    private Running? Next()
    {
        lock (_gate)
        {
            while (!_disposed && _waiting.Count == 0)
            {
                Monitor.Wait(_gate);
            }

            if (_disposed)
            {
                return null;
            }

            var job = _waiting[0];
            _waiting.RemoveAt(0);
            _running = new Running(job, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                Progress = new OcrProgress(0, job.Pages, 0),
            };
            return _running;
        }
    }

    private void Publish()
    {
        if (_progressFile is null)
        {
            return;
        }

        // One publisher at a time, each reading the queue when its turn comes: otherwise an older status read on
        // one thread could be written after a newer one from another, leaving the file behind the queue.
        lock (_publishing)
        {
            var status = Status();
            if (status.IsIdle)
            {
                _progressFile.Delete();
            }
            else
            {
                _progressFile.Write(status.Files);
            }
        }
    }

    private sealed class Running(OcrJob job, CancellationTokenSource cancellation)
    {
        public OcrJob Job { get; } = job;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public OcrProgress Progress { get; set; } = new(0, job.Pages, 0);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and arrive out of order).</summary>
    private sealed class InlineProgress(Action<OcrProgress> report) : IProgress<OcrProgress>
    {
        public void Report(OcrProgress value) => report(value);
    }
}
