using System.Collections.Concurrent;
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
    /// <summary>Segments of at least this many documents (passages included) write their zone fields on threads of their own.</summary>
    public const int BackgroundFromDocuments = 4096;

    /// <summary>The flushing thread hands stem groups to the zone writer in chunks of about this many bytes of postings.</summary>
    public const int ChunkBytes = 1 << 20;

    private readonly PostingsFormat _inner;
    private readonly PostingsFormat _zones;
    private readonly int _backgroundFrom;
    private readonly int _chunkBytes;

    /// <summary>Wraps <paramref name="inner"/>, Lucene's per-field format, which writes the other fields and reads every
    /// field; <paramref name="zones"/> (the format <paramref name="inner"/> gives fields) writes the zone fields.</summary>
    /// <param name="backgroundFrom">The segment size from which zone fields are written on threads of their own.</param>
    /// <param name="chunkBytes">The size of the chunks handed to the zone writer.</param>
    public ZonePostingsFormat(PostingsFormat inner, PostingsFormat zones, int backgroundFrom = BackgroundFromDocuments, int chunkBytes = ChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(zones);
        _inner = inner;
        _zones = zones;
        _backgroundFrom = backgroundFrom;
        _chunkBytes = chunkBytes;
    }

    /// <inheritdoc />
    public override FieldsConsumer FieldsConsumer(SegmentWriteState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var background = state.SegmentInfo.DocCount >= _backgroundFrom && Environment.ProcessorCount > 1;
        return new ZoneFieldsConsumer(_inner.FieldsConsumer(state), _zones, state, background, _chunkBytes);
    }

    /// <inheritdoc />
    public override FieldsProducer FieldsProducer(SegmentReadState state) => _inner.FieldsProducer(state);
}

/// <summary>Writes a flushed segment's fields through Lucene's consumers, turning each zone's inverted field
/// (<see cref="FieldTokenKind.Zone"/>, with the stop-word parts of its parts field and the stop-word mask of its word
/// field, <see cref="StopWordMask"/>) into the zone's three fields of <see cref="IndexSchema"/>; merges go field by field as
/// in Lucene, the zone fields through the zone writers.</summary>
/// <remarks>
/// Indexing cost follows the (document, term) pairs Lucene inverts in memory, and the three fields had twice the pairs of
/// one: each whole word was a stem in the positional field and a surface form in the word field, each compound part a stem
/// in the positional and the parts field. Spelling the stem with its surface form (<see cref="ZoneSpelling"/>) lets one
/// positional field carry all of it. Its terms arrive grouped by stem; this thread gathers each stem's terms with their
/// positions into chunks (<see cref="StemChunk"/>) and the parts and surface forms into buffers, and two
/// <see cref="ZoneWriter"/>s write them — on threads of their own for a large segment (<see cref="FlushJobs"/>) — into
/// files of their own: one the positional fields a stem at a time, its postings merged by document, the other the parts
/// and word fields, documents and frequencies only, the surface forms sorted, while the next zone is read. The terms on
/// disk are what inverting the three fields wrote, so searching does not change. Lucene hands fields over sorted by name,
/// and a zone's names sort together (<c>body</c>, <c>body_p</c>, <c>body_w</c>), so its parts and word fields are
/// written when the next field arrives.
/// </remarks>
internal sealed class ZoneFieldsConsumer : FieldsConsumer
{
    private readonly FieldsConsumer _inner;
    private readonly PostingsFormat _zoneFormat;
    private readonly SegmentWriteState _state;
    private readonly bool _background;
    private readonly int _chunkBytes;
    private readonly ConcurrentBag<StemChunk> _chunks = [];
    private ZoneWriter? _stems;
    private ZoneWriter? _derived;
    private ZoneBuffers? _open;
    private BufferedPostings? _kinds;
    private BufferedPostings? _passageTextTerms;
    private List<int>? _passageText;

