using System.Globalization;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Query;

/// <summary>Matches documents where a phrase stands in any of several positional fields; scores nothing.</summary>
/// <remarks>
/// The phrase decides the match and its words score as words (<see cref="LuceneQueryBuilder"/>). Lucene's own form of
/// that, a constant-score disjunction of one <see cref="PhraseQuery"/> per zone, built a fresh terms enum for every
/// term and zone and a fresh positions enum (kilobytes of block buffers) for every term, segment and request, and
/// stacked three scorer layers over the zones; phrases were the slowest queries in the benchmark (docs/prestanda.md).
/// Here the terms are sought and the positions enums reused through the search's <see cref="ReusableEnums"/>, and one
/// scorer walks the zones. The match is Lucene's exact phrase: every term at its query position from one start. With
/// a <see cref="WordPostingsCache"/> a segment's matching documents are kept once found, as Lucene's query cache keeps
/// the matches of clauses that do not score: reading positions was most of a phrase search's time.
/// </remarks>
public sealed class ZonePhraseQuery : Lucene.Net.Search.Query
{
    /// <summary>Creates the query for <paramref name="stems"/> at <paramref name="positions"/> in each of <paramref name="fields"/>.</summary>
    /// <param name="enums">The searching thread's enumerators to reuse (null: the query's own).</param>
    /// <param name="matches">Where each segment's matching documents are kept (null: always read the positions).</param>
    public ZonePhraseQuery(IReadOnlyList<string> fields, IReadOnlyList<string> stems, IReadOnlyList<int> positions, ReusableEnums? enums = null, WordPostingsCache? matches = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentNullException.ThrowIfNull(positions);
        if (stems.Count == 0 || stems.Count != positions.Count)
        {
            throw new ArgumentException("Varje ord i frasen behöver en position.", nameof(positions));
        }

        Fields = fields;
        Stems = stems;
        Positions = positions;
        Enums = enums;
        Matches = matches;
    }

    /// <summary>The positional fields, one per zone.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The phrase's terms.</summary>
    public IReadOnlyList<string> Stems { get; }

    /// <summary>Each term's position in the phrase (gaps where a stop word holds a place).</summary>
    public IReadOnlyList<int> Positions { get; }

    private ReusableEnums? Enums { get; }

    private WordPostingsCache? Matches { get; }

