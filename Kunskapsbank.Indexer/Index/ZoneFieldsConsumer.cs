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
/// in the positional and the parts field. Spelling the stem with its surface form (<see cref="ZoneSpelling"/>) lets one
/// positional field carry all of it. Its terms arrive grouped by stem, so the positional field is written as they come,
/// a stem's terms merged by document (<see cref="StemStream"/>); the parts and the surface forms, documents and
/// frequencies only, are kept and written after it, the surface forms sorted. The segment on disk is what inverting the
/// three fields wrote, so searching does not change. Lucene hands fields over sorted by name, and a zone's names sort
/// together (<c>body</c>, <c>body_p</c>, <c>body_w</c>), so its parts and word fields are written when the next field
/// arrives.
/// </remarks>
internal sealed class ZoneFieldsConsumer(FieldsConsumer inner, SegmentWriteState state) : FieldsConsumer
{
    private OpenZone? _open;
    private BufferedPostings? _kinds;
    private BufferedPostings? _passageTextTerms;
    private List<int>? _passageText;

    /// <inheritdoc />
    public override TermsConsumer AddField(FieldInfo field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var zone = IndexSchema.ZoneOf(field.Name);
        if (_open is not null && _open.Fields != zone)
        {
            WriteOpen();
        }

        // The passages' kinds and text marks (PassageMarks): the kind field is written before the next field, the text
        // marks before the first field after theirs.
        WriteKinds();
        if (string.CompareOrdinal(field.Name, IndexSchema.PassageText) > 0)
        {
            WritePassageText();
        }

        if (field.Name == IndexSchema.Kind)
        {
            return _kinds = new BufferedPostings(positions: false);
        }

        if (field.Name == IndexSchema.PassageText)
        {
            return _passageTextTerms = new BufferedPostings(positions: false);
        }

        if (zone is null)
        {
            return inner.AddField(field);
        }

        _open ??= new OpenZone(zone);
        if (field.Name == zone.Positional)
        {
            return new StemStream(new MergedTerms(inner.AddField(field), new FixedBitSet(state.SegmentInfo.DocCount), field), _open);
        }

        var buffer = new BufferedPostings(positions: false);
        if (field.Name == zone.Parts)
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
            WriteKinds();
            WritePassageText();
        }
        finally
        {
            inner.Dispose();
        }
    }

    private void WriteKinds()
    {
        if (_kinds is { } kinds)
        {
            _kinds = null;
            PassageMarks.WriteKinds(inner, state, kinds, _passageText ??= []);
        }
    }

    private void WritePassageText()
    {
        if (_passageText is null && _passageTextTerms is null)
        {
            return;
        }

        var docs = _passageText ?? [];
        for (var term = 0; _passageTextTerms is { } marks && term < marks.Count; term++)
        {
            var cursor = marks.Cursor(term);
            while (cursor.Next())
            {
                docs.Add(cursor.Doc);
            }
        }

        (_passageText, _passageTextTerms) = (null, null);
        PassageMarks.WritePassageText(inner, state, docs);
    }

    // The zone's parts and word fields: what the positional field's terms left for them, with the stop-word fields.
    private void WriteOpen()
    {
        if (_open is not { } zone)
        {
            return;
        }

        _open = null;
        var stopWords = zone.StopWords is { } masks ? StopWordMask.Default.Expand(masks) : null;
        BufferedPostings?[] sources = [zone.Parts, zone.StopParts, zone.Words, stopWords];
        Write(zone.Fields.Parts, [.. Entries(sources, 0), .. Entries(sources, 1)], sources);
        Write(zone.Fields.Words, [.. Entries(sources, 2), .. Entries(sources, 3)], sources);
    }

    private static IEnumerable<Entry> Entries(BufferedPostings?[] sources, byte source)
    {
        for (var term = 0; sources[source] is { } buffer && term < buffer.Count; term++)
        {
            yield return new Entry(source, term);
        }
    }

    // Writes the entries as one field without positions: entries with the same text are one term, their postings merged
    // by document.
    private void Write(string name, List<Entry> entries, BufferedPostings?[] sources)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var info = MergedTerms.FieldOf(state, name);
        var comparer = new EntryComparer(sources);
        if (!IsSorted(entries, comparer))
        {
            entries.Sort(comparer);
        }

        var terms = inner.AddField(info);
        var merged = new MergedTerms(terms, new FixedBitSet(state.SegmentInfo.DocCount), info);
        var cursors = new List<PostingsCursor>();
        for (var first = 0; first < entries.Count;)
        {
            var key = comparer.Key(entries[first]);
            var next = first + 1;
            cursors.Clear();
            cursors.Add(sources[entries[first].Source]!.Cursor(entries[first].Term));
            while (next < entries.Count && comparer.Key(entries[next]).SequenceEqual(key))
            {
                cursors.Add(sources[entries[next].Source]!.Cursor(entries[next].Term));
                next++;
            }

            merged.Write(key, cursors);
            first = next;
        }

        merged.Finish();
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

    // A term of a buffer.
    private readonly record struct Entry(byte Source, int Term);

    // By text in Lucene's term order (unsigned bytes), then source and term, so equal texts keep the order they came in.
    private sealed class EntryComparer(BufferedPostings?[] sources) : IComparer<Entry>
    {
        public ReadOnlySpan<byte> Key(Entry entry) => sources[entry.Source]!.Text(entry.Term);

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

    // What the flush of a zone keeps for its parts and word fields.
    private sealed class OpenZone(ZoneFields fields)
    {
        public ZoneFields Fields { get; } = fields;

        public BufferedPostings Parts { get; } = new(positions: false);

        public BufferedPostings Words { get; } = new(positions: false);

        public BufferedPostings? StopParts { get; set; }

        public BufferedPostings? StopWords { get; set; }
    }

    // Receives the zone's inverted field and writes the positional field from it as it comes: the terms of one stem are
    // kept (with positions) until the next stem starts, then written as one term. Each term's documents also go to the
    // parts or the word buffer.
    private sealed class StemStream : TermsConsumer
    {
        private readonly MergedTerms _stems;
        private readonly OpenZone _zone;
        private readonly BufferedPostings _group = new(positions: true);
        private readonly Tee _tee;
        private readonly List<PostingsCursor> _cursors = [];
        private byte[] _stem = new byte[64];
        private int _stemLength = -1;

        public StemStream(MergedTerms stems, OpenZone zone)
        {
            _stems = stems;
            _zone = zone;
            _tee = new Tee(_group);
        }

        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

        public override PostingsConsumer StartTerm(BytesRef text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var bytes = text.Bytes.AsSpan(text.Offset, text.Length);
            var spelling = ZoneSpelling.Read(bytes);
            var stem = bytes[..spelling.StemLength];
            if (_stemLength < 0 || !stem.SequenceEqual(_stem.AsSpan(0, _stemLength)))
            {
                WriteGroup();
                if (_stem.Length < stem.Length)
                {
                    _stem = new byte[stem.Length * 2];
                }

                stem.CopyTo(_stem);
                _stemLength = stem.Length;
            }

            _group.BeginTerm(default);
            BufferedPostings? side = null;
            if (spelling.IsPart)
            {
                side = _zone.Parts;
                side.BeginTerm(stem);
            }
            else if (spelling.WordLength > 0)
            {
                side = _zone.Words;
                side.BeginTerm(bytes.Slice(spelling.WordStart, spelling.WordLength));
            }

            _tee.Side = side;
            return _tee;
        }

        public override void FinishTerm(BytesRef text, TermStats stats)
        {
            _group.EndTerm();
            _tee.Side?.EndTerm();
        }

        public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
        {
            WriteGroup();
            _stems.Finish();
        }

        private void WriteGroup()
        {
            if (_group.Count == 0)
            {
                return;
            }

            _cursors.Clear();
            for (var term = 0; term < _group.Count; term++)
            {
                _cursors.Add(_group.Cursor(term));
            }

            _stems.Write(_stem.AsSpan(0, _stemLength), _cursors);
            _group.Clear();
        }

        // Hands a term's postings to the stem's group and, without positions, to the parts or word buffer.
        private sealed class Tee(BufferedPostings group) : PostingsConsumer
        {
            public BufferedPostings? Side { get; set; }

            public override void StartDoc(int docId, int freq)
            {
                group.AddDoc(docId, freq);
                Side?.AddDoc(docId, freq);
            }

            public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset) => group.AddPosition(position);

            public override void FinishDoc()
            {
            }
        }
    }
}