    /// <summary>Writes the segment of <paramref name="state"/>: zone fields through <paramref name="zoneFormat"/> (on
    /// threads of their own when <paramref name="background"/>), the others through <paramref name="inner"/>.</summary>
    public ZoneFieldsConsumer(FieldsConsumer inner, PostingsFormat zoneFormat, SegmentWriteState state, bool background, int chunkBytes)
    {
        _inner = inner;
        _zoneFormat = zoneFormat;
        _state = state;
        _chunkBytes = chunkBytes;
        _background = background;
    }

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
            return _inner.AddField(field);
        }

        _open ??= new ZoneBuffers(zone);
        if (field.Name == zone.Positional)
        {
            var stems = Stems();
            stems.Post(writer => writer.BeginPositional(field));
            return new StemStream(this, stems, _open);
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

    /// <summary>Merges the segments' fields as Lucene does, field by field; the zone fields on the zone writers, beside the
    /// other fields.</summary>
    public override void Merge(MergeState mergeState, Fields fields)
    {
        ArgumentNullException.ThrowIfNull(mergeState);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var name in fields)
        {
            var info = mergeState.FieldInfos.FieldInfo(name);
            var terms = fields.GetTerms(name);
            if (terms is null)
            {
                continue;
            }

            if (IndexSchema.ZoneOf(name) is { } zone)
            {
                var writer = name == zone.Positional ? Stems() : Derived();
                writer.Post(w => w.Merge(mergeState, info, terms));
            }
            else
            {
                _inner.AddField(info).Merge(mergeState, info.IndexOptions, terms.GetEnumerator());
            }
        }
    }

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
            _stems?.Complete();
            _derived?.Complete();
        }
        finally
        {
            // Each zone writer stops before its files close, whether the flush completed or not; every one is disposed
            // even when another fails, and the first failure is thrown.
            IOUtils.Dispose(_stems, _derived, _inner);
        }
    }

    // Two writers: a zone's parts and word fields are written while the next zone's terms are read.
    private ZoneWriter Stems() => _stems ??= new ZoneWriter(_zoneFormat, _state, ZoneWriter.StemSuffix, _background);

    private ZoneWriter Derived() => _derived ??= new ZoneWriter(_zoneFormat, _state, ZoneWriter.DerivedSuffix, _background);

    private StemChunk TakeChunk() => _chunks.TryTake(out var chunk) ? chunk : new StemChunk();

    private void Hand(ZoneWriter writer, StemChunk chunk) =>
        writer.Post(w =>
        {
            w.WriteStems(chunk);
            chunk.Clear();
            _chunks.Add(chunk);
        });

    private void WriteKinds()
    {
        if (_kinds is { } kinds)
        {
            _kinds = null;
            PassageMarks.WriteKinds(_inner, _state, kinds, _passageText ??= []);
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
        PassageMarks.WritePassageText(_inner, _state, docs);
    }

    // The zone's parts and word fields, after its positional field.
    private void WriteOpen()
    {
        if (_open is not { } zone)
        {
            return;
        }

        _open = null;
        Derived().Post(writer => writer.WriteDerived(zone));
    }

    // Receives the zone's inverted field and gathers its terms into stem groups, handing chunks of groups to the zone
    // writer. Each term's documents also go to the parts or the word buffer.
    private sealed class StemStream : TermsConsumer
    {
        private readonly ZoneFieldsConsumer _owner;
        private readonly ZoneWriter _writer;
        private readonly ZoneBuffers _zone;
        private readonly Tee _tee = new();
        private StemChunk _chunk;
        private byte[] _stem = new byte[64];
        private int _stemLength = -1;

        public StemStream(ZoneFieldsConsumer owner, ZoneWriter writer, ZoneBuffers zone)
        {
            _owner = owner;
            _writer = writer;
            _zone = zone;
            _chunk = owner.TakeChunk();
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
                EndGroup();
                if (_stem.Length < stem.Length)
                {
                    _stem = new byte[stem.Length * 2];
                }

                stem.CopyTo(_stem);
                _stemLength = stem.Length;
            }

            _chunk.Terms.BeginTerm(default);
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

            _tee.Group = _chunk.Terms;
            _tee.Side = side;
            return _tee;
        }

        public override void FinishTerm(BytesRef text, TermStats stats)
        {
            _chunk.Terms.EndTerm();
            _tee.Side?.EndTerm();
        }

        public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
        {
            EndGroup();
            _owner.Hand(_writer, _chunk);
            _writer.Post(writer => writer.EndPositional());
        }

        // Closes the current stem's group; a full chunk goes to the writer.
        private void EndGroup()
        {
            if (!_chunk.HasOpenGroup)
            {
                return;
            }

            _chunk.EndGroup(_stem.AsSpan(0, _stemLength));
            if (_chunk.Bytes >= _owner._chunkBytes)
            {
                _owner.Hand(_writer, _chunk);
                _chunk = _owner.TakeChunk();
            }
        }

        // Hands a term's postings to the stem's group and, without positions, to the parts or word buffer.
        private sealed class Tee : PostingsConsumer
        {
            public BufferedPostings Group { get; set; } = null!;

            public BufferedPostings? Side { get; set; }

            public override void StartDoc(int docId, int freq)
            {
                Group.AddDoc(docId, freq);
                Side?.AddDoc(docId, freq);
            }

            public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset) => Group.AddPosition(position);

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
