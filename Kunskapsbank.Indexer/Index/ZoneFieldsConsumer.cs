using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;
using LuceneIndexOptions = Lucene.Net.Index.IndexOptions;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The postings format of the index: Lucene's own, but a segment's flush writes each zone's positional, parts and
/// word fields from the one field the zone inverted (<see cref="ZoneFieldsConsumer"/>).</summary>
[PostingsFormatName("KunskapsbankZones")]
public sealed class ZonePostingsFormat : PostingsFormat
{
    private readonly PostingsFormat _inner;

    /// <summary>Wraps <paramref name="inner"/>, which writes and reads every field.</summary>
    public ZonePostingsFormat(PostingsFormat inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    public override FieldsConsumer FieldsConsumer(SegmentWriteState state) => new ZoneFieldsConsumer(_inner.FieldsConsumer(state), state);

    /// <inheritdoc />
    public override FieldsProducer FieldsProducer(SegmentReadState state) => _inner.FieldsProducer(state);
}

/// <summary>Writes a flushed segment's fields through Lucene's consumer, turning each zone's inverted field
/// (<see cref="FieldTokenKind.Zone"/>, with the stop-word parts of its parts field and the stop-word mask of its word
/// field, <see cref="StopWordMask"/>) into the zone's three fields of <see cref="IndexSchema"/>; merges pass straight
/// through.</summary>
/// <remarks>
/// Indexing cost follows the (document, term) pairs Lucene inverts in memory, and the three fields had twice the pairs of
/// one: each whole word was a stem in the positional field and a surface form in the word field, each compound part a stem
/// in the positional and the parts field. Spelling the surface form with its stem (<see cref="ZoneSpelling"/>) lets one
/// positional field carry all of it; here, once per segment, its postings are regrouped: by stem into the positional field
/// (positions merged), parts into the parts field, surface forms into the word field. The segment on disk is what
/// inverting the three fields wrote, so searching does not change. Lucene hands fields over sorted by name, and a zone's
/// names sort together (<c>body</c>, <c>body_p</c>, <c>body_w</c>), so its three are written when the next field arrives.
/// </remarks>
internal sealed class ZoneFieldsConsumer(FieldsConsumer inner, SegmentWriteState state) : FieldsConsumer
{
    private OpenZone? _open;

    /// <inheritdoc />
    public override TermsConsumer AddField(FieldInfo field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var zone = IndexSchema.ZoneOf(field.Name);
        if (_open is not null && _open.Fields != zone)
        {
            WriteOpen();
        }

        if (zone is null)
        {
            return inner.AddField(field);
        }

        _open ??= new OpenZone(zone);
        var buffer = new BufferedPostings(field.IndexOptions.CompareTo(LuceneIndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0);
        if (field.Name == zone.Positional)
        {
            _open.Inverted = buffer;
        }
        else if (field.Name == zone.Parts)
        {
            _open.StopParts = buffer;
        }
        else
        {
            _open.StopWords = buffer;
        }

        return buffer;
    }

    /// <inheritdoc />
    public override void Merge(MergeState mergeState, Fields fields) => inner.Merge(mergeState, fields);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        try
        {
            WriteOpen();
        }
        finally
        {
            inner.Dispose();
        }
    }

    private void WriteOpen()
    {
        if (_open is not { } zone)
        {
            return;
        }

        _open = null;
        var sources = new[] { zone.Inverted, zone.StopParts, zone.StopWords };
        var stems = new List<Entry>();
        var parts = new List<Entry>();
        var words = new List<Entry>();
        if (zone.Inverted is { } inverted)
        {
            for (var term = 0; term < inverted.Count; term++)
            {
                var spelling = ZoneSpelling.Read(inverted.Text(term));
                stems.Add(new Entry(0, term, spelling.StemStart, spelling.StemLength));
                if (spelling.IsPart)
                {
                    parts.Add(new Entry(0, term, spelling.StemStart, spelling.StemLength));
                }
                else if (spelling.WordLength > 0)
                {
                    words.Add(new Entry(0, term, spelling.WordStart, spelling.WordLength));
                }
            }
        }

        var stopWords = zone.StopWords is { } masks ? StopWordMask.Default.Expand(masks) : null;
        sources[2] = stopWords;
        AddWhole(parts, zone.StopParts, 1);
        AddWhole(words, stopWords, 2);
        Write(zone.Fields.Positional, stems, sources, positions: true);
        Write(zone.Fields.Parts, parts, sources, positions: false);
        Write(zone.Fields.Words, words, sources, positions: false);
    }

    private static void AddWhole(List<Entry> entries, BufferedPostings? buffer, byte source)
    {
        for (var term = 0; buffer is not null && term < buffer.Count; term++)
        {
            entries.Add(new Entry(source, term, 0, buffer.Text(term).Length));
        }
    }

    // Writes the entries as one field: entries with the same key are one term, their postings merged by document.
    private void Write(string name, List<Entry> entries, BufferedPostings?[] sources, bool positions)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var info = state.FieldInfos.FieldInfo(name)
            ?? throw new InvalidOperationException($"The segment has terms for {name} but no such field.");
        var comparer = new EntryComparer(sources);
        if (!IsSorted(entries, comparer))
        {
            entries.Sort(comparer);
        }

