using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>An <see cref="IndexSearcher"/> whose BM25 statistics count only live documents that have the field.</summary>
/// <remarks>
/// Lucene 4.8 scores with statistics that still include deleted documents until a merge drops them, and divides by
/// <c>maxDoc</c> — every Lucene document of every kind (passages, ledger, changes). So after a changed, moved or deleted
/// file, scores drifted away from those of a clean build of the same files, and idf depended on how many passages the
/// index held. Here <c>N</c> is the number of live documents with the field (as Lucene 8 does), and document
/// frequency, field-document count and total length have the deleted documents' share subtracted exactly: their field
/// lengths come from <see cref="IndexSchema.Lengths"/>, and whether a deleted document holds a term is read from the
/// postings (by advancing to each deleted document, or by walking the postings when they are shorter). The extra work
/// is only in segments with deletions, which merges keep few.
/// </remarks>
public sealed class LiveStatisticsSearcher : IndexSearcher
{
    private readonly DeletionCache _deletions;
    private readonly ConcurrentDictionary<string, CollectionStatistics> _collection = new(StringComparer.Ordinal);

    /// <summary>A searcher over <paramref name="reader"/>; <paramref name="deletions"/> is shared by the searchers of one index.</summary>
    public LiveStatisticsSearcher(IndexReader reader, DeletionCache deletions)
        : base(reader)
    {
        _deletions = deletions;
    }

    /// <inheritdoc />
    public override CollectionStatistics CollectionStatistics(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return _collection.GetOrAdd(field, Compute);
    }

    /// <inheritdoc />
    public override TermStatistics TermStatistics(Term term, TermContext context)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(context);
        return new TermStatistics(term.Bytes, LiveDocFreq(term, context), -1);
    }

    private long LiveDocFreq(Term term, TermContext context)
    {
        long docFreq = context.DocFreq;
        foreach (var leaf in IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            if (!reader.HasDeletions || context.Get(leaf.Ord) is not { } state || _deletions.Of(reader).Documents.Length == 0)
            {
                continue;
            }

            var terms = reader.GetTerms(term.Field);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            termsEnum.SeekExact(term.Bytes, state);
            docFreq -= CountDeleted(termsEnum, reader.LiveDocs, _deletions.Of(reader).Documents);
        }

        return Math.Max(0, docFreq);
    }

    private CollectionStatistics Compute(string field)
    {
        long docCount = 0;
        long sumTotalTermFreq = 0;
        foreach (var leaf in IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var terms = reader.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            docCount += terms.DocCount;
            sumTotalTermFreq += terms.SumTotalTermFreq;
            if (reader.HasDeletions && _deletions.Of(reader).Fields.TryGetValue(field, out var deleted))
            {
                docCount -= deleted.Documents;
                sumTotalTermFreq -= deleted.Tokens;
            }
        }

        var documents = Math.Max(1, docCount);
        return new CollectionStatistics(field, documents, documents, Math.Max(0, sumTotalTermFreq), -1);
    }

    // Whichever is shorter is walked: the term's postings in this segment, or the list of deleted documents.
    private static long CountDeleted(TermsEnum termsEnum, IBits? live, int[] deleted)
    {
        if (live is null || deleted.Length == 0)
        {
            return 0;
        }

        var postings = termsEnum.Docs(null, null, DocsFlags.NONE);
        long count = 0;
        if (termsEnum.DocFreq <= deleted.Length)
        {
            int doc;
            while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (!live.Get(doc))
                {
                    count++;
                }
            }

            return count;
        }

        foreach (var target in deleted)
        {
            var at = postings.DocID;
            if (at < target)
            {
                at = postings.Advance(target);
            }

            if (at == DocIdSetIterator.NO_MORE_DOCS)
            {
                break;
            }

            if (at == target)
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>Per segment reader (one set of deletions): the deleted documents and their share of each field's statistics.</summary>
public sealed class DeletionCache
{
    private readonly ConditionalWeakTable<AtomicReader, Deletions> _cache = [];

    /// <summary>The deleted documents of a segment reader and what they contributed to each text field.</summary>
    public sealed record Deletions(int[] Documents, IReadOnlyDictionary<string, (long Documents, long Tokens)> Fields);

    /// <summary>The deletions of <paramref name="reader"/> (computed once per reader).</summary>
    public Deletions Of(AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return _cache.GetValue(reader, Compute);
    }

    // Only deleted documents with text fields (documents and passages) can change a term's statistics; deleted ledger
    // entries and pruned changes are most of the deletions and are left out, or every term would walk them.
    private static Deletions Compute(AtomicReader reader)
    {
        var live = reader.LiveDocs;
        var lengths = reader.GetBinaryDocValues(IndexSchema.Lengths);
        if (live is null || lengths is null)
        {
            return new Deletions([], new Dictionary<string, (long, long)>());
        }

        var passageCounts = reader.GetNumericDocValues(IndexSchema.PassageCount);
        var deleted = new List<int>();
        var fields = new Dictionary<string, (long Documents, long Tokens)>(StringComparer.Ordinal);
        var bytes = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live.Get(doc))
            {
                continue;
            }

            lengths.Get(doc, bytes);
            if (bytes.Length == 0)
            {
                continue;
            }

            deleted.Add(doc);
            foreach (var (field, documents, tokens) in FieldLengths.Decode(bytes.Bytes, bytes.Offset, bytes.Length))
            {
                if (documents > 0)
                {
                    var (allDocuments, allTokens) = fields.GetValueOrDefault(field);
                    fields[field] = (allDocuments + documents, allTokens + tokens);
                }
            }

            // The document's lengths hold its passages' totals; the passages (its block, deleted with it) follow it.
            var passages = (int)(passageCounts?.Get(doc) ?? 0);
            for (var passage = doc + 1; passage <= doc + passages && passage < reader.MaxDoc && !live.Get(passage); passage++)
            {
                deleted.Add(passage);
            }

            doc += passages;
        }

        return new Deletions([.. deleted], fields);
    }
}
