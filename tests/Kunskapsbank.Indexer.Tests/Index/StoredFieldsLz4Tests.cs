using System.Text;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>The stored fields' LZ4 blocks are K4os's encoding of Lucene's format: Lucene's own decoder reads them, whole
/// or up to a document, and an index written with <see cref="KunskapsbankCodec"/> opens with Lucene's codec.</summary>
public sealed class StoredFieldsLz4Tests
{
    public static TheoryData<string, int> Chunks => new()
    {
        { "text", 0 },
        { "text", 1 },
        { "text", 17 },
        { "text", 5_000 },
        { "text", 16_384 },
        { "text", 70_000 },
        { "random", 13 },
        { "random", 16_384 },
        { "repeated", 16_384 },
        { "repeated", 200_000 },
    };

    [Theory]
    [MemberData(nameof(Chunks))]
    public void A_chunk_encoded_by_K4os_decodes_with_Lucenes_own_LZ4_whole_and_in_part(string kind, int length)
    {
        var chunk = Chunk(kind, length);
        var output = new GrowableByteArrayDataOutput(length);
        StoredFieldsLz4.Instance.NewCompressor().Compress(chunk, 0, chunk.Length, output);
        var decompressor = Lucene.Net.Codecs.Compressing.CompressionMode.FAST.NewDecompressor();

        var whole = new BytesRef();
        decompressor.Decompress(new ByteArrayDataInput(output.Bytes, 0, output.Length), chunk.Length, 0, chunk.Length, whole);
        var offset = chunk.Length / 3;
        var part = new BytesRef();
        decompressor.Decompress(new ByteArrayDataInput(output.Bytes, 0, output.Length), chunk.Length, offset, chunk.Length / 2 - offset, part);

        Assert.Equal(chunk, whole.Bytes.AsSpan(whole.Offset, whole.Length).ToArray());
        Assert.Equal(chunk.AsSpan(offset, chunk.Length / 2 - offset).ToArray(), part.Bytes.AsSpan(part.Offset, part.Length).ToArray());
    }

    [Fact]
    public void An_index_written_with_the_codec_opens_with_Lucenes_codec_and_reads_every_stored_field()
    {
        var texts = Enumerable.Range(0, 400).Select(i => $"Stycke {i}: " + Encoding.UTF8.GetString(Chunk("text", 50 + (i * 37 % 3_000)))).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null) { Codec = IndexStore.Codec }))
        {
            foreach (var text in texts)
            {
                writer.AddDocument([new StoredField("text", text), new StoredField("utf8", new BytesRef(Encoding.UTF8.GetBytes(text)))]);
            }

            writer.Commit();
        }

        var infos = new SegmentInfos();
        infos.Read(directory);
        using var reader = DirectoryReader.Open(directory);

        Assert.All(infos.Segments, s => Assert.Equal("Lucene46", s.Info.Codec.Name));
        Assert.All(infos.Segments, s => Assert.IsNotType<KunskapsbankCodec>(s.Info.Codec));
        for (var doc = 0; doc < texts.Count; doc++)
        {
            var stored = reader.Document(doc);
            Assert.Equal(texts[doc], stored.Get("text"));
            Assert.Equal(texts[doc], Encoding.UTF8.GetString(stored.GetBinaryValue("utf8").Bytes, stored.GetBinaryValue("utf8").Offset, stored.GetBinaryValue("utf8").Length));
        }
    }

    [Fact]
    public void Segments_of_documents_without_stored_fields_merge()
    {
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, null) { Codec = IndexStore.Codec, MaxBufferedDocs = 3, MergeScheduler = new SerialMergeScheduler() };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < 40; i++)
            {
                writer.AddDocument(i % 10 == 0 ? [new StoredField("text", $"Stycke {i}"), new StringField("id", $"{i}", Field.Store.NO)] : [new StringField("id", $"{i}", Field.Store.NO)]);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Single(reader.Leaves);
        Assert.Equal(40, reader.NumDocs);
        Assert.Equal("Stycke 30", reader.Document(30).Get("text"));
        Assert.Null(reader.Document(31).Get("text"));
    }

    // Swedish text (compressible, multi-byte letters), random bytes (incompressible) and one repeated byte (long matches).
    private static byte[] Chunk(string kind, int length)
    {
        var random = new Random(length);
        return kind switch
        {
            "random" => [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(256))],
            "repeated" => [.. Enumerable.Repeat((byte)'å', length)],
            _ => Text(random, length),
        };
    }

    private static byte[] Text(Random random, int length)
    {
        var text = new StringBuilder();
        for (var bytes = 0; bytes < length;)
        {
            var word = Words[random.Next(Words.Length)];
            text.Append(word).Append(' ');
            bytes += Encoding.UTF8.GetByteCount(word) + 1;
        }

        return Encoding.UTF8.GetBytes(text.ToString())[..length];
    }

    private static readonly string[] Words = ["våld", "i", "nära", "relationer", "hedersrelaterat", "förtryck", "socialtjänsten", "skyddsbedömning", "barn", "som", "upplever", "stöd", "åtgärd", "kvinnojour"];
}
