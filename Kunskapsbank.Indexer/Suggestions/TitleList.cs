using System.Runtime.CompilerServices;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Every live document's title, indexed for typeahead (<see cref="TitleIndex"/>), once per reader.</summary>
/// <remarks>Built from the summaries' doc values once per reader, on the first completion after a change.</remarks>
public sealed class TitleList
{
    private readonly ConditionalWeakTable<IndexReader, TitleIndex> _cache = [];

    /// <summary>The title index of <paramref name="searcher"/>'s documents.</summary>
    public TitleIndex Of(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return _cache.GetValue(searcher.IndexReader, _ => Load(searcher));
    }

    private static TitleIndex Load(IndexSearcher searcher) =>
        new(StoredReading.AllOfKind(searcher, IndexSchema.Kinds.Document).Select(doc => StoredReading.ReadSummary(searcher, doc)));
}