        var terms = inner.AddField(info);
        var documents = new FixedBitSet(state.SegmentInfo.DocCount);
        var text = new BytesRef(16);
        var cursors = new List<PostingsCursor>();
        var gathered = new List<int>();
        long sumDocFreq = 0;
        long sumTotalTermFreq = 0;
        for (var first = 0; first < entries.Count;)
        {
            var key = comparer.Key(entries[first]);
            var next = first + 1;
            while (next < entries.Count && comparer.Key(entries[next]).SequenceEqual(key))
            {
                next++;
            }

            if (text.Bytes.Length < key.Length)
            {
                text.Bytes = new byte[key.Length * 2];
            }

            key.CopyTo(text.Bytes);
            text.Offset = 0;
            text.Length = key.Length;
            var postings = terms.StartTerm(text);
            int docFreq;
            long totalTermFreq;
            if (next == first + 1)
            {
                (docFreq, totalTermFreq) = WriteOne(postings, sources[entries[first].Source]!.Cursor(entries[first].Term), documents, positions);
            }
            else
            {
                cursors.Clear();
                for (var i = first; i < next; i++)
                {
                    var cursor = sources[entries[i].Source]!.Cursor(entries[i].Term);
                    cursor.Next();
                    cursors.Add(cursor);
                }

                (docFreq, totalTermFreq) = WriteMerged(postings, cursors, gathered, documents, positions);
            }

            terms.FinishTerm(text, new TermStats(docFreq, totalTermFreq));
            sumDocFreq += docFreq;
            sumTotalTermFreq += totalTermFreq;
            first = next;
        }

        terms.Finish(sumTotalTermFreq, sumDocFreq, documents.Cardinality);
    }

    // Most keys have one source (a stem with one form, a word with one spelling): its postings as they are.
    private static (int DocFreq, long TotalTermFreq) WriteOne(PostingsConsumer postings, PostingsCursor cursor, FixedBitSet documents, bool positions)
    {
        var docFreq = 0;
        long totalTermFreq = 0;
        while (cursor.Next())
        {
            var (doc, freq) = (cursor.Doc, cursor.Freq);
            postings.StartDoc(doc, freq);
            for (var p = 0; positions && p < freq; p++)
            {
                postings.AddPosition(cursor.NextPosition(), null, -1, -1);
            }

            postings.FinishDoc();
            documents.Set(doc);
            docFreq++;
            totalTermFreq += freq;
        }

        return (docFreq, totalTermFreq);
    }

    // The union of the cursors' documents in order; a document in several sums their frequencies and merges positions.
    private static (int DocFreq, long TotalTermFreq) WriteMerged(PostingsConsumer postings, List<PostingsCursor> cursors, List<int> gathered, FixedBitSet documents, bool positions)
    {
        var docFreq = 0;
        long totalTermFreq = 0;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cursors);
        while (true)
        {
            var doc = int.MaxValue;
            foreach (ref var cursor in span)
            {
                doc = Math.Min(doc, cursor.Doc);
            }

            if (doc == int.MaxValue)
            {
                return (docFreq, totalTermFreq);
            }

            var freq = 0;
            gathered.Clear();
            var holders = 0;
            foreach (ref var cursor in span)
            {
                if (cursor.Doc != doc)
                {
                    continue;
                }

                holders++;
                freq += cursor.Freq;
                for (var p = 0; positions && p < cursor.Freq; p++)
                {
                    gathered.Add(cursor.NextPosition());
                }

                cursor.Next();
            }

            postings.StartDoc(doc, freq);
            if (positions)
            {
                if (holders > 1)
                {
                    gathered.Sort();
                }

                foreach (var position in gathered)
                {
                    postings.AddPosition(position, null, -1, -1);
                }
            }

            postings.FinishDoc();
            documents.Set(doc);
            docFreq++;
            totalTermFreq += freq;
        }
    }

    private static bool IsSorted(List<Entry> entries, EntryComparer comparer)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (comparer.Compare(entries[i - 1], entries[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    // A term of a buffered field, and where within its bytes the key of the field being written lies.
    private readonly record struct Entry(byte Source, int Term, int KeyStart, int KeyLength);

    // By key in Lucene's term order (unsigned bytes), then source and term, so equal keys keep the order they came in.
    private sealed class EntryComparer(BufferedPostings?[] sources) : IComparer<Entry>
    {
        public ReadOnlySpan<byte> Key(Entry entry) => sources[entry.Source]!.Text(entry.Term).Slice(entry.KeyStart, entry.KeyLength);

        public int Compare(Entry x, Entry y)
        {
            var order = Key(x).SequenceCompareTo(Key(y));
            if (order != 0)
            {
                return order;
            }

            return x.Source != y.Source ? x.Source.CompareTo(y.Source) : x.Term.CompareTo(y.Term);
        }
    }

    // The buffered fields of the zone being flushed.
    private sealed class OpenZone(ZoneFields fields)
    {
        public ZoneFields Fields { get; } = fields;

        public BufferedPostings? Inverted { get; set; }

        public BufferedPostings? StopParts { get; set; }

        public BufferedPostings? StopWords { get; set; }
    }
}
