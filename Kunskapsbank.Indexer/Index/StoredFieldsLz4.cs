using K4os.Compression.LZ4;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Store;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Lucene's fast stored-fields compression (LZ4 blocks), with the blocks encoded by K4os.Compression.LZ4.</summary>
/// <remarks>Lucene.Net 4.8 compresses each 16 KB chunk of stored fields with its own C# port of LZ4, on the writing
/// thread (9 % of that thread's time at 10,000 documents, where it is the one a build waits for). The chunk is a plain
/// LZ4 block either way, so K4os's encoder writes it and Lucene's own decoder reads it: the index stays Lucene 4.6's
/// format, readable by any Lucene 4.x, and a search still decompresses a chunk only up to the document it needs.</remarks>
internal sealed class StoredFieldsLz4 : CompressionMode
{
    /// <summary>The mode's one instance.</summary>
    public static StoredFieldsLz4 Instance { get; } = new();

    private StoredFieldsLz4()
    {
    }

    /// <inheritdoc />
    public override Compressor NewCompressor() => new BlockCompressor();

    /// <inheritdoc />
    public override Decompressor NewDecompressor() => FAST.NewDecompressor();

    /// <inheritdoc />
    public override string ToString() => "LZ4 (K4os)";

    private sealed class BlockCompressor : Compressor
    {
        private byte[] _buffer = [];

        public override void Compress(byte[] bytes, int off, int len, DataOutput output)
        {
            // Lucene's decoder reads at least one token, and K4os encodes nothing at all for nothing: a chunk of documents
            // without stored fields is the one empty-literals token Lucene's encoder writes, or merging it fails.
            if (len == 0)
            {
                output.WriteByte(0);
                return;
            }

            var bound = LZ4Codec.MaximumOutputSize(len);
            if (_buffer.Length < bound)
            {
                _buffer = new byte[bound];
            }

            var written = LZ4Codec.Encode(bytes, off, len, _buffer, 0, bound, LZ4Level.L00_FAST);
            if (written < 0)
            {
                throw new InvalidOperationException($"LZ4 could not encode a stored-fields chunk of {len} bytes.");
            }

            output.WriteBytes(_buffer, 0, written);
        }
    }
}
