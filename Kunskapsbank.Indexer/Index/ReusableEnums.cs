using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Term and postings enumerators kept for reuse by one search thread, per segment and field.</summary>
/// <remarks>
/// Lucene.Net's block-tree terms enum is kilobytes of frames, arcs and buffers, and each postings enum clones its file
/// and allocates its block buffers. A search made dozens of each (a query word reads nine fields), so most of a
/// top-10 search's 290 KB of garbage was enumerators, and collecting it was the largest single cost in the profile
/// (docs/prestanda.md). Here a segment's terms enum is sought again by the term's state (no dictionary walk) and
/// postings enums go back into Lucene's own reuse (<c>TermsEnum.Docs(…, reuse)</c>) at the next request.
/// Not thread-safe: one per thread. A closed segment's enumerators go with its core key.
/// </remarks>
public sealed class ReusableEnums
{
    // Enough for a long query with prefixes on one field; more are made and dropped as before.
    private const int MaxPostingsPerField = 16;

    private readonly ConditionalWeakTable<object, Dictionary<string, FieldEnums>> _segments = [];
    private int _request;

    /// <summary>Starts a request: the postings enums handed out before are free again.</summary>
    public void NextRequest() => _request++;

    /// <summary>Seeks <paramref name="term"/> in the segment's field; its state, or null when the segment lacks it.</summary>
    public TermState? Seek(AtomicReader reader, string field, BytesRef term, out int docFreq, out long totalTermFreq)
    {
        ArgumentNullException.ThrowIfNull(reader);
        docFreq = 0;
        totalTermFreq = 0;
        if (Field(reader, field).Terms is not { } terms || !terms.SeekExact(term))
        {
            return null;
        }

        docFreq = terms.DocFreq;
        totalTermFreq = terms.TotalTermFreq;
        return terms.GetTermState();
    }

    /// <summary>Postings with frequencies of the term at <paramref name="state"/> (from <see cref="Seek"/> on the same segment).</summary>
    public DocsEnum Docs(AtomicReader reader, string field, BytesRef term, TermState state, IBits? acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var slot = Field(reader, field);
        var terms = slot.Terms ?? throw new InvalidOperationException($"Fältet {field} saknas i segmentet.");
        terms.SeekExact(term, state);
        if (slot.Request != _request)
        {
            slot.Request = _request;
            slot.Used = 0;
        }

        var reuse = slot.Used < slot.Postings.Count ? slot.Postings[slot.Used] : null;
        var docs = terms.Docs(acceptDocs, reuse, DocsFlags.FREQS);
        if (reuse is not null)
        {
            slot.Postings[slot.Used++] = docs;
        }
        else if (slot.Postings.Count < MaxPostingsPerField)
        {
            slot.Postings.Add(docs);
            slot.Used++;
        }

        return docs;
    }

    private FieldEnums Field(AtomicReader reader, string field)
    {
        var fields = _segments.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, FieldEnums>(StringComparer.Ordinal));
        if (!fields.TryGetValue(field, out var slot))
        {
            fields[field] = slot = new FieldEnums(reader.GetTerms(field)?.GetEnumerator());
        }

        return slot;
    }

    private sealed class FieldEnums(TermsEnum? terms)
    {
        public TermsEnum? Terms { get; } = terms;

        public List<DocsEnum> Postings { get; } = [];

        public int Request { get; set; }

        public int Used { get; set; }
    }
}