    /// <inheritdoc />
    public override Weight CreateWeight(IndexSearcher searcher) => new ZonePhraseWeight(this);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<Term> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var field in Fields)
        {
            foreach (var stem in Stems)
            {
                terms.Add(new Term(field, stem));
            }
        }
    }

    /// <inheritdoc />
    public override string ToString(string field)
    {
        var words = Stems.Select((stem, i) => stem + "@" + Positions[i].ToString(CultureInfo.InvariantCulture));
        return "fras(" + string.Join(',', Fields) + ":\"" + string.Join(' ', words) + "\")" + ToStringUtils.Boost(Boost);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ZonePhraseQuery other && other.Boost == Boost
        && other.Fields.SequenceEqual(Fields) && other.Stems.SequenceEqual(Stems) && other.Positions.SequenceEqual(Positions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        foreach (var field in Fields)
        {
            hash.Add(field);
        }

        for (var i = 0; i < Stems.Count; i++)
        {
            hash.Add(Stems[i]);
            hash.Add(Positions[i]);
        }

        return hash.ToHashCode();
    }

    private sealed class ZonePhraseWeight(ZonePhraseQuery query) : Weight
    {
        private readonly ReusableEnums _enums = query.Enums ?? new ReusableEnums();
        private readonly BytesRef[] _terms = [.. query.Stems.Select(stem => new BytesRef(stem))];
        private string? _matchKey;

        public override Lucene.Net.Search.Query Query => query;

        public override float GetValueForNormalization() => 0f;

        public override void Normalize(float norm, float topLevelBoost)
        {
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // The small segments of near-real-time updates come and go; keeping their matches would only fill the cache.
            if (query.Matches is not { } cache || context.AtomicReader.MaxDoc < cache.MinimumPostings)
            {
                return PositionScorer(context, acceptDocs);
            }

            var segment = context.AtomicReader.CoreCacheKey;
            _matchKey ??= "\u001D" + query.ToString(string.Empty);
            var kept = cache.Get<MergedPostings>(segment, _matchKey);
            if (kept is null)
            {
                var docs = new List<int>();
                if (PositionScorer(context, null) is { } scorer)
                {
                    for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                    {
                        docs.Add(doc);
                    }
                }

                kept = new MergedPostings([.. docs], [], []);
                cache.Add(segment, _matchKey, kept);
            }

            return kept.Docs.Length == 0 ? null : new KeptMatchScorer(this, new SortedDocs(kept.Docs, acceptDocs));
        }

        private ZonePhraseScorer? PositionScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var reader = context.AtomicReader;
            var zones = new List<ZoneMatcher>(query.Fields.Count);
            foreach (var field in query.Fields)
            {
                if (Zone(reader, field, acceptDocs) is { } zone)
                {
                    zones.Add(zone);
                }
            }

            return zones.Count == 0 ? null : new ZonePhraseScorer(this, [.. zones]);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var found = PositionScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc;
            return new ComplexExplanation(found, 0f, found ? "frasen finns (avgör träffen, orden ger poängen)" : "frasen saknas");
        }

        // The zone's postings, rarest first (it leads the conjunction); null when a term is missing from the zone.
        private ZoneMatcher? Zone(AtomicReader reader, string field, IBits? acceptDocs)
        {
            var found = new (TermState State, int DocFreq, int Index)[_terms.Length];
            for (var i = 0; i < _terms.Length; i++)
            {
                if (_enums.Seek(reader, field, _terms[i], out var docFreq, out _) is not { } state)
                {
                    return null;
                }

                found[i] = (state, docFreq, i);
            }

            Array.Sort(found, (a, b) => a.DocFreq.CompareTo(b.DocFreq));
            var postings = new DocsAndPositionsEnum[found.Length];
            var offsets = new int[found.Length];
            for (var i = 0; i < found.Length; i++)
            {
                var index = found[i].Index;
                postings[i] = _enums.Positions(reader, field, _terms[index], found[i].State, acceptDocs);
                offsets[i] = query.Positions[index];
            }

            return new ZoneMatcher(postings, offsets);
        }
    }

    // One zone: a conjunction of the terms' postings, then their positions checked for one common start.
    private sealed class ZoneMatcher(DocsAndPositionsEnum[] postings, int[] offsets)
    {
        private readonly int[] _start = new int[postings.Length];
        private readonly int[] _left = new int[postings.Length];

        public int Doc { get; private set; } = -1;

        public long Cost => postings[0].GetCost();

        public int AdvanceTo(int target)
        {
            var lead = postings[0];
            var doc = lead.DocID >= target ? lead.DocID : lead.Advance(target);
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                var next = Agree(doc);
                if (next == doc)
                {
                    if (HasPhrase())
                    {
                        return Doc = doc;
                    }

                    next = doc + 1;
                }

                doc = next == DocIdSetIterator.NO_MORE_DOCS ? next : lead.Advance(next);
            }

            return Doc = DocIdSetIterator.NO_MORE_DOCS;
        }

        // The other postings moved to doc: doc when all hold it, else the first document worth trying next.
        private int Agree(int doc)
        {
            for (var i = 1; i < postings.Length; i++)
            {
                var at = postings[i].DocID;
                if (at < doc)
                {
                    at = postings[i].Advance(doc);
                }

                if (at != doc)
                {
                    return at;
                }
            }

            return doc;
        }

        // Each term's positions shifted back by its place in the phrase: the phrase stands where all share a start.
        // Positions are read only as far as the search for a common start needs them: a common word has dozens in a
        // long document, and the first place where the phrase stands settles the match.
        private bool HasPhrase()
        {
            for (var i = 0; i < postings.Length; i++)
            {
                _left[i] = postings[i].Freq;
                _start[i] = int.MinValue;
            }

            if (!NextStart(0))
            {
                return false;
            }

            var candidate = _start[0];
            var agreed = 1;
            for (var i = 1; agreed < postings.Length; i = (i + 1) % postings.Length)
            {
                while (_start[i] < candidate)
                {
                    if (!NextStart(i))
                    {
                        return false;
                    }
                }

                if (_start[i] == candidate)
                {
                    agreed++;
                }
                else
                {
                    candidate = _start[i];
                    agreed = 1;
                }
            }

            return true;
        }

        private bool NextStart(int i)
        {
            if (_left[i] == 0)
            {
                return false;
            }

            _left[i]--;
            _start[i] = postings[i].NextPosition() - offsets[i];
            return true;
        }
    }

    // A segment's kept matches: the documents, no score.
    private sealed class KeptMatchScorer(Weight weight, SortedDocs walk) : Scorer(weight)
    {
        public override int DocID => walk.Doc;

        public override int Freq => 1;

        public override float GetScore() => 0f;

        public override int NextDoc() => walk.NextDoc();

        public override int Advance(int target) => walk.Advance(target);

        public override long GetCost() => walk.Cost;
    }

    // The zones' matches as one disjunction, in document order.
    private sealed class ZonePhraseScorer(Weight weight, ZoneMatcher[] zones) : Scorer(weight)
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => 1;

        public override float GetScore() => 0f;

        public override int NextDoc() => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Advance(_doc + 1);

        public override int Advance(int target)
        {
            var next = NO_MORE_DOCS;
            foreach (var zone in zones)
            {
                var at = zone.Doc;
                if (at < target)
                {
                    at = zone.AdvanceTo(target);
                }

                if (at < next)
                {
                    next = at;
                }
            }

            return _doc = next;
        }

        public override long GetCost() => zones.Sum(zone => zone.Cost);
    }
}
