using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Index;

namespace Kunskapsbank.Indexer.Tests.Query;

/// <summary>A prefix's kept expansion is the dictionary walk's, is reused for the same reader, and is walked anew for a
/// reader that has new words.</summary>
public sealed class PrefixExpansionCacheTests : IDisposable
{
    private static readonly string[] Fields = ["title_w", "heading_w", "body_w"];

    private readonly TestCorpus _corpus = new();

    [Fact]
    public void AKeptExpansion_IsTheWalksOwn_AndBelongsToItsReader()
    {
        _corpus.WriteMarkdown("a.md", "Riskbedömning", "Risker och riskfaktorer vid våld. Riskbedömning med FREDA.");
        _corpus.Sync();
        var cache = new PrefixExpansionCache();
        using var directory = IndexFolder.OpenDirectory(_corpus.IndexPath, create: false);

        using (var reader = DirectoryReader.Open(directory))
        {
            var first = cache.Get(reader, Fields, "risk", PrefixExpansion.MaxTerms);

            Assert.Equal(PrefixExpansion.Expand(reader, Fields, "risk"), first);
            Assert.Contains("riskfaktorer", first);
            Assert.Same(first, cache.Get(reader, Fields, "risk", PrefixExpansion.MaxTerms));
            Assert.NotSame(first, cache.Get(reader, Fields, "risk", PrefixExpansion.MaxTerms / 2));
        }

        _corpus.WriteMarkdown("b.md", "Riskanalys", "En riskanalys görs tillsammans med den som söker stöd.");
        _corpus.Sync();
        using (var reopened = DirectoryReader.Open(directory))
        {
            Assert.Contains("riskanalys", cache.Get(reopened, Fields, "risk", PrefixExpansion.MaxTerms));
        }
    }

    public void Dispose() => _corpus.Dispose();
}
