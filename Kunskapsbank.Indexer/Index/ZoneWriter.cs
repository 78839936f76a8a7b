using Lucene.Net.Codecs;
using Lucene.Net.Codecs.PerField;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Writes zone fields of a flushed segment into files of their own, on a thread of their own for a large
/// segment: each zone's positional field from the stem groups the flushing thread hands over (<see cref="StemChunk"/>), or
/// its parts and word fields (<see cref="ZoneBuffers"/>) (<see cref="ZoneFieldsConsumer"/>).</summary>
/// <remarks>The fields go to another instance of Lucene's postings format, as Lucene's per-field format writes a field
/// whose format is another instance: the field names the format and its suffix, so Lucene's own codec reads the segment.
/// Files of their own let them be written beside the flushing thread, which reads the next terms from memory meanwhile:
/// the last flush of a build ran on one core.</remarks>
internal sealed class ZoneWriter : IDisposable
{
    /// <summary>The per-field suffix of the positional fields' files; Lucene's per-field writer numbers the other
    /// fields' 0.</summary>
    public const string StemSuffix = "1";

    /// <summary>The per-field suffix of the parts and word fields' files.</summary>
    public const string DerivedSuffix = "2";

    private readonly FieldsConsumer _zones;
    private readonly PostingsFormat _format;
    private readonly SegmentWriteState _state;
    private readonly string _suffix;
    private readonly FlushJobs _jobs;
    private readonly List<PostingsCursor> _cursors = [];
    private MergedTerms? _stems;

    /// <summary>A writer into files named by <paramref name="suffix"/>, on a thread of its own when
    /// <paramref name="background"/>; called on the flushing thread, where Lucene's tracking of a flush's files expects
    /// them to be created.</summary>
    public ZoneWriter(PostingsFormat format, SegmentWriteState state, string suffix, bool background)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(state);
        _zones = format.FieldsConsumer(new SegmentWriteState(state, format.Name + "_" + suffix));
        _format = format;
        _state = state;
        _suffix = suffix;
        _jobs = background ? FlushJobs.Background() : FlushJobs.Inline();
    }

    /// <summary>Runs <paramref name="job"/> on this writer after the jobs posted before it (<see cref="FlushJobs"/>).</summary>
    public void Post(Action<ZoneWriter> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _jobs.Post(() => job(this));
    }

    /// <summary>Waits for the posted jobs; rethrows the first failure.</summary>
    public void Complete() => _jobs.Complete();

    /// <summary>Stops the jobs (waiting for the one running) and closes the files.</summary>
    public void Dispose()
    {
        try
        {
            _jobs.Dispose();
        }
        finally
        {
            _zones.Dispose();
        }
    }

    /// <summary>Starts the positional field <paramref name="field"/>.</summary>
    public void BeginPositional(FieldInfo field) =>
        _stems = new MergedTerms(AddField(field), new FixedBitSet(_state.SegmentInfo.DocCount), field);

    /// <summary>Writes the chunk's stem groups as terms of the positional field, each group's postings merged.</summary>
    public void WriteStems(StemChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var term = 0;
        for (var group = 0; group < chunk.Groups; group++)
        {
            _cursors.Clear();
            for (; term < chunk.End(group); term++)
            {
                _cursors.Add(chunk.Terms.Cursor(term));
            }

            _stems!.Write(chunk.Stems.Text(group), _cursors);
        }
    }

    /// <summary>Merges field <paramref name="field"/> of the merged segments, as Lucene's consumer does.</summary>
    public void Merge(MergeState mergeState, FieldInfo field, Terms terms)
    {
        ArgumentNullException.ThrowIfNull(mergeState);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(terms);
        AddField(field).Merge(mergeState, field.IndexOptions, terms.GetEnumerator());
    }

    /// <summary>Ends the positional field.</summary>
    public void EndPositional()
    {
        _stems!.Finish();
        _stems = null;
    }

    /// <summary>Writes the zone's parts and word fields: what its positional field's terms left for them, with the
    /// stop-word parts and the stop-word mask's words.</summary>
    public void WriteDerived(ZoneBuffers zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
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

    // The field's format and suffix go where Lucene's per-field writer puts them, for its reader.
    private TermsConsumer AddField(FieldInfo field)
    {
        field.PutAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY, _format.Name);
        field.PutAttribute(PerFieldPostingsFormat.PER_FIELD_SUFFIX_KEY, _suffix);
        return _zones.AddField(field);
    }

    // Writes the entries as one field without positions: entries with the same text are one term, their postings merged
    // by document.
    private void Write(string name, List<Entry> entries, BufferedPostings?[] sources)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var info = MergedTerms.FieldOf(_state, name);
        var comparer = new EntryComparer(sources);
        if (!IsSorted(entries, comparer))
        {
            entries.Sort(comparer);
        }

        var merged = new MergedTerms(AddField(info), new FixedBitSet(_state.SegmentInfo.DocCount), info);
        for (var first = 0; first < entries.Count;)
        {
            var key = comparer.Key(entries[first]);
            var next = first + 1;
            _cursors.Clear();
            _cursors.Add(sources[entries[first].Source]!.Cursor(entries[first].Term));
            while (next < entries.Count && comparer.Key(entries[next]).SequenceEqual(key))
            {
                _cursors.Add(sources[entries[next].Source]!.Cursor(entries[next].Term));
                next++;
            }

            merged.Write(key, _cursors);
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
}

/// <summary>What the flush of a zone keeps for its parts and word fields.</summary>
internal sealed class ZoneBuffers(ZoneFields fields)
{
    /// <summary>The zone.</summary>
    public ZoneFields Fields { get; } = fields;

    /// <summary>The compound parts of the positional field's terms.</summary>
    public BufferedPostings Parts { get; } = new(positions: false);

    /// <summary>The surface forms of the positional field's terms.</summary>
    public BufferedPostings Words { get; } = new(positions: false);

    /// <summary>The parts field's own terms (stop-word parts), if it had any.</summary>
    public BufferedPostings? StopParts { get; set; }

    /// <summary>The word field's own terms (stop-word masks), if it had any.</summary>
    public BufferedPostings? StopWords { get; set; }
}

/// <summary>Stem groups of a zone's inverted field, handed from the flushing thread to the <see cref="ZoneWriter"/>: the
/// terms of each group with their positions, and the group's stem.</summary>
internal sealed class StemChunk
{
    private readonly List<int> _ends = [];

    /// <summary>The terms, group after group.</summary>
    public BufferedPostings Terms { get; } = new(positions: true);

    /// <summary>The stems, one term per group.</summary>
    public BufferedPostings Stems { get; } = new(positions: false);

    /// <summary>Number of complete groups.</summary>
    public int Groups => _ends.Count;

    /// <summary>True when terms were added since the last complete group.</summary>
    public bool HasOpenGroup => Terms.Count > (_ends.Count == 0 ? 0 : _ends[^1]);

    /// <summary>Bytes of postings held.</summary>
    public int Bytes => Terms.Bytes;

    /// <summary>The end (exclusive) of group <paramref name="group"/>'s terms.</summary>
    public int End(int group) => _ends[group];

    /// <summary>Ends a group: the terms since the last group are <paramref name="stem"/>'s.</summary>
    public void EndGroup(ReadOnlySpan<byte> stem)
    {
        Stems.BeginTerm(stem);
        Stems.EndTerm();
        _ends.Add(Terms.Count);
    }

    /// <summary>Forgets every group, keeping the arrays.</summary>
    public void Clear()
    {
        Terms.Clear();
        Stems.Clear();
        _ends.Clear();
    }
}
