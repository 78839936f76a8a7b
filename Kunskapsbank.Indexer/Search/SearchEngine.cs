using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Highlighting;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Ranking;
using Kunskapsbank.Indexer.Suggestions;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Search;

/// <summary>The query flow: parse → match → rank → facet → highlight, plus typo correction, typeahead and documents.</summary>
/// <remarks>
/// Matching and ranking happen on whole documents: "all words must match" means anywhere in the document, because a
/// guideline that says "våld" on page 3 and "skolan" on page 4 answers "våld skolan". Passages are then placed only for
/// the documents on the result page, in one search over their passages (<see cref="PassageFinder"/>).
/// </remarks>
public sealed class SearchEngine : ISearchEngine
{
    private const int MaxPageSize = 100;

    private readonly IndexStore _store;
    private readonly Analyzer _analyzer;
    private readonly QueryAnalyzer _queryAnalyzer;
    private readonly SnippetBuilder _snippets;
    private readonly Func<Taxonomy> _taxonomy;
    private readonly VocabularyCache _vocabulary;
    private readonly QueryCorrector _corrector;
    private readonly TitleList _titles = new();
    private readonly SegmentFacetsCache _facets = new(new FacetOrdinals());
    private volatile FacetReport? _report;

    private readonly ReusableEnumsPool _enums = new();
    private readonly WordPostingsCache _mergedWords = new();
    private readonly PrefixExpansionCache _prefixes = new();

    /// <summary>Creates the engine over a store; <paramref name="taxonomy"/> gives the facet labels in force.</summary>
    public SearchEngine(IndexStore store, Analyzer analyzer, Func<Taxonomy> taxonomy)
    {
        _store = store;
        _analyzer = analyzer;
        _queryAnalyzer = new QueryAnalyzer(analyzer);
        _snippets = new SnippetBuilder(analyzer);
        _taxonomy = taxonomy;
        _vocabulary = new VocabularyCache(store);
        _corrector = new QueryCorrector(analyzer);
    }