/// <summary>Writes terms into one of Lucene's terms consumers, each from one or more buffered postings merged by document,
/// and counts the field's statistics as it goes (Lucene's -1 for the frequencies of a field without them).</summary>
internal sealed class MergedTerms(TermsConsumer terms, FixedBitSet documents, FieldInfo field)
{
    private readonly bool _positions = field.IndexOptions.CompareTo(LuceneIndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
    private readonly bool _frequencies = field.IndexOptions.CompareTo(LuceneIndexOptions.DOCS_AND_FREQS) >= 0;
    private readonly BytesRef _text = new(16);
    private readonly List<int> _gathered = [];
    private long _sumDocFreq;
    private long _sumTotalTermFreq;

    /// <summary>Writes one term: the union of the cursors' documents, frequencies summed, positions merged.</summary>
    public void Write(ReadOnlySpan<byte> text, List<PostingsCursor> cursors)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        if (_text.Bytes.Length < text.Length)
        {
            _text.Bytes = new byte[text.Length * 2];
        }

        text.CopyTo(_text.Bytes);
        _text.Offset = 0;
        _text.Length = text.Length;
        var postings = terms.StartTerm(_text);
        var (docFreq, totalTermFreq) = cursors.Count == 1 ? WriteOne(postings, cursors[0]) : WriteMerged(postings, cursors);
        terms.FinishTerm(_text, new TermStats(docFreq, _frequencies ? totalTermFreq : -1));
        _sumDocFreq += docFreq;
        _sumTotalTermFreq += totalTermFreq;
    }

