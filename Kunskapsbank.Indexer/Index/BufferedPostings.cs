using Lucene.Net.Codecs;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Terms and postings kept in memory while a segment is flushed, to be written out again as other fields
/// (<see cref="ZoneFieldsConsumer"/>): filled by Lucene's flush as a <see cref="TermsConsumer"/>, or term by term.</summary>
/// <remarks>Postings are kept as variable-length integers in one array: per document the gap from the last, the frequency
/// and, for a positional buffer, the gaps between positions.</remarks>
internal sealed class BufferedPostings : TermsConsumer
{
    private readonly Postings _postings;
    private byte[] _text = new byte[1 << 12];
    private int _textEnd;
    private byte[] _data = new byte[1 << 14];
    private int _dataEnd;
    private int[] _textStarts = new int[256];
    private int[] _dataStarts = new int[256];
    private int _count;
    private int _lastDoc;
    private int _lastPosition;

    /// <summary>A buffer for a field with or without positions.</summary>
    public BufferedPostings(bool positions)
    {
        HasPositions = positions;
        _postings = new Postings(this);
    }

    /// <summary>True when positions are kept.</summary>
    public bool HasPositions { get; }

    /// <summary>Number of terms.</summary>
    public int Count => _count;

    /// <summary>Bytes of postings held.</summary>
    public int Bytes => _dataEnd;

    /// <inheritdoc />
    public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

    /// <summary>The UTF-8 bytes of term <paramref name="term"/>.</summary>
    public ReadOnlySpan<byte> Text(int term) => _text.AsSpan(_textStarts[term], _textStarts[term + 1] - _textStarts[term]);

    /// <summary>A cursor over the postings of term <paramref name="term"/>.</summary>
    public PostingsCursor Cursor(int term) => new(_data, _dataStarts[term], _dataStarts[term + 1], HasPositions);

    /// <summary>A buffer without positions of <paramref name="terms"/> in Lucene's order, each with its documents in order
    /// (each once) and their frequencies (-1 for a field without them); terms without documents are left out.</summary>
    public static BufferedPostings OfTerms(List<(byte[] Term, List<(int Doc, int Freq)> Postings)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Sort((a, b) => a.Term.AsSpan().SequenceCompareTo(b.Term));
        var buffer = new BufferedPostings(positions: false);
        foreach (var (term, postings) in terms)
        {
            if (postings.Count == 0)
            {
                continue;
            }

            postings.Sort((a, b) => a.Doc.CompareTo(b.Doc));
            buffer.BeginTerm(term);
            var last = -1;
            foreach (var (doc, freq) in postings)
            {
                if (doc != last)
                {
                    buffer.AddDoc(doc, freq);
                    last = doc;
                }
            }

            buffer.EndTerm();
        }

        return buffer;
    }

    /// <summary>Forgets every term, keeping the arrays.</summary>
    public void Clear() => (_count, _textEnd, _dataEnd) = (0, 0, 0);

    /// <summary>Starts a term with <paramref name="text"/>; its documents follow.</summary>
    public void BeginTerm(ReadOnlySpan<byte> text)
    {
        if (_count + 2 > _textStarts.Length)
        {
            Array.Resize(ref _textStarts, _textStarts.Length * 2);
            Array.Resize(ref _dataStarts, _dataStarts.Length * 2);
        }

        Ensure(ref _text, _textEnd + text.Length);
        text.CopyTo(_text.AsSpan(_textEnd));
        _textStarts[_count] = _textEnd;
        _textEnd += text.Length;
        _dataStarts[_count] = _dataEnd;
        _lastDoc = 0;
    }

    /// <summary>Adds a document of the current term (in increasing order) and its frequency; its positions follow.</summary>
    public void AddDoc(int doc, int freq)
    {
        Write(doc - _lastDoc);
        Write(freq);
        _lastDoc = doc;
        _lastPosition = 0;
    }

    /// <summary>Adds a position of the current document (in increasing order); ignored without positions.</summary>
    public void AddPosition(int position)
    {
        if (HasPositions)
        {
            Write(position - _lastPosition);
            _lastPosition = position;
        }
    }

    /// <summary>Ends the current term.</summary>
    public void EndTerm()
    {
        _count++;
        _textStarts[_count] = _textEnd;
        _dataStarts[_count] = _dataEnd;
    }

    /// <inheritdoc />
    public override PostingsConsumer StartTerm(BytesRef text)
    {
        ArgumentNullException.ThrowIfNull(text);
        BeginTerm(text.Bytes.AsSpan(text.Offset, text.Length));
        return _postings;
    }

    /// <inheritdoc />
    public override void FinishTerm(BytesRef text, TermStats stats) => EndTerm();

    /// <inheritdoc />
    public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
    {
        // The statistics are counted again for the fields written from these postings.
    }

    private void Write(int value)
    {
        // Most gaps and frequencies take one byte.
        if ((uint)value < 0x80 && _dataEnd < _data.Length)
        {
            _data[_dataEnd++] = (byte)value;
            return;
        }

        Ensure(ref _data, _dataEnd + 5);
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            _data[_dataEnd++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        _data[_dataEnd++] = (byte)rest;
    }

    private static void Ensure(ref byte[] bytes, int length)
    {
        if (length > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(length, bytes.Length * 2));
        }
    }

    // Receives one term's documents and positions from Lucene.
    private sealed class Postings(BufferedPostings buffer) : PostingsConsumer
    {
        public override void StartDoc(int docId, int freq) => buffer.AddDoc(docId, freq);

        public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset) => buffer.AddPosition(position);

        public override void FinishDoc()
        {
        }
    }
}

/// <summary>Reads one buffered term's postings in document order.</summary>
internal struct PostingsCursor(byte[] data, int start, int end, bool positions)
{
    private int _at = start;
    private int _positionsLeft;
    private int _position;

    /// <summary>The current document, after <see cref="Next"/> returned true.</summary>
    public int Doc { get; private set; }

    /// <summary>The current document's frequency.</summary>
    public int Freq { get; private set; }

    /// <summary>Moves to the next document (skipping positions not read); false at the end.</summary>
    public bool Next()
    {
        while (_positionsLeft > 0)
        {
            NextPosition();
        }

        if (_at >= end)
        {
            Doc = int.MaxValue;
            return false;
        }

        Doc += ReadInt();
        Freq = ReadInt();
        _positionsLeft = positions ? Freq : 0;
        _position = 0;
        return true;
    }

    /// <summary>The next position of the current document.</summary>
    public int NextPosition()
    {
        _positionsLeft--;
        _position += ReadInt();
        return _position;
    }

    private int ReadInt()
    {
        var b = data[_at];
        if (b < 0x80)
        {
            _at++;
            return b;
        }

        return VarInts.Read(data, ref _at, end);
    }
}