    /// <inheritdoc />
    public SearchResponse Search(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(request.Page, 1, 1000);

        var parsed = QueryParser.Parse(request.Query);
        var clause = _queryAnalyzer.Analyse(parsed.Root);
        Lap(timings, "parse", clock);
        if (clause is null && parsed.Root is not null)
        {
            throw new SearchInputException("inga-sokord", "Frågan innehåller inga ord att söka efter. Skriv ett eller flera ord.");
        }

        using var lease = _store.Acquire();
        var searcher = lease.Searcher;
        var taxonomy = _taxonomy();
        PrepareFacets(searcher, taxonomy);
        var filters = ResolveFilters(request.Filters, parsed.InlineFilters, taxonomy);
        var enums = _enums.Rent();
        var builder = new LuceneQueryBuilder(searcher.IndexReader, enums, _mergedWords, _prefixes);
        try
        {
            var query = clause is null ? BrowseQuery() : builder.ForDocuments(clause);
            var needed = page * pageSize;
            var result = Match(searcher, query, filters, request, needed, browse: clause is null);
            Lap(timings, "match", clock);

            string? suggestion = null;
            string? correctedQuery = null;
            var partial = false;
            if (clause is not null)
            {
                var correction = request.CorrectTypos
                    ? _corrector.Correct(_vocabulary.Get(searcher), searcher.IndexReader, clause, request.Query, offerSuggestions: result.Total <= QueryCorrector.FewDocuments, enums)
                    : QueryCorrection.None;
                if (correction.SearchedClause is not null)
                {
                    // Searched in this same request: an unknown word replaced ("Visar träffar för …"), a rare one widened.
                    var correctedQueryObject = builder.ForDocuments(correction.SearchedClause);
                    var correctedResult = Match(searcher, correctedQueryObject, filters, request, needed, browse: false);
                    if (correctedResult.Total > 0)
                    {
                        result = correctedResult;
                        query = correctedQueryObject;
                        correctedQuery = correction.SearchedText;
                        suggestion = correction.SuggestedText;
                        clause = correction.SearchedClause;
                    }
                }

                if (result.Total == 0 && builder.ForAnyPositive(clause) is { } any)
                {
                    var partialResult = Match(searcher, any, filters, request, needed, browse: false);
                    if (partialResult.Total > 0)
                    {
                        result = partialResult;
                        query = any;
                        partial = true;
                    }
                }

                Lap(timings, "suggest", clock);
            }

            var ranked = result.Top.ToSortedList().Skip((page - 1) * pageSize).Take(pageSize).ToList();
            Lap(timings, "rank", clock);
            var facets = request.IncludeFacets ? Report(taxonomy).Report(result.Counter) : new Dictionary<string, IReadOnlyList<FacetCount>>();
            Lap(timings, "facet", clock);

            var leaves = QueryLeaves.PositiveOf(clause);
            var hits = BuildHits(searcher, ranked, leaves, builder, enums, request.IncludePassages, timings, clock);
            Lap(timings, "highlight", clock);
            var explanation = request.Explain
                ? new SearchExplanation(parsed.Root?.ToString() ?? string.Empty, DescribeTerms(leaves), timings, query.ToString(), Explain(searcher, query, ranked))
                : null;
            return new SearchResponse(result.Total, hits, facets, suggestion, partial, correctedQuery, explanation);
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            throw new SearchInputException("for-manga-termer", "Frågan blev för stor att söka på. Använd färre ord eller längre prefix (till exempel ”risk*” i stället för ”r*”).");
        }
        finally
        {
            _enums.Return(enums);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Completion> Suggest(string prefix, int limit = 8)
    {
        var text = (prefix ?? string.Empty).Normalize(NormalizationForm.FormC);
        if (string.IsNullOrWhiteSpace(text) || limit <= 0)
        {
            return [];
        }

        limit = Math.Min(limit, 50);
        using var lease = _store.Acquire();
        var vocabulary = _vocabulary.Get(lease.Searcher);
        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        var lower = text.ToLower(swedish).TrimStart();
        var completions = _titles.Of(lease.Searcher).Starting(lower, (limit + 1) / 2)
            .Select(document => new Completion(document.Title, "titel", document.Id))
            .ToList();

        var lastSpace = lower.LastIndexOf(' ');
        var head = lastSpace < 0 ? string.Empty : lower[..(lastSpace + 1)];
        var last = lower[(lastSpace + 1)..];
        if (last.Length > 0)
        {
            foreach (var word in vocabulary.WordsWithPrefix(last, limit - completions.Count))
            {
                completions.Add(new Completion(head + word.Term, "term", null));
            }
        }

        return completions;
    }

    /// <inheritdoc />
    public DocumentDetails? GetDocument(long id)
    {
        using var lease = _store.Acquire();
        var searcher = lease.Searcher;
        var document = StoredReading.ReadDocument(searcher, id);
        if (document is null)
        {
            return null;
        }

        var passages = StoredReading.ReadPassages(searcher, id).Select(p => new DocumentPassage(p.Id, p.Ordinal, p.Page, p.HeadingPath, p.Text, p.IsOcr)).ToList();
        var s = document.Summary;
        return new DocumentDetails(s, document.ContentType, document.PageCount, document.Tags, passages) { ReplacedBy = ReplacedBy(searcher, s) };
    }

    /// <inheritdoc />
    public IReadOnlyList<FacetSummary> GetFacets()
    {
        using var lease = _store.Acquire();
        var taxonomy = _taxonomy();
        PrepareFacets(lease.Searcher, taxonomy);
        var result = Match(lease.Searcher, BrowseQuery(), [], new SearchRequest { Query = string.Empty }, 0, browse: true);
        return Report(taxonomy).Report(result.Counter)
            .Select(f => new FacetSummary(f.Key, taxonomy.Find(f.Key)?.Label ?? FacetCatalog.DefaultLabel(f.Key), f.Value))
            .ToList();
    }

    /// <inheritdoc />
    public void Warm()
    {
        using var lease = _store.Acquire();
        PrepareFacets(lease.Searcher, _taxonomy());
        _ = _vocabulary.Get(lease.Searcher);
        _ = _titles.Of(lease.Searcher);
    }

    private sealed record MatchResult(int Total, TopHits Top, FacetCounter Counter);

    private static TermQuery BrowseQuery() => new(new Term(IndexSchema.Kind, IndexSchema.Kinds.Document));

    private MatchResult Match(IndexSearcher searcher, Lucene.Net.Search.Query query, Dictionary<string, IReadOnlyList<int>> filters, SearchRequest request, int needed, bool browse)
    {
        var counter = new FacetCounter(_facets.Ordinals, filters);
        var top = new TopHits(needed, newestFirst: browse || request.Sort == SortOrder.Newest);
        var collector = new MatchCollector(counter, _facets, top, request.IncludeFacets, constantScore: browse);
        searcher.Search(query, collector);
        return new MatchResult(collector.Total, top, counter);
    }

    private List<SearchHit> BuildHits(IndexSearcher searcher, List<RankedHit> ranked, List<QueryClause> leaves, LuceneQueryBuilder builder, ReusableEnums enums, bool includePassages, Dictionary<string, double> timings, Stopwatch clock)
    {
        var summaries = ranked.Select(r => StoredReading.ReadSummary(searcher, r.Doc)).ToList();
        var found = includePassages && leaves.Count > 0
            ? PassageFinder.Find(searcher, ranked.Zip(summaries, (r, s) => new PassageFinder.PageDocument(r.Id, r.Doc, StoredReading.PassageCount(searcher, r.Doc), TitleStems(s.Title))).ToList(), leaves, builder, enums)
            : [];
        Lap(timings, "passages", clock);
        var highlight = new HighlightTerms(leaves);
        var hits = new List<SearchHit>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var hit = ranked[i];
            var summary = summaries[i];
            List<StoredPassage> passages = [];
            var titleOnly = false;
            if (includePassages)
            {
                if (leaves.Count == 0)
                {
                    // Browsing: the opening passage stands for the document (nothing is claimed to answer anything).
                    passages = PassageFinder.Opening(searcher, hit.Doc, hit.Id) is { } opening ? [opening] : [];
                }
                else
                {
                    passages = found.GetValueOrDefault(hit.Id) ?? [];
                    titleOnly = passages.Count == 0;
                }
            }

            hits.Add(new SearchHit(summary, Math.Round(hit.Score, 4), FacetsOf(searcher, hit.Doc), passages.Select(p => ToHitPassage(p, highlight)).ToList())
            {
                ReplacedBy = ReplacedBy(searcher, summary),
                TitleOnly = titleOnly,
            });
        }

        return hits;
    }

    private HashSet<string> TitleStems(string title) => _analyzer.Analyze(title).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

    private HitPassage ToHitPassage(StoredPassage passage, HighlightTerms highlight)
    {
        var (snippet, _) = _snippets.Build(passage.Text, highlight);
        return new HitPassage(passage.Id, passage.Page, passage.HeadingPath.Count > 0 ? passage.HeadingPath[^1] : null, snippet, passage.Text, passage.IsOcr);
    }

    // "ersatt av" is written by editors as a path relative to the corpus, or relative to the superseded file's folder.
    private static DocumentReference? ReplacedBy(IndexSearcher searcher, DocumentSummary summary)
    {
        if (string.IsNullOrWhiteSpace(summary.SupersededBy))
        {
            return null;
        }

        var target = summary.SupersededBy.Trim().Replace('\\', '/').TrimStart('/');
        var folder = summary.Path.Contains('/', StringComparison.Ordinal) ? summary.Path[..(summary.Path.LastIndexOf('/') + 1)] : string.Empty;
        foreach (var candidate in new[] { target, folder + target }.Distinct())
        {
            var doc = StoredReading.FindByPath(searcher, candidate);
            if (doc >= 0)
            {
                var replacement = StoredReading.ReadSummary(searcher, doc);
                return replacement.Id == summary.Id ? null : new DocumentReference(replacement.Id, replacement.Title);
            }
        }

        return null;
    }

    private Dictionary<string, IReadOnlyList<string>> FacetsOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var entries = _facets.Ordinals.Entries;
        var facetNames = _facets.Ordinals.Facets;
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var ordinal in _facets.Of(leaf.AtomicReader).ValuesOf(doc - leaf.DocBase))
        {
            var entry = entries[ordinal];
            var facet = facetNames[entry.Facet];
            if (!result.TryGetValue(facet, out var list))
            {
                result[facet] = list = new List<string>();
            }

            ((List<string>)list).Add(entry.Value);
        }