    /// <summary>Ends the field.</summary>
    public void Finish() => terms.Finish(_frequencies ? _sumTotalTermFreq : -1, _sumDocFreq, documents.Cardinality);

    /// <summary>Writes <paramref name="buffer"/>'s terms, in its order, as field <paramref name="name"/> of the segment.</summary>
    public static void WriteField(FieldsConsumer inner, SegmentWriteState state, string name, BufferedPostings buffer)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Count == 0)
        {
            return;
        }

        var info = FieldOf(state, name);
        var merged = new MergedTerms(inner.AddField(info), new FixedBitSet(state.SegmentInfo.DocCount), info);
        var cursors = new List<PostingsCursor>(1);
        for (var term = 0; term < buffer.Count; term++)
        {
            cursors.Clear();
            cursors.Add(buffer.Cursor(term));
            merged.Write(buffer.Text(term), cursors);
        }

        merged.Finish();
    }

    /// <summary>The segment's field <paramref name="name"/>, which a derived field must have.</summary>
    public static FieldInfo FieldOf(SegmentWriteState state, string name) =>
        state.FieldInfos.FieldInfo(name) ?? throw new InvalidOperationException($"The segment has terms for {name} but no such field.");

    // Most terms have one source (a stem with one form, a word with one spelling): its postings as they are.
    private (int DocFreq, long TotalTermFreq) WriteOne(PostingsConsumer postings, PostingsCursor cursor)
    {
        var docFreq = 0;
        long totalTermFreq = 0;
        while (cursor.Next())
        {
            var (doc, freq) = (cursor.Doc, cursor.Freq);
            postings.StartDoc(doc, freq);
            for (var p = 0; _positions && p < freq; p++)
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
    private (int DocFreq, long TotalTermFreq) WriteMerged(PostingsConsumer postings, List<PostingsCursor> cursors)
    {
        var docFreq = 0;
        long totalTermFreq = 0;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cursors);
        foreach (ref var cursor in span)
        {
            cursor.Next();
        }

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
            _gathered.Clear();
            var holders = 0;
            foreach (ref var cursor in span)
            {
                if (cursor.Doc != doc)
                {
                    continue;
                }

                holders++;
                freq += cursor.Freq;
                for (var p = 0; _positions && p < cursor.Freq; p++)
                {
                    _gathered.Add(cursor.NextPosition());
                }

                cursor.Next();
            }

            postings.StartDoc(doc, freq);
            if (_positions)
            {
                if (holders > 1)
                {
                    _gathered.Sort();
                }

                foreach (var position in _gathered)
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
}
