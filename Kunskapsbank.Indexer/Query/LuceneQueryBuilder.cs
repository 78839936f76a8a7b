using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Query;

/// <summary>Turns an analysed query into Lucene queries, term by term: nothing the user typed is ever Lucene syntax.</summary>
/// <remarks>A word is one <see cref="WeightedFieldsQuery"/> (BM25F) over the zones (title, headings, body): its stem in the
/// positional field less its compound-part occurrences (the parts field) and the exact word in the word field, weighted by
/// <see cref="FieldWeights"/>. A phrase must match on a positional field with the analyzer's positions and scores as its
/// words; a prefix expands on the word fields (<see cref="PrefixExpansion"/>, kept per reader in
/// <paramref name="expansions"/>) and scores as one <see cref="ExpansionsQuery"/>. The reader is needed only for prefixes;
/// <paramref name="enums"/> are the searching thread's enumerators, which the word queries reuse, and
/// <paramref name="merged"/> keeps frequent words' merged postings across searches.</remarks>
public sealed class LuceneQueryBuilder(IndexReader reader, ReusableEnums? enums = null, WordPostingsCache? merged = null, PrefixExpansionCache? expansions = null)
{
    // A query is built again for partial matches, corrections and each page document's passages; a prefix is
    // expanded once per reader and field set (per builder when no shared cache is given).
    private readonly PrefixExpansionCache _expansions = expansions ?? new();

    /// <summary>The document-level query: all of the query's logic (AND, OR, NOT).</summary>
    public Lucene.Net.Search.Query ForDocuments(QueryClause clause) => Build(clause);

    /// <summary>Documents matching at least one positive clause and none of the excluded ones (partial matches), or null.</summary>
    public Lucene.Net.Search.Query? ForAnyPositive(QueryClause clause)
    {
        if (clause is not AllClause all || all.Positive.Count < 2)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var positive in all.Positive)
        {
            query.Add(Build(positive), Occur.SHOULD);
        }

        foreach (var negative in all.Negative)
        {
            query.Add(Build(negative), Occur.MUST_NOT);
        }

        query.MinimumNumberShouldMatch = 1;
        return query;
    }

    /// <summary>The text terms a prefix stands for when it places passages: its most frequent expansions in the body.</summary>
    public IReadOnlyList<string> PassageExpansion(PrefixClause prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Expansion([IndexSchema.Body], prefix.Prefix, PrefixExpansion.MaxTerms / 4);
    }

    private BooleanQuery Build(QueryClause clause)
    {
        switch (clause)
        {
            case TermClause term:
                return new BooleanQuery(disableCoord: true) { { Word(term.Stem, term.Word), Occur.SHOULD } };

            case PhraseClause phrase:
                {
                    // The phrase decides the match (on any zone); its words score as words. A stop word only holds its
                    // place, as in Lucene's and Elasticsearch's phrases over stop-filtered text: "barn som upplever våld"
                    // is barn, a word, upplever, våld. The positional fields hold no stop words (decision 42), so a
                    // phrase of stop words alone is matched as its words, each required, from the word fields.
                    if (phrase.OnlyStopWords)
                    {
                        var words = new BooleanQuery(disableCoord: true);
                        for (var i = 0; i < phrase.Stems.Count; i++)
                        {
                            words.Add(Word(phrase.Stems[i], phrase.Words[i]), Occur.MUST);
                        }

                        return words;
                    }

                    var anywhere = new ZonePhraseQuery(
                        [.. FieldWeights.Zones.Select(z => z.Positional)],
                        [.. phrase.PlacedStems],
                        [.. phrase.PlacedOffsets],
                        enums,
                        merged);
                    var query = new BooleanQuery(disableCoord: true) { { anywhere, Occur.MUST } };
                    foreach (var i in phrase.Placed)
                    {
                        query.Add(Word(phrase.Stems[i], phrase.Words[i]), Occur.SHOULD);
                    }

                    return query;
                }

            case PrefixClause prefix:
                {
                    var words = Expansion(FieldWeights.Zones.Select(z => z.Words).ToList(), prefix.Prefix, PrefixExpansion.LimitFor(prefix.Prefix))
                        .Select(term => new WeightedFieldsQuery([.. FieldWeights.Zones.Select(z => (new Term(z.Words, term), z.Weight * FieldWeights.WholeWord))], FieldWeights.Length, enums, merged))
                        .ToList();
                    var query = new BooleanQuery(disableCoord: true);
                    if (words.Count > 0)
                    {
                        query.Add(new ExpansionsQuery(words, merged), Occur.SHOULD);
                    }

                    return query;
                }

            case AnyClause any:
                {
                    var query = new BooleanQuery(disableCoord: true);
                    foreach (var child in any.Children)
                    {
                        query.Add(Build(child), Occur.SHOULD);
                    }

                    return query;
                }

            case AllClause all:
                {
                    var query = new BooleanQuery(disableCoord: true);
                    foreach (var child in all.Positive)
                    {
                        query.Add(Build(child), Occur.MUST);
                    }

                    foreach (var child in all.Negative)
                    {
                        query.Add(Build(child), Occur.MUST_NOT);
                    }

                    return query;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(clause));
        }
    }

    private IReadOnlyList<string> Expansion(IReadOnlyList<string> fields, string prefix, int limit) =>
        _expansions.Get(reader, fields, prefix, limit);

    // One word: its stem in the positional fields (whole words and parts), less its part occurrences (a part counts less
    // than a whole word), and the exact word, in every zone, scored together (BM25F).
    private WeightedFieldsQuery Word(string stem, string word)
    {
        var terms = new List<(Term, float)>(9);
        foreach (var zone in FieldWeights.Zones)
        {
            terms.Add((new Term(zone.Positional, stem), zone.Weight * (FieldWeights.Positional + FieldWeights.Stem)));
            terms.Add((new Term(zone.Parts, stem), -zone.Weight * FieldWeights.Stem));
            terms.Add((new Term(zone.Words, word), zone.Weight * FieldWeights.Word));
        }

        return new WeightedFieldsQuery(terms, FieldWeights.Length, enums, merged);
    }
}
