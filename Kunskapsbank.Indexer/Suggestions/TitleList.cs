using System.Runtime.CompilerServices;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Every live document's title, shortest first (typeahead offers short, exact titles before long ones).</summary>
/// <remarks>Built from the summaries' doc values once per reader, on the first completion after a change.</remarks>
public sealed class TitleList
{
    private readonly ConditionalWeakTable<IndexReader, IReadOnlyList<DocumentSummary>> _cache = [];

    /// <summary>The titles of <paramref name="searcher"/>'s documents, shortest first, then by id.</summary>
    public IReadOnlyList<DocumentSummary> Of(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return _cache.GetValue(searcher.IndexReader, _ => Load(searcher));
    }

    private static List<DocumentSummary> Load(IndexSearcher searcher) =>
        StoredReading.AllOfKind(searcher, IndexSchema.Kinds.Document)
            .Select(doc => StoredReading.ReadSummary(searcher, doc))
            .OrderBy(d => d.Title.Length)
            .ThenBy(d => d.Id)
            .ToList();
}
