using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The codec the index is written with: Lucene 4.6's, its stored fields compressed by <see cref="StoredFieldsLz4"/>
/// and each zone's three text fields written at flush from the one field the zone inverted, into files of their own
/// (<see cref="ZonePostingsFormat"/>).</summary>
/// <remarks>It writes exactly Lucene 4.6's format (the stored fields' format name, chunk size and LZ4 blocks are
/// Lucene41StoredFields'; the postings are Lucene41's, each field naming its format and file suffix as Lucene's per-field
/// format does), so segments name the codec <c>Lucene46</c> and are read by Lucene's own codec: nothing has to be
/// registered for an index to open, in this process or any other.</remarks>
[CodecName("Lucene46")]
public sealed class KunskapsbankCodec : FilterCodec
{
    private const int ChunkSize = 1 << 14;

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("Lucene41StoredFields", StoredFieldsLz4.Instance, ChunkSize);

    private readonly PostingsFormat _postings;

    /// <summary>The codec.</summary>
    public KunskapsbankCodec()
        : this(ZonePostingsFormat.BackgroundFromDocuments)
    {
    }

    /// <summary>The codec, writing zone fields on threads of their own from segments of
    /// <paramref name="zonesInBackgroundFrom"/> documents, handing them over in chunks of <paramref name="chunkBytes"/>.</summary>
    internal KunskapsbankCodec(int zonesInBackgroundFrom, int chunkBytes = ZonePostingsFormat.ChunkBytes)
        : base(new Lucene46Codec())
    {
        var zones = ((Lucene46Codec)m_delegate).GetPostingsFormatForField(IndexSchema.Body);
        _postings = new ZonePostingsFormat(m_delegate.PostingsFormat, zones, zonesInBackgroundFrom, chunkBytes);
    }

    /// <inheritdoc />
    public override PostingsFormat PostingsFormat => _postings;

    /// <inheritdoc />
    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;
}
