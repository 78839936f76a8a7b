using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Corpus;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer;

/// <summary>The composition root of the library: one index file and one corpus, with every stage wired.</summary>
/// <remarks>The CLI, the API, the UI and the benchmark all start here. Thread-safe; dispose once at shutdown.</remarks>
public sealed class KunskapsbankIndex : IDisposable
{
    private KunskapsbankIndex(Analyzer analyzer, ISearchEngine search, ICorpusIndexer corpus)
    {
        Analyzer = analyzer;
        Search = search;
        Corpus = corpus;
    }

    /// <summary>The analyzer shared by indexing and queries.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>The query side.</summary>
    public ISearchEngine Search { get; }

    /// <summary>The writer side (sync of the corpus folder).</summary>
    public ICorpusIndexer Corpus { get; }

    /// <summary>Opens (or creates, or rebuilds on a schema change) the index and wires the stages.</summary>
    // PLACEHOLDER: the engine branch implements this.
    public static KunskapsbankIndex Open(IndexOptions options) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
