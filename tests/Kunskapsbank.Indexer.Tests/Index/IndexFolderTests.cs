using System.Globalization;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>What opening an index folder does with what it finds there: ours, older, newer, foreign, half-created.</summary>
public sealed class IndexFolderTests
{
    [Fact]
    public void Open_CreatesTheIndexFolderWithAFirstCommit()
    {
        using var corpus = new TestCorpus();

        _ = corpus.Index;

        Assert.NotEmpty(System.IO.Directory.EnumerateFiles(corpus.IndexPath, "segments_*"));
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void Open_OlderSchemaVersion_RebuildsAndTheNextSyncRefills()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();
        corpus.Reopen();
        SetSchemaVersion(corpus.IndexPath, IndexSchema.Version - 1);

        Assert.True(corpus.Index.WasRebuilt);
        Assert.Equal(0, corpus.Search("kvinnojour").Total);
        Assert.Equal(1, corpus.Sync().Indexed);
        Assert.Equal(1, corpus.Search("kvinnojour").Total);
    }

    [Fact]
    public void Open_FolderWhoseCreationWasCutOff_IsCreatedAsNew()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");

        // What a kill before the first commit leaves: Lucene's lock and segment files, but no commit.
        System.IO.Directory.CreateDirectory(corpus.IndexPath);
        File.WriteAllText(Path.Combine(corpus.IndexPath, "write.lock"), string.Empty);
        File.WriteAllBytes(Path.Combine(corpus.IndexPath, "_0.fdt"), [1, 2, 3]);

