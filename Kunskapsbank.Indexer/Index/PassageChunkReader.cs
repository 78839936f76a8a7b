using System.IO.Compression;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Reads passages from their chunks (<see cref="PassageChunks"/>), keeping the chunk it decompressed last, so
/// the passages of one document cost one decompression per chunk. One per request: not thread-safe.</summary>
public sealed class PassageChunkReader
{
    private const string Damaged = "Indexet är skadat: ett stycke går inte att läsa. Kör kunskapsbank check och bygg om indexet.";

    private readonly IndexSearcher _searcher;
    private readonly BytesRef _bytes = new();
    private AtomicReader? _chunkReader;
    private int _chunkDoc = -1;
    private byte[] _raw = [];
    private int[] _starts = [];
    private int _first;
    private int _count;
    private int _rawLength;

    /// <summary>A reader of the passages of <paramref name="searcher"/>'s index.</summary>
    public PassageChunkReader(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        _searcher = searcher;
    }

    /// <summary>The passage at global doc number <paramref name="doc"/> of document <paramref name="documentId"/>.</summary>
    /// <exception cref="InvalidDataException">The passage's chunk is missing or damaged.</exception>
    public StoredPassage Read(int doc, long documentId)
    {
        var leaves = _searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var reader = leaf.AtomicReader;
        var local = doc - leaf.DocBase;
        var values = reader.GetBinaryDocValues(IndexSchema.PassageChunk);
        if (values is null)
        {
            return StoredReading.ReadStoredPassage(_searcher, doc, documentId);
        }

        // The chunk is the value of its first passage: the nearest one at or before this passage that has a value.
        for (var at = local; at >= 0; at--)
        {
            if (ReferenceEquals(reader, _chunkReader) && at == _chunkDoc)
            {
                return Record(local - at, documentId);
            }

            values.Get(at, _bytes);
            if (_bytes.Length == 0)
            {
                continue;
            }

            if (PassageChunks.IsStoredMarker(_bytes.Bytes.AsSpan(_bytes.Offset, _bytes.Length)))
            {
                return at == local ? StoredReading.ReadStoredPassage(_searcher, doc, documentId) : throw new InvalidDataException(Damaged);
            }

            Decode(reader, at);
            return Record(local - at, documentId);
        }

        throw new InvalidDataException(Damaged);
    }

    /// <summary>A Swedish finding when the <paramref name="passages"/> passages after the document at global doc number
    /// <paramref name="doc"/> are not exactly covered by readable chunks in order; null when they are.</summary>
    public string? Verify(int doc, int passages)
    {
        var leaves = _searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var reader = leaf.AtomicReader;
        var local = doc - leaf.DocBase;
        if (passages == 0)
        {
            return null;
        }

        var values = reader.GetBinaryDocValues(IndexSchema.PassageChunk);
        var next = local + 1;
        var end = local + passages;
        while (next <= end && next < reader.MaxDoc)
        {
            var ordinal = next - local - 1;
            if (values is null)
            {
                return $"Stycke {ordinal} saknar sin text (Lucene-dokument {leaf.DocBase + next}).";
            }

            values.Get(next, _bytes);
            if (_bytes.Length == 0)
            {
                return $"Stycke {ordinal} saknar sin text (Lucene-dokument {leaf.DocBase + next}).";
            }

            if (PassageChunks.IsStoredMarker(_bytes.Bytes.AsSpan(_bytes.Offset, _bytes.Length)))
            {
                next++;
                continue;
            }

            try
            {
                Decode(reader, next);
            }
            catch (InvalidDataException)
            {
                return $"Texten från stycke {ordinal} går inte att packa upp (Lucene-dokument {leaf.DocBase + next}).";
            }

            if (_first != ordinal || next + _count - 1 > end)
            {
                return $"Texten från stycke {ordinal} hör inte till sin plats (Lucene-dokument {leaf.DocBase + next}).";
            }

            for (var inside = next + 1; inside < next + _count; inside++)
            {
                values.Get(inside, _bytes);
                if (_bytes.Length != 0)
                {
                    return $"Stycke {inside - local - 1} har två texter (Lucene-dokument {leaf.DocBase + inside}).";
                }
            }

            next += _count;
        }

        return null;
    }

    private void Decode(AtomicReader reader, int doc)
    {
        _chunkReader = null;
        var bytes = _bytes.Bytes;
        var i = _bytes.Offset;
        var end = _bytes.Offset + _bytes.Length;
        var first = ReadInt(bytes, ref i, end);
        var count = ReadInt(bytes, ref i, end);
        var rawLength = ReadInt(bytes, ref i, end);
        if (first < 0 || count <= 0 || rawLength < count || rawLength > 64 * PassageChunks.MaxValueBytes)
        {
            throw new InvalidDataException(Damaged);
        }

        if (_raw.Length < rawLength)
        {
            _raw = new byte[Math.Max(rawLength, PassageChunks.TargetRawBytes * 2)];
        }

        if (!BrotliDecoder.TryDecompress(bytes.AsSpan(i, end - i), _raw.AsSpan(0, rawLength), out var written) || written != rawLength)
        {
            throw new InvalidDataException(Damaged);
        }

        if (_starts.Length < count)
        {
            _starts = new int[Math.Max(count, 32)];
        }

        var at = 0;
        for (var r = 0; r < count; r++)
        {
            _starts[r] = at;
            ReadInt(_raw, ref at, rawLength);
            at += 1;
            ReadInt(_raw, ref at, rawLength);
            at += 1;
            for (var text = 0; text < 2; text++)
            {
                var length = ReadInt(_raw, ref at, rawLength);
                at += length;
            }

            if (at > rawLength)
            {
                throw new InvalidDataException(Damaged);
            }
        }

        (_first, _count, _rawLength, _chunkDoc, _chunkReader) = (first, count, rawLength, doc, reader);
    }

    private StoredPassage Record(int index, long documentId)
    {
        if (index >= _count)
        {
            throw new InvalidDataException(Damaged);
        }

        var raw = _raw;
        var at = _starts[index];
        var end = _rawLength;
        var offset = ReadInt(raw, ref at, end);
        var hasPage = raw[at++] != 0;
        var page = ReadInt(raw, ref at, end);
        var isOcr = raw[at++] != 0;
        var headings = ReadString(raw, ref at, end);
        var text = ReadString(raw, ref at, end);
        var ordinal = _first + index;
        return new StoredPassage(
            (documentId * IndexSchema.PassageIdStride) + ordinal,
            documentId,
            ordinal,
            hasPage ? page : null,
            headings.Length > 0 ? headings.Split(IndexSchema.Separator) : [],
            offset,
            text,
            isOcr);
    }

    private static string ReadString(byte[] raw, ref int at, int end)
    {
        var length = ReadInt(raw, ref at, end);
        var value = Encoding.UTF8.GetString(raw, at, length);
        at += length;
        return value;
    }

    // BinaryWriter's 7-bit integers (a negative one takes five bytes; the shifts give its bits back).
    private static int ReadInt(byte[] bytes, ref int i, int end)
    {
        var value = 0;
        var shift = 0;
        while (true)
        {
            if (i >= end || shift > 28)
            {
                throw new InvalidDataException(Damaged);
            }

            var b = bytes[i++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }

            shift += 7;
        }
    }
}
