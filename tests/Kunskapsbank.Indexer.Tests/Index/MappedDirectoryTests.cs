using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Extraction;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>The memory-mapped directory reads exactly what Lucene wrote, through clones and slices, and never past a
/// file's end or after it was closed.</summary>
public sealed class MappedDirectoryTests
{
    private enum Kind
    {
        Byte,
        Bytes,
        Int16,
        Int32,
        Int64,
        VInt32,
        VInt64,
        Text,
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryKindOfRead_GivesBackWhatWasWritten_AlsoAtTheVeryEndOfTheFile(int seed)
    {
        using var folder = new TestDocuments.TempFolder();
        var values = RandomValues(new Random(seed), 5_000);
        using var directory = new MappedDirectory(new DirectoryInfo(folder.Path));
        using (var output = directory.CreateOutput("data.bin", IOContext.DEFAULT))
        {
            foreach (var value in values)
            {
                Write(output, value);
            }

            // Ends on variable-length integers shorter than five bytes, which take the careful path.
            output.WriteVInt32(int.MaxValue);
            output.WriteVInt32(300);
            output.WriteVInt32(1);
        }

        using var input = directory.OpenInput("data.bin", IOContext.READ);
        foreach (var value in values)
        {
            Assert.Equal(value.Value, Read(input, value.Kind, value.Value));
        }

        Assert.Equal(int.MaxValue, input.ReadVInt32());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal(1, input.ReadVInt32());
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[2], 0, 2));
    }

    [Fact]
    public void ClonesAndSlices_KeepTheirOwnPositions()
    {
        using var folder = new TestDocuments.TempFolder();
        using var directory = new MappedDirectory(new DirectoryInfo(folder.Path));
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        using (var output = directory.CreateOutput("data.bin", IOContext.DEFAULT))
        {
            output.WriteBytes(bytes, bytes.Length);
        }

        using var input = directory.OpenInput("data.bin", IOContext.READ);
        input.Seek(10);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(10, clone.Position);
        Assert.Equal(bytes[10], clone.ReadByte());
        Assert.Equal(bytes[11], clone.ReadByte());
        Assert.Equal(10, input.Position);
        Assert.Equal(bytes[10], input.ReadByte());
        input.SkipBytes(100);
        Assert.Equal(bytes[111], input.ReadByte());

        using var slicer = directory.CreateSlicer("data.bin", IOContext.READ);
        var slice = slicer.OpenSlice("part", 500, 100);
        Assert.Equal(100, slice.Length);
        Assert.Equal(bytes[500], slice.ReadByte());
        slice.Seek(99);
        Assert.Equal(bytes[599], slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.Seek(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => slicer.OpenSlice("too far", 950, 100));
    }

    [Fact]
    public void AClonesRead_AfterItsFileWasClosed_FailsAsClosedInsteadOfReadingUnmappedMemory()
    {
        using var folder = new TestDocuments.TempFolder();
        using var directory = new MappedDirectory(new DirectoryInfo(folder.Path));
        using (var output = directory.CreateOutput("data.bin", IOContext.DEFAULT))
        {
            output.WriteInt64(42);
        }

        var input = directory.OpenInput("data.bin", IOContext.READ);
        var clone = (IndexInput)input.Clone();
        clone.Dispose();
        Assert.Equal(42, clone.ReadInt64());
        clone.Seek(0);
        input.Dispose();

        Assert.Throws<ObjectDisposedException>(() => clone.ReadInt64());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());
    }

    [Fact]
    public void AnEmptyFile_OpensAndHasNothingToRead()
    {
        using var folder = new TestDocuments.TempFolder();
        using var directory = new MappedDirectory(new DirectoryInfo(folder.Path));
        directory.CreateOutput("empty.bin", IOContext.DEFAULT).Dispose();

        using var input = directory.OpenInput("empty.bin", IOContext.READ);
        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void AVariableLengthIntegerWithTooManyBits_IsRejectedAsLuceneDoes()
    {
        using var folder = new TestDocuments.TempFolder();
        using var directory = new MappedDirectory(new DirectoryInfo(folder.Path));
        using (var output = directory.CreateOutput("bad.bin", IOContext.DEFAULT))
        {
            output.WriteBytes([0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0], 8);
        }

        using var input = directory.OpenInput("bad.bin", IOContext.READ);
        Assert.Throws<IOException>(() => input.ReadVInt32());
    }

    [Fact]
    public void AnIndexOfCompoundAndPlainSegments_SearchesAndChecksCleanThroughIt()
    {
        using var folder = new TestDocuments.TempFolder();
        using var directory = new MappedDirectory(new DirectoryInfo(folder.Path));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { UseCompoundFile = true };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < 300; i++)
            {
                writer.AddDocument(new Document
                {
                    new TextField("text", $"ord{i % 7} gemensamt stycke {i}", Field.Store.YES),
                    new NumericDocValuesField("n", i),
                });
                if (i % 100 == 99)
                {
                    writer.Commit();
                    writer.Config.UseCompoundFile = !writer.Config.UseCompoundFile;
                }
            }
        }

        Assert.Contains(directory.ListAll(), name => name.EndsWith(".cfs", StringComparison.Ordinal));
        Assert.Contains(directory.ListAll(), name => name.EndsWith(".doc", StringComparison.Ordinal));
        using (var reader = DirectoryReader.Open(directory))
        {
            var searcher = new IndexSearcher(reader);
            Assert.Equal(300, searcher.Search(new TermQuery(new Term("text", "gemensamt")), 1).TotalHits);
            Assert.Equal(43, searcher.Search(new TermQuery(new Term("text", "ord3")), 1).TotalHits);
            var sum = reader.Leaves.Sum(leaf => Enumerable.Range(0, leaf.AtomicReader.MaxDoc).Sum(d => leaf.AtomicReader.GetNumericDocValues("n").Get(d)));
            Assert.Equal(299 * 300 / 2, sum);
        }

        var status = new CheckIndex(directory).DoCheckIndex();
        Assert.True(status.Clean);
    }

    private static List<(Kind Kind, object Value)> RandomValues(Random random, int count)
    {
        var values = new List<(Kind, object)>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = (Kind)random.Next(8);
            object value = kind switch
            {
                Kind.Byte => (byte)random.Next(256),
                Kind.Bytes => Enumerable.Range(0, random.Next(0, 40)).Select(_ => (byte)random.Next(256)).ToArray(),
                Kind.Int16 => (short)random.Next(short.MinValue, short.MaxValue + 1),
                Kind.Int32 => random.Next(int.MinValue, int.MaxValue),
                Kind.Int64 => random.NextInt64(long.MinValue, long.MaxValue),
                Kind.VInt32 => random.Next(4) == 0 ? random.Next(0, 128) : random.Next(0, int.MaxValue),
                Kind.VInt64 => random.NextInt64(0, long.MaxValue),
                _ => new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => "aåäöz €"[random.Next(7)]).ToArray()),
            };
            values.Add((kind, value));
        }

        return values;
    }

    private static void Write(IndexOutput output, (Kind Kind, object Value) value)
    {
        switch (value.Kind)
        {
            case Kind.Byte: output.WriteByte((byte)value.Value); break;
            case Kind.Bytes: output.WriteVInt32(((byte[])value.Value).Length); output.WriteBytes((byte[])value.Value, ((byte[])value.Value).Length); break;
            case Kind.Int16: output.WriteInt16((short)value.Value); break;
            case Kind.Int32: output.WriteInt32((int)value.Value); break;
            case Kind.Int64: output.WriteInt64((long)value.Value); break;
            case Kind.VInt32: output.WriteVInt32((int)value.Value); break;
            case Kind.VInt64: output.WriteVInt64((long)value.Value); break;
            default: output.WriteString((string)value.Value); break;
        }
    }

    private static object Read(IndexInput input, Kind kind, object expected)
    {
        switch (kind)
        {
            case Kind.Byte: return input.ReadByte();
            case Kind.Bytes:
                {
                    var bytes = new byte[input.ReadVInt32()];
                    input.ReadBytes(bytes, 0, bytes.Length);
                    return Assert.IsType<byte[]>(expected).SequenceEqual(bytes) ? expected : bytes;
                }

            case Kind.Int16: return input.ReadInt16();
            case Kind.Int32: return input.ReadInt32();
            case Kind.Int64: return input.ReadInt64();
            case Kind.VInt32: return input.ReadVInt32();
            case Kind.VInt64: return input.ReadVInt64();
            default: return input.ReadString();
        }
    }
}
