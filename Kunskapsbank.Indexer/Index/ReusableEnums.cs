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
/// Not thread-safe: a search rents one from <see cref="ReusableEnumsPool"/> and gives it back. A closed segment's
/// enumerators go with its core key.
/// </remarks>
public sealed class ReusableEnums
{
    // Enough for a query of several words; a long prefix expansion makes and drops the rest as before.
    private const int MaxPostingsPerField = 8;

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
        var slot = Sought(reader, field, term, state);
        var reused = slot.Docs.Next(_request);
        return slot.Docs.Keep(slot.Terms!.Docs(acceptDocs, reused, DocsFlags.FREQS), reused);
    }

    /// <summary>Postings with positions of the term at <paramref name="state"/> (from <see cref="Seek"/> on the same segment).</summary>
    public DocsAndPositionsEnum Positions(AtomicReader reader, string field, BytesRef term, TermState state, IBits? acceptDocs)
    {
        var slot = Sought(reader, field, term, state);
        var reused = slot.Positions.Next(_request);
        var positions = slot.Terms!.DocsAndPositions(acceptDocs, reused, DocsAndPositionsFlags.NONE)
            ?? throw new InvalidOperationException($"Fältet {field} saknar positioner.");
        return slot.Positions.Keep(positions, reused);
    }

    private FieldEnums Sought(AtomicReader reader, string field, BytesRef term, TermState state)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var slot = Field(reader, field);
        var terms = slot.Terms ?? throw new InvalidOperationException($"Fältet {field} saknas i segmentet.");
        terms.SeekExact(term, state);
        return slot;
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

        public Kept<DocsEnum> Docs { get; } = new();

        public Kept<DocsAndPositionsEnum> Positions { get; } = new();
    }

    // The enums of one kind handed out in the current request, given back to Lucene's reuse in the next.
    private sealed class Kept<T>
        where T : DocsEnum
    {
        private readonly List<T> _kept = [];
        private int _request;
        private int _used;

        public T? Next(int request)
        {
            if (_request != request)
            {
                _request = request;
                _used = 0;
            }

            return _used < _kept.Count ? _kept[_used] : null;
        }

        public T Keep(T enumerator, T? reused)
        {
            if (reused is not null)
            {
                _kept[_used++] = enumerator;
            }
            else if (_kept.Count < MaxPostingsPerField)
            {
                _kept.Add(enumerator);
                _used++;
            }

            return enumerator;
        }
    }
}

/// <summary>The <see cref="ReusableEnums"/> of the searches running at once, kept for the next ones.</summary>
/// <remarks>Bounded by how many searches run at the same time, not by how many threads ever searched: a busy service
/// has dozens of pool threads, and a set of enumerators is about a megabyte.</remarks>
public sealed class ReusableEnumsPool
{
    private readonly System.Threading.Lock _lock = new();
    private readonly Stack<ReusableEnums> _free = new();
    private readonly int _keep = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>A set of enumerators for one search, started for a new request.</summary>
    public ReusableEnums Rent()
    {
        ReusableEnums? enums;
        lock (_lock)
        {
            _free.TryPop(out enums);
        }

        enums ??= new ReusableEnums();
        enums.NextRequest();
        return enums;
    }

    /// <summary>Gives a set back when its search is done with every enumerator in it.</summary>
    public void Return(ReusableEnums enums)
    {
        ArgumentNullException.ThrowIfNull(enums);
        lock (_lock)
        {
            if (_free.Count < _keep)
            {
                _free.Push(enums);
            }
        }
    }
}
