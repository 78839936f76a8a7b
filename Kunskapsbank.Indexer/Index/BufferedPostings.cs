using Lucene.Net.Codecs;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>One field's terms and postings as a segment flush hands them over, kept so they can be written out again as
/// other fields (<see cref="ZoneFieldsConsumer"/>).</summary>
/// <remarks>Postings are kept as variable-length integers in one array: per document the gap from the last, the frequency
/// and, for a positional field, the gaps between positions.</remarks>
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

    /// <inheritdoc />
    public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;

    /// <summary>The UTF-8 bytes of term <paramref name="term"/>.</summary>
    public ReadOnlySpan<byte> Text(int term) => _text.AsSpan(_textStarts[term], _textStarts[term + 1] - _textStarts[term]);

    /// <summary>A cursor over the postings of term <paramref name="term"/>.</summary>
    public PostingsCursor Cursor(int term) => new(_data, _dataStarts[term], _dataStarts[term + 1], HasPositions);

    /// <inheritdoc />
    public override PostingsConsumer StartTerm(BytesRef text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_count + 2 > _textStarts.Length)
        {
            Array.Resize(ref _textStarts, _textStarts.Length * 2);
            Array.Resize(ref _dataStarts, _dataStarts.Length * 2);
        }

        Ensure(ref _text, _textEnd + text.Length);
        Array.Copy(text.Bytes, text.Offset, _text, _textEnd, text.Length);
        _textStarts[_count] = _textEnd;
        _textEnd += text.Length;
        _dataStarts[_count] = _dataEnd;
        _postings.StartTerm();
        return _postings;
    }

    /// <inheritdoc />
    public override void FinishTerm(BytesRef text, TermStats stats)
    {
        _count++;
        _textStarts[_count] = _textEnd;
        _dataStarts[_count] = _dataEnd;
    }

    /// <inheritdoc />
    public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
    {
        // The statistics are counted again for the fields written from these postings.
    }

    private void Write(int value)
    {
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

    // Receives one term's documents and positions.
    private sealed class Postings(BufferedPostings buffer) : PostingsConsumer
    {
        private int _lastDoc;
        private int _lastPosition;

        public void StartTerm() => _lastDoc = 0;

        public override void StartDoc(int docId, int freq)
        {
            buffer.Write(docId - _lastDoc);
            buffer.Write(freq);
            _lastDoc = docId;
            _lastPosition = 0;
        }

        public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset)
        {
            if (buffer.HasPositions)
            {
                buffer.Write(position - _lastPosition);
                _lastPosition = position;
            }
        }

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

    private int ReadInt() => VarInts.Read(data, ref _at, end);
}
