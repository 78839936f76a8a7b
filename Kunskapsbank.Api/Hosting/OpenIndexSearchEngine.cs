using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Api.Hosting;

/// <summary>The <see cref="ISearchEngine"/> the web UI gets from DI: the open index's, once it is open.</summary>
/// <remarks>The index opens after the host starts; a page requested before that gets the 503 problem, not a crash.</remarks>
internal sealed class OpenIndexSearchEngine(IndexHost host) : ISearchEngine
{
    private ISearchEngine Engine => host.Index?.Search ?? throw new IndexNotOpenException();

    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken = default) => Engine.Search(request, cancellationToken);

    public IReadOnlyList<Completion> Suggest(string prefix, int limit = 8) => Engine.Suggest(prefix, limit);

    public DocumentDetails? GetDocument(long id) => Engine.GetDocument(id);

    public IReadOnlyList<FacetSummary> GetFacets() => Engine.GetFacets();

    public void Warm() => Engine.Warm();
}

/// <summary>The index is not open yet (or could not be opened); answered with 503.</summary>
public sealed class IndexNotOpenException() : InvalidOperationException("Sökindexet är inte öppet ännu.");