        return result;
    }

    private static List<HitExplanation> Explain(IndexSearcher searcher, Lucene.Net.Search.Query query, List<RankedHit> ranked) =>
        ranked.Select(hit => new HitExplanation(hit.Id, Math.Round(hit.Score, 4), searcher.Explain(query, hit.Doc).ToString())).ToList();

    // Every segment's values are mapped before filters are resolved, so a value any live document has is known; the
    // fixed facets, the taxonomy's facets and values, and the three statuses exist even before any document has them.
    private void PrepareFacets(IndexSearcher searcher, Taxonomy taxonomy)
    {
        var ordinals = _facets.Ordinals;
        foreach (var facet in FacetCatalog.All)
        {
            ordinals.AddFacet(facet);
        }

        foreach (var facet in taxonomy.Facets)
        {
            ordinals.AddFacet(facet.Id);
            foreach (var value in facet.Values)
            {
                ordinals.GetOrAdd(facet.Id, value.Id, value.Label);
            }
        }

        foreach (var status in new[] { "gallande", "ersatt", "upphavd" })
        {
            ordinals.GetOrAdd(FacetIds.Status, status, StatusIds.LabelOf(status));
        }

        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            _ = _facets.Of(leaf.AtomicReader);
        }
    }

    // Built again when the taxonomy changes or a segment brings values or facets not seen before.
    private FacetReport Report(Taxonomy taxonomy)
    {
        var report = _report;
        if (report is null || !report.Covers(taxonomy))
        {
            _report = report = FacetReport.Build(_facets.Ordinals, FacetList(taxonomy), taxonomy);
        }

        return report;
    }

    private List<string> FacetList(Taxonomy taxonomy) =>
        FacetCatalog.All.Concat(taxonomy.Facets.Select(f => f.Id)).Concat(_facets.Ordinals.Facets).Distinct().ToList();

    private Dictionary<string, IReadOnlyList<int>> ResolveFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> requested, IReadOnlyList<KeyValuePair<string, string>> inline, Taxonomy taxonomy)
    {
        var all = new Dictionary<string, List<string>>();
        foreach (var (facet, values) in requested)
        {
            foreach (var value in values)
            {
                Add(facet, value);
            }
        }

        foreach (var (facet, value) in inline)
        {
            Add(facet, value);
        }

        var ordinals = _facets.Ordinals;
        var known = FacetList(taxonomy);
        var resolved = new Dictionary<string, IReadOnlyList<int>>();
        foreach (var (facet, values) in all)
        {
            if (!known.Contains(facet) || ordinals.FacetIndex(facet) < 0)
            {
                throw new SearchInputException("okand-facett", $"Det finns inget filter som heter ”{Shorten(facet)}”. Välj bland: {string.Join(", ", known)}.");
            }

            var selected = new List<int>();
            foreach (var value in values)
            {
                var ordinal = ordinals.OrdinalOf(facet, value);
                if (ordinal < 0 && facet == FacetIds.Ar && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999)
                {
                    // A valid year no document has yet: an empty result, not an error.
                    continue;
                }

                if (ordinal < 0)
                {
                    var label = taxonomy.Find(facet)?.Label ?? FacetCatalog.DefaultLabel(facet);
                    throw new SearchInputException("okant-facettvarde", $"Filtret ”{label}” har inget värde som heter ”{Shorten(value)}”.");
                }

                selected.Add(ordinal);
            }

            // Selecting only values no document has must select nothing, not everything: -1 is never satisfied.
            resolved[facet] = selected.Count > 0 ? selected : [-1];
        }

        return resolved;

        void Add(string facet, string value)
        {
            var id = FacetCatalog.Normalize(facet) ?? facet;
            if (!all.TryGetValue(id, out var list))
            {
                all[id] = list = [];
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static List<string> DescribeTerms(List<QueryClause> leaves)
    {
        var terms = new List<string>();
        foreach (var leaf in leaves)
        {
            switch (leaf)
            {
                case TermClause term:
                    terms.Add($"ord: {term.Word}");
                    terms.Add($"stam: {term.Stem}");
                    terms.Add($"del: {term.Stem}");
                    break;
                case PhraseClause phrase:
                    terms.Add($"fras: {string.Join(' ', phrase.Words)}");
                    terms.Add($"frasstammar: {string.Join(' ', phrase.Stems)}");
                    break;
                case PrefixClause prefix:
                    terms.Add($"prefix: {prefix.Prefix}*");
                    break;
            }
        }

        return terms;
    }

    private static void Lap(Dictionary<string, double> timings, string stage, Stopwatch clock)
    {
        timings[stage] = Math.Round(clock.Elapsed.TotalMilliseconds, 3);
        clock.Restart();
    }
}
