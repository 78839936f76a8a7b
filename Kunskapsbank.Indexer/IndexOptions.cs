using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer;

/// <summary>Where the index and the corpus live, and the limits for extraction.</summary>
/// <param name="IndexPath">The index folder (created, or rebuilt when its schema version is old).</param>
/// <param name="CorpusPath">The corpus folder; nothing outside it is ever read.</param>
public sealed record IndexOptions(string IndexPath, string CorpusPath)
{
    /// <summary>Caps for one file's extraction.</summary>
    public ExtractionLimits Limits { get; init; } = ExtractionLimits.Default;

    /// <summary>Open without a writer (and without the write lock): searches and reports beside a running service.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Threads that extract and analyse documents while the sync's own thread writes them (1: one thread does all).</summary>
    public int IndexingThreads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Read scanned PDF pages in the background (the default). False (`index --utan-ocr`): such files are
    /// recorded as waiting for OCR (`ocr` in the report) and read by the next process that runs with it.</summary>
    public bool RunOcr { get; init; } = true;

    /// <summary>After a bulk change, empty the word memo and compact the heap (a long-running service: see
    /// <c>CorpusSync</c>). A process that exits after indexing (the command line, the benchmark) leaves it off.</summary>
    public bool ReleaseMemoryAfterBulkChange { get; init; }

    /// <summary>Run the write path once on a built-in document on a second thread while the index opens, so a process
    /// about to index in bulk (the command line's `index`, the benchmark) compiles it while a core is idle. The service
    /// leaves it off: it warms after its first sync (<c>ICorpusIndexer.WarmWritePath</c>), and a second warm-up's
    /// garbage stayed in its old generation (6–13 MB more before the load in the stress test's memory check).</summary>
    public bool WarmWritePathWhileOpening { get; init; }
}
