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

namespace Kunskapsbank.Indexer.Search;

/// <summary>The query flow: parse → match → rank → facet → highlight, plus typo correction, typeahead and documents.</summary>
/// <remarks>
/// Matching and ranking happen on whole documents (doc_fts): "all words must match" means anywhere in the document,
/// because a guideline that says "våld" on page 3 and "skolan" on page 4 answers "våld skolan". Passages are then
/// ranked only for the documents on the result page (passage_fts, a rowid range per document), which keeps the cost
/// of a common term at one bm25 per matching document instead of one per matching page.
/// </remarks>
public sealed class SearchEngine : ISearchEngine
{
    private const int MaxPageSize = 100;

    private readonly IndexStore _store;
    private readonly Analyzer _analyzer;
    private readonly QueryAnalyzer _queryAnalyzer;
    private readonly SnippetBuilder _snippets;
    private readonly PassageSelector _passages;
    private readonly Func<Taxonomy> _taxonomy;
    private readonly VocabularyCache _vocabulary;
    private readonly Lock _snapshotLock = new();
    private volatile IndexSnapshot? _snapshot;

    /// <summary>Creates the engine over a store; <paramref name="taxonomy"/> gives the facet labels in force.</summary>
    public SearchEngine(IndexStore store, Analyzer analyzer, Func<Taxonomy> taxonomy)
    {
        _store = store;
        _analyzer = analyzer;
        _queryAnalyzer = new QueryAnalyzer(analyzer);
        _snippets = new SnippetBuilder(analyzer);
        _passages = new PassageSelector(analyzer);
        _taxonomy = taxonomy;
        _vocabulary = new VocabularyCache(store);
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

        var session = _store.Rent();
        try
        {
            var snapshot = Snapshot(session);
            var filters = ResolveFilters(snapshot.Facets, request.Filters, parsed.InlineFilters);
            if (clause is null && parsed.Root is not null)
            {
                throw new SearchInputException("inga-sokord", "Frågan innehåller inga ord att söka efter. Skriv ett eller flera ord.");
            }

            var matchExpression = clause is null ? string.Empty : MatchExpression.ForDocuments(clause);
            var result = clause is null
                ? Browse(snapshot, filters, request, page * pageSize)
                : Match(session, snapshot, matchExpression, filters, request, page * pageSize, cancellationToken);
            Lap(timings, "match", clock);

            string? suggestion = null;
            string? correctedQuery = null;
            var partial = false;
            if (clause is not null && result.Total <= 2)
            {
                var corrected = Correct(_vocabulary.Get(session, snapshot.Generation), clause, request.Query);
                if (corrected is not null)
                {
                    suggestion = corrected.Value.Text;
                    if (result.Total == 0)
                    {
                        var correctedResult = Match(session, snapshot, MatchExpression.ForDocuments(corrected.Value.Clause), filters, request, page * pageSize, cancellationToken);
                        if (correctedResult.Total > 0)
                        {
                            result = correctedResult;
                            correctedQuery = corrected.Value.Text;
                            clause = corrected.Value.Clause;
                        }
                    }
                }

                if (result.Total == 0 && MatchExpression.ForAnyPositive(clause) is { } any)
                {
                    var partialResult = Match(session, snapshot, any, filters, request, page * pageSize, cancellationToken);
                    if (partialResult.Total > 0)
                    {
                        result = partialResult;
                        partial = true;
                    }
                }

                Lap(timings, "suggest", clock);
            }

            var ranked = result.Top.ToSortedList().Skip((page - 1) * pageSize).Take(pageSize).ToList();
            Lap(timings, "rank", clock);
            var facets = request.IncludeFacets ? result.Counter.ToFacetCounts() : new Dictionary<string, IReadOnlyList<FacetCount>>();
            Lap(timings, "facet", clock);

            var leaves = new List<QueryClause>();
            if (clause is not null)
            {
                MatchExpression.CollectPositiveLeaves(clause, leaves);
            }

            var highlight = new HighlightTerms(leaves);
            var hits = new List<SearchHit>(ranked.Count);
            foreach (var (id, score) in ranked)
            {
                if (!snapshot.Documents.TryGetValue(id, out var summary))
                {
                    continue;
                }

                var passages = request.IncludePassages ? BestPassages(session, summary, leaves, highlight) : [];
                hits.Add(new SearchHit(
                    id,
                    summary.Path,
                    summary.Title,
                    Math.Round(request.Sort == SortOrder.Newest && clause is not null ? score - ((summary.Year ?? 0) * 1_000_000.0) : score, 4),
                    summary.Publisher,
                    summary.Year,
                    summary.DocumentType,
                    summary.Status,
                    summary.SupersededBy,
                    snapshot.Facets.FacetsOf(id),
                    passages));
            }

            Lap(timings, "highlight", clock);
            var explanation = request.Explain
                ? new SearchExplanation(parsed.Root?.ToString() ?? string.Empty, DescribeTerms(leaves), timings, matchExpression)
                : null;
            return new SearchResponse(result.Total, hits, facets, suggestion, partial, correctedQuery, explanation);
        }
        finally
        {
            _store.Return(session);
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
        var (snapshot, vocabulary) = SnapshotWithVocabulary();

        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        var lower = text.ToLower(swedish).TrimStart();
        var completions = new List<Completion>();
        foreach (var document in snapshot.ByTitleLength)
        {
            if (completions.Count >= (limit + 1) / 2)
            {
                break;
            }

            var title = document.Title.ToLower(swedish);
            var at = title.IndexOf(lower, StringComparison.Ordinal);
            if (at == 0 || (at > 0 && !char.IsLetterOrDigit(title[at - 1])))
            {
                completions.Add(new Completion(document.Title, "titel", document.Id));
            }
        }

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
        var session = _store.Rent();
        try
        {
            var document = session.ReadDocument(id);
            if (document is null)
            {
                return null;
            }

            var passages = session.ReadPassages(id).Select(p => new DocumentPassage(p.Id, p.Ordinal, p.Page, p.HeadingPath, p.Text)).ToList();
            var s = document.Summary;
            return new DocumentDetails(s.Id, s.Path, s.Title, s.Publisher, s.Year, s.DocumentType, s.Status, s.SupersededBy, document.ContentType, document.PageCount, document.Tags, passages);
        }
        finally
        {
            _store.Return(session);
        }
    }

    // The vocabulary loads through the same pooled reader as the snapshot: taking a second reader could wait forever once the pool is full.
    private (IndexSnapshot Snapshot, Vocabulary Vocabulary) SnapshotWithVocabulary()
    {
        var session = _store.Rent();
        try
        {
            var snapshot = Snapshot(session);
            return (snapshot, _vocabulary.Get(session, snapshot.Generation));
        }
        finally
        {
            _store.Return(session);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FacetSummary> GetFacets()
    {
        var (snapshot, vocabulary) = SnapshotWithVocabulary();

        var counter = snapshot.Facets.CreateCounter(new Dictionary<string, IReadOnlyList<int>>());
        foreach (var id in snapshot.Documents.Keys)
        {
            counter.Add(id, countFacets: true);
        }

        return counter.ToFacetCounts().Select(f => new FacetSummary(f.Key, snapshot.Facets.FacetLabel(f.Key), f.Value)).ToList();
    }

    /// <inheritdoc />
    public void Warm() => _ = SnapshotWithVocabulary();

    /// <summary>The current in-memory snapshot (reloaded when the index changed).</summary>
    internal IndexSnapshot CurrentSnapshot()
    {
        var session = _store.Rent();
        try
        {
            return Snapshot(session);
        }
        finally
        {
            _store.Return(session);
        }
    }

    private IndexSnapshot Snapshot(IndexStore.ReaderSession session)
    {
        var generation = session.ReadGeneration();
        var taxonomy = _taxonomy();
        if (_snapshot is { } current && current.IsAt(generation, taxonomy))
        {
            return current;
        }

        lock (_snapshotLock)
        {
            // Advance returns the same snapshot when another thread already brought it up to date.
            var snapshot = _snapshot;
            _snapshot = snapshot = snapshot is null ? IndexSnapshot.Load(session, taxonomy) : snapshot.Advance(session, taxonomy);
            return snapshot;
        }
    }

    private sealed record MatchResult(int Total, TopDocuments Top, FacetCache.Counter Counter);

    private static MatchResult Match(IndexStore.ReaderSession session, IndexSnapshot snapshot, string expression, Dictionary<string, IReadOnlyList<int>> filters, SearchRequest request, int needed, CancellationToken cancellationToken)
    {
        var counter = snapshot.Facets.CreateCounter(filters);
        var top = new TopDocuments(needed);
        var total = 0;
        var newest = request.Sort == SortOrder.Newest;
        var documents = snapshot.Documents;
        session.MatchDocuments(expression, FieldWeights.Document, (id, score) =>
        {
            if (!documents.TryGetValue(id, out var summary) || !counter.Add(id, request.IncludeFacets))
            {
                return;
            }

            total++;
            var ranked = score * StatusPenalty.For(summary.Status);
            top.Offer(id, newest ? ((summary.Year ?? 0) * 1_000_000.0) + ranked : ranked);
        }, cancellationToken);

        return new MatchResult(total, top, counter);
    }

    private static MatchResult Browse(IndexSnapshot snapshot, Dictionary<string, IReadOnlyList<int>> filters, SearchRequest request, int needed)
    {
        var counter = snapshot.Facets.CreateCounter(filters);
        var top = new TopDocuments(needed);
        var total = 0;
        foreach (var summary in snapshot.Documents.Values)
        {
            if (!counter.Add(summary.Id, request.IncludeFacets))
            {
                continue;
            }

            total++;
            top.Offer(summary.Id, (summary.Year ?? 0) + (StatusPenalty.For(summary.Status) / 10));
        }

        return new MatchResult(total, top, counter);
    }

    private List<HitPassage> BestPassages(IndexStore.ReaderSession session, DocumentSummary summary, List<QueryClause> leaves, HighlightTerms highlight)
    {
        var documentId = summary.Id;
        var chosen = _passages.Select(session, documentId, summary.Title, leaves)
            .Select(session.ReadPassage)
            .OfType<StoredPassage>()
            .ToList();
        if (chosen.Count == 0 && session.ReadPassage(documentId * IndexStore.PassageIdStride) is { } first)
        {
            // Matched only in the title (or browsing): the opening passage stands for the document.
            chosen.Add(first);
        }

        return chosen.Select(p =>
        {
            var (snippet, _) = _snippets.Build(p.Text, highlight);
            return new HitPassage(p.Id, p.Page, p.HeadingPath.Count > 0 ? p.HeadingPath[^1] : null, snippet, p.Text);
        }).ToList();
    }

    private static Dictionary<string, IReadOnlyList<int>> ResolveFilters(FacetCache facets, IReadOnlyDictionary<string, IReadOnlyList<string>> requested, IReadOnlyList<KeyValuePair<string, string>> inline)
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

        var resolved = new Dictionary<string, IReadOnlyList<int>>();
        foreach (var (facet, values) in all)
        {
            if (!facets.IsKnownFacet(facet))
            {
                throw new SearchInputException("okand-facett", $"Det finns inget filter som heter ”{Shorten(facet)}”. Välj bland: {string.Join(", ", facets.Facets)}.");
            }

            var ordinals = new List<int>();
            foreach (var value in values)
            {
                var ordinal = facets.OrdinalOf(facet, value);
                if (ordinal < 0 && facet == FacetIds.Ar && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999)
                {
                    // A valid year no document has yet: an empty result, not an error.
                    continue;
                }

                if (ordinal < 0)
                {
                    throw new SearchInputException("okant-facettvarde", $"Filtret ”{facets.FacetLabel(facet)}” har inget värde som heter ”{Shorten(value)}”.");
                }

                ordinals.Add(ordinal);
            }

            // Selecting only values no document has must select nothing, not everything: -1 is never satisfied.
            resolved[facet] = ordinals.Count > 0 ? ordinals : [-1];
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

    private (string Text, QueryClause Clause)? Correct(Vocabulary vocabulary, QueryClause clause, string query)
    {
        var corrector = new SpellingCorrector(vocabulary);
        var replacements = new Dictionary<TermClause, TermClause>();
        var text = query;
        foreach (var leaf in Leaves(clause))
        {
            if (leaf is not TermClause term || replacements.ContainsKey(term))
            {
                continue;
            }

            var frequency = vocabulary.StemFrequency(term.Stem);
            if (frequency > 2)
            {
                continue;
            }

            var correction = corrector.Correct(term.Word, Math.Max(frequency, vocabulary.WordFrequency(term.Word)));
            if (correction is null)
            {
                continue;
            }

            var stem = _analyzer.Analyze(correction).FirstOrDefault(t => !t.IsCompoundPart).Term ?? correction;
            replacements[term] = new TermClause(stem, correction, correction);
            text = ReplaceWord(text, term.Typed, correction);
        }

        return replacements.Count == 0 ? null : (text, Replace(clause, replacements));
    }

    private static IEnumerable<QueryClause> Leaves(QueryClause clause) => clause switch
    {
        AllClause all => all.Positive.SelectMany(Leaves),
        AnyClause any => any.Children.SelectMany(Leaves),
        _ => [clause],
    };

    private static QueryClause Replace(QueryClause clause, Dictionary<TermClause, TermClause> replacements) => clause switch
    {
        TermClause term when replacements.TryGetValue(term, out var replacement) => replacement,
        AllClause all => new AllClause(all.Positive.Select(c => Replace(c, replacements)).ToList(), all.Negative),
        AnyClause any => new AnyClause(any.Children.Select(c => Replace(c, replacements)).ToList()),
        _ => clause,
    };

    private static string ReplaceWord(string text, string typed, string correction)
    {
        var at = text.IndexOf(typed, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? text : text[..at] + correction + text[(at + typed.Length)..];
    }

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