        Assert.Equal(1, corpus.Sync().Indexed);
        Assert.Equal(1, corpus.Search("kvinnojour").Total);
    }

    [Fact]
    public void Open_FirstCommitCutOffWhileWritten_IsCreatedAsNew()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");

        // A kill while the first commit point was being written: segments_1 exists but ends early.
        System.IO.Directory.CreateDirectory(corpus.IndexPath);
        File.WriteAllBytes(Path.Combine(corpus.IndexPath, "_0.fdt"), [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(corpus.IndexPath, "segments_1"), [0x3f, 0xd7, 0x6c]);

        Assert.Equal(1, corpus.Sync().Indexed);
        Assert.Equal(1, corpus.Search("kvinnojour").Total);
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void Open_NewerSchemaVersion_IsRefusedAndLeftUntouched()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();
        corpus.Reopen();
        SetSchemaVersion(corpus.IndexPath, 999);
        var before = Snapshot(corpus.IndexPath);

        var error = Assert.Throws<InvalidDataException>(() => corpus.Index);

        Assert.Contains("nyare version", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(corpus.IndexPath));
    }

    [Fact]
    public void Open_FolderThatHoldsSomethingElse_IsRefusedAndLeftUntouched()
    {
        using var corpus = new TestCorpus();
        System.IO.Directory.CreateDirectory(corpus.IndexPath);
        var note = Path.Combine(corpus.IndexPath, "anteckning.txt");
        File.WriteAllText(note, "Ett viktigt dokument som inte är ett index.");

        var error = Assert.Throws<InvalidDataException>(() => corpus.Index);

        Assert.Contains("något annat än ett Kunskapsbank-index", error.Message, StringComparison.Ordinal);
        Assert.Equal("Ett viktigt dokument som inte är ett index.", File.ReadAllText(note));
        Assert.Single(System.IO.Directory.EnumerateFileSystemEntries(corpus.IndexPath));
    }

    [Fact]
    public void Open_PathThatIsAFile_IsRefusedAndLeftUntouched()
    {
        using var corpus = new TestCorpus();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(corpus.IndexPath)!);
        File.WriteAllText(corpus.IndexPath, "En fil.");

        var error = Assert.Throws<InvalidDataException>(() => corpus.Index);

        Assert.Contains("är en fil", error.Message, StringComparison.Ordinal);
        Assert.Equal("En fil.", File.ReadAllText(corpus.IndexPath));
    }

    [Fact]
    public void Check_AfterAddingChangingMovingAndDeleting_FindsNothing()
    {
        using var corpus = new TestCorpus();
        for (var i = 0; i < 20; i++)
        {
            corpus.WriteMarkdown($"d{i}.md", $"Dokument {i}", $"## Del {i}\n\nVåld i nära relationer, §{i} 1982:316 och åäö.\n\n## Mer\n\nSkolan.");
        }

        corpus.Write("trasig.pdf", "ingen pdf");
        corpus.Sync();
        File.Delete(corpus.FullPath("d3.md"));
        corpus.WriteMarkdown("d4.md", "Ändrad", "Ny text.");
        File.SetLastWriteTimeUtc(corpus.FullPath("d4.md"), DateTime.UtcNow.AddMinutes(1));
        System.IO.Directory.CreateDirectory(corpus.FullPath("arkiv"));
        File.Move(corpus.FullPath("d5.md"), corpus.FullPath("arkiv/d5.md"));
        corpus.Sync();

        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void Check_LedgerAndDocumentsThatDisagree_AreReportedInSwedish()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.WriteMarkdown("b.md", "B", "Text om barnahus.");
        corpus.Sync();
        corpus.Reopen();

        // Drop the ledger entry of a.md behind the engine's back.
        ChangeBehindTheEnginesBack(corpus.IndexPath, writer => writer.DeleteDocuments(new Term(IndexSchema.FilePath, "a.md")));

        var findings = IndexChecker.Check(corpus.IndexPath);

        var finding = Assert.Single(findings);
        Assert.Contains("a.md", finding, StringComparison.Ordinal);
        Assert.Contains("saknas i filförteckningen", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_APassageOutsideItsDocumentsBlock_IsReportedInSwedish()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.\n\nEtt stycke till.");
        corpus.Sync();
        corpus.Reopen();

        // A passage written on its own, behind the engine's back: no document's block holds it.
        ChangeBehindTheEnginesBack(corpus.IndexPath, writer => writer.AddDocument([new StringField(IndexSchema.Kind, IndexSchema.Kinds.Passage, Field.Store.NO), new StoredField(IndexSchema.Text, "Lös text.")]));

        var finding = Assert.Single(IndexChecker.Check(corpus.IndexPath));
        Assert.Contains("1 stycken utan sitt dokument", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_SwedishLettersAreNotFolded()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("far.md", "A", "Min far kom hem.");
        corpus.WriteMarkdown("får.md", "B", "Ett får på ängen.");
        corpus.Sync();

        Assert.Equal(["får.md"], corpus.Paths("får"));
        Assert.Equal(["far.md"], corpus.Paths("far"));
    }

    [Fact]
    public void Search_LegalReferences_AreFoundWhole()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Enligt socialtjänstlagen (2001:453) och 14 kap. 1 § ska anmälan göras.");
        corpus.WriteMarkdown("b.md", "B", "År 2001 och 453 personer.");
        corpus.Sync();

        Assert.Equal(["a.md"], corpus.Paths("2001:453"));
        Assert.Equal(["a.md"], corpus.Paths("\"14 kap. 1 §\""));
    }

    private static void SetSchemaVersion(string indexPath, int version)
    {
        using var directory = FSDirectory.Open(indexPath);
        var infos = new SegmentInfos();
        infos.Read(directory);
        var data = new Dictionary<string, string>(infos.UserData) { ["kunskapsbank.schema"] = version.ToString(CultureInfo.InvariantCulture) };
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null));
        writer.SetCommitData(data);
        writer.Commit();
    }

    private static List<string> Snapshot(string folder) =>
        System.IO.Directory.EnumerateFiles(folder).Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}").Order(StringComparer.Ordinal).ToList();

    // Commits a change made with a writer of our own, keeping the commit data (schema version and the rest).
    private static void ChangeBehindTheEnginesBack(string indexPath, Action<IndexWriter> change)
    {
        using var directory = FSDirectory.Open(indexPath);
        var data = new SegmentInfos();
        data.Read(directory);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null));
        change(writer);
        writer.SetCommitData(data.UserData);
        writer.Commit();
    }
}
