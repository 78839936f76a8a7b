using System.IO.Compression;
using System.Text;
using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Packs what the result page shows of a document's passages (text, page, heading path, offset, OCR flag) into
/// Brotli-compressed chunks of consecutive passages, the <see cref="IndexSchema.PassageChunk"/> doc values.</summary>
/// <remarks>
/// Compressing here, on the preparing thread, keeps the work off the writing thread, which would otherwise compress the
/// same text as stored fields (a tenth of its time at 10,000 documents); Lucene copies a doc value's bytes as they are.
/// A chunk is the value of its first passage and holds the passages that follow it until about
/// <see cref="TargetRawBytes"/> of them are collected. Its bytes: the first passage's ordinal, the number of passages,
/// the uncompressed length (7-bit integers), then the compressed records: per passage its offset, whether it has a
/// page, the page, the OCR flag, the heading path joined by <see cref="IndexSchema.Separator"/> and the text (7-bit
/// integers and length-prefixed UTF-8, as <see cref="BinaryWriter"/> writes them). A passage whose record does not fit
/// a doc value even alone keeps its fields as stored fields, as every passage did before; its value is
/// <see cref="StoredMarker"/>.
/// </remarks>
public static class PassageChunks
{
    /// <summary>A chunk closes once its records reach this many bytes (a passage holds at most 800 characters).</summary>
    public const int TargetRawBytes = 8 * 1024;

    /// <summary>The largest doc value Lucene.Net's binary doc values writer takes (its byte block size less two).</summary>
    public const int MaxValueBytes = 32_766;

    // Quality 0 packs ~130 MB/s of passages here into 0.45 of their size (quality 1: 110 MB/s, 0.44); a 64 KB window
    // is more than a chunk spans.
    private const int Quality = 0;
    private const int WindowBits = 16;

    /// <summary>The value of a passage whose fields are stored fields instead (a chunk of no passages).</summary>
    public static bool IsStoredMarker(ReadOnlySpan<byte> value) => value.Length == 1 && value[0] == 0;

    /// <summary>Per passage (the first <paramref name="count"/>): the chunk value it carries, <see cref="StoredMarker"/>
    /// when its fields are stored fields, or null when it lies in the chunk of a passage before it.</summary>
    public static byte[]?[] Pack(IReadOnlyList<ExtractedPassage> passages, int count)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var values = new byte[]?[count];
        var records = new MemoryStream(TargetRawBytes * 2);
        using var writer = new BinaryWriter(records, Encoding.UTF8, leaveOpen: true);
        var start = 0;
        while (start < count)
        {
            var end = start;
            while (end < count && (end == start || records.Length < TargetRawBytes))
            {
                Write(writer, passages[end]);
                end++;
            }

            writer.Flush();
            byte[]? value;
            while ((value = Compress(start, end - start, records)) is null && end - start > 1)
            {
                // Too big for one doc value: halve the chunk.
                end = start + ((end - start) / 2);
                records.SetLength(0);
                for (var i = start; i < end; i++)
                {
                    Write(writer, passages[i]);
                }

                writer.Flush();
            }

            values[start] = value ?? StoredMarker();
            start = value is null ? start + 1 : end;
            records.SetLength(0);
        }

        return values;
    }

    /// <summary>A new stored marker (a chunk value of no passages).</summary>
    public static byte[] StoredMarker() => [0];

    private static void Write(BinaryWriter writer, ExtractedPassage passage)
    {
        writer.Write7BitEncodedInt(passage.Offset);
        writer.Write(passage.Page is not null);
        writer.Write7BitEncodedInt(passage.Page ?? 0);
        writer.Write(passage.IsOcr);
        writer.Write(string.Join(IndexSchema.Separator, passage.HeadingPath));
        writer.Write(passage.Text);
    }

    private static byte[]? Compress(int firstOrdinal, int passageCount, MemoryStream records)
    {
        var raw = records.GetBuffer().AsSpan(0, (int)records.Length);
        Span<byte> header = stackalloc byte[15];
        var headerLength = Write7Bit(header, firstOrdinal);
        headerLength += Write7Bit(header[headerLength..], passageCount);
        headerLength += Write7Bit(header[headerLength..], raw.Length);
        var compressed = new byte[headerLength + BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, compressed.AsSpan(headerLength), out var written, Quality, WindowBits))
        {
            throw new InvalidOperationException("Brotli could not compress a passage chunk into its maximum size.");
        }

        if (headerLength + written > MaxValueBytes)
        {
            return null;
        }

        header[..headerLength].CopyTo(compressed);
        return compressed[..(headerLength + written)];
    }

    private static int Write7Bit(Span<byte> into, int value)
    {
        var rest = (uint)value;
        var i = 0;
        while (rest >= 0x80)
        {
            into[i++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        into[i++] = (byte)rest;
        return i;
    }
}
