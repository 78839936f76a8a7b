using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The codec the index is written with: Lucene 4.6's, its stored fields compressed by <see cref="StoredFieldsLz4"/>
/// and each zone's three text fields written at flush from the one field the zone inverted (<see cref="ZonePostingsFormat"/>).</summary>
/// <remarks>It writes exactly Lucene 4.6's format (the stored fields' format name, chunk size and LZ4 blocks are
/// Lucene41StoredFields'; the postings go through Lucene's own per-field format), so segments name the codec <c>Lucene46</c> and are read by Lucene's own codec: nothing has
/// to be registered for an index to open, in this process or any other.</remarks>
[CodecName("Lucene46")]
public sealed class KunskapsbankCodec : FilterCodec
{
    private const int ChunkSize = 1 << 14;

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("Lucene41StoredFields", StoredFieldsLz4.Instance, ChunkSize);

    private readonly PostingsFormat _postings;

    /// <summary>The codec.</summary>
    public KunskapsbankCodec()
        : base(new Lucene46Codec())
    {
        _postings = new ZonePostingsFormat(m_delegate.PostingsFormat);
    }

    /// <inheritdoc />
    public override PostingsFormat PostingsFormat => _postings;

    /// <inheritdoc />
    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;
}
