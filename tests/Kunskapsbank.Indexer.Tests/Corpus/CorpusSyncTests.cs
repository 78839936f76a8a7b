using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Tests.Corpus;

public sealed class CorpusSyncTests
{
    [Fact]
    public void Sync_NewFiles_AreIndexedAndFound()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Skyddat boende", "## Inledning\n\nKvinnojouren erbjuder skyddat boende.");
        corpus.WriteMarkdown("mapp/b.md", "Orosanmälan", "## Skolan\n\nSkolan ska göra en orosanmälan.");

        var report = corpus.Sync();

        Assert.Equal(2, report.Indexed);
        Assert.Empty(report.Failed);
        Assert.Equal(["mapp/b.md"], corpus.Paths("orosanmälan"));
    }

    [Fact]
    public void Sync_SecondRun_LeavesUnchangedFilesAlone()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Titel", "Text om kvinnojour.");
        corpus.Sync();

        var report = corpus.Sync();

        Assert.Equal(0, report.Indexed);
        Assert.Equal(1, report.Unchanged);
    }

    [Fact]
    public void Sync_ChangedContent_IsReindexedUnderTheSameId()
    {
        using var corpus = new TestCorpus();
        var path = corpus.WriteMarkdown("a.md", "Titel", "Text om kvinnojour.");
        corpus.Sync();
        var id = corpus.Search("kvinnojour").Hits.Single().Id;

        corpus.WriteMarkdown("a.md", "Titel", "Text om barnahus.");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var report = corpus.Sync();

        Assert.Equal(1, report.Indexed);
        Assert.Empty(corpus.Search("kvinnojour").Hits);
        Assert.Equal(id, corpus.Search("barnahus").Hits.Single().Id);
    }

    [Fact]
    public void Sync_TouchedButIdenticalFile_IsNotReextracted()
    {
        using var corpus = new TestCorpus();
        var path = corpus.WriteMarkdown("a.md", "Titel", "Text om kvinnojour.");
        corpus.Sync();

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(1));
        var report = corpus.Sync();

        Assert.Equal(0, report.Indexed);
        Assert.Equal(1, report.Unchanged);
    }

    [Fact]
    public void Sync_DeletedFile_IsRemoved()
    {
        using var corpus = new TestCorpus();
        var path = corpus.WriteMarkdown("a.md", "Titel", "Text om kvinnojour.");
        corpus.WriteMarkdown("b.md", "Annan", "Text om barnahus.");
        corpus.Sync();

        File.Delete(path);
        var report = corpus.Sync();

        Assert.Equal(1, report.Removed);
        Assert.Empty(corpus.Search("kvinnojour").Hits);
        Assert.Single(corpus.Search("barnahus").Hits);
    }

    [Fact]
    public void Sync_NewFiles_RecordTheirContentHash_TakenWhileTheyArePrepared()
    {
        // Nothing is missing, so no new file can be a moved one: the checking stage leaves the hash to the preparing threads.
        using var corpus = new TestCorpus { IndexingThreads = 2 };
        var paths = Enumerable.Range(0, 6).Select(i => corpus.WriteMarkdown($"dok-{i}.md", $"Titel {i}", $"Text {i} om kvinnojour.")).ToList();
        corpus.WriteMarkdown("trasig.md", "Trasig", "Text.");
        File.WriteAllBytes(corpus.FullPath("trasig.md"), [0xFF, 0xFE, 0x00, 0x01, 0x00, 0x00, 0x00]);

        corpus.Sync();

        using var lease = corpus.Index.Store.Acquire();
        var ledger = Kunskapsbank.Indexer.Index.StoredReading.ReadLedger(lease.Searcher).ToDictionary(e => e.Path);
        foreach (var path in paths.Append(corpus.FullPath("trasig.md")))
        {
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
            Assert.Equal(expected, ledger[Path.GetFileName(path)].Fingerprint.ContentHash);
        }
    }

    [Fact]
    public void Sync_RenamedFile_BesideANewFile_IsStillMoved()
    {
        using var corpus = new TestCorpus();
        var path = corpus.WriteMarkdown("gammal.md", "Titel", "Text om kvinnojour.");
        corpus.Sync();

        File.Move(path, corpus.FullPath("ny.md"));
        corpus.WriteMarkdown("annan.md", "Annan", "Text om barnahus.");
        var report = corpus.Sync();

        Assert.Equal((1, 1, 0), (report.Moved, report.Indexed, report.Removed));
    }

    [Fact]
    public void Sync_RenamedFile_IsMovedWithoutReextraction()
    {
        using var corpus = new TestCorpus();
        var path = corpus.WriteMarkdown("gammal.md", "Titel", "Text om kvinnojour.");
        corpus.Sync();
        var id = corpus.Search("kvinnojour").Hits.Single().Id;

        Directory.CreateDirectory(corpus.FullPath("ny mapp"));
        File.Move(path, corpus.FullPath("ny mapp/nytt namn med å.md"));
        var report = corpus.Sync();

        Assert.Equal(1, report.Moved);
        Assert.Equal(0, report.Indexed);
        Assert.Equal(0, report.Removed);
        var hit = corpus.Search("kvinnojour").Hits.Single();
        Assert.Equal(id, hit.Id);
        Assert.Equal("ny mapp/nytt namn med å.md", hit.Path);
    }

    [Fact]
    public void Sync_ChangedSidecar_ReresolvesMetadata()
    {
        using var corpus = new TestCorpus();
        var path = corpus.WriteMarkdown("rutin.md", "Rutin", "Text om kvinnojour.");
        corpus.Write("rutin.md.meta.yml", "utgivare: Socialstyrelsen\når: 2020\n");
        corpus.Sync();
        Assert.Equal(2020, corpus.Search("kvinnojour").Hits.Single().Year);

        var sidecar = corpus.Write("rutin.md.meta.yml", "utgivare: Socialstyrelsen\når: 2023\n");
        File.SetLastWriteTimeUtc(sidecar, DateTime.UtcNow.AddMinutes(1));
        var report = corpus.Sync();

        Assert.Equal(1, report.Indexed);
        var hit = corpus.Search("kvinnojour").Hits.Single();
        Assert.Equal(2023, hit.Year);
        Assert.Equal("rutin.md", hit.Path);
        _ = path;
    }

    [Fact]
    public void SyncPaths_ChangedSidecar_ReresolvesOnlyThatFolder()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("rutin.md", "Rutin", "Text om kvinnojour.");
        corpus.Sync();

        var sidecar = corpus.Write("rutin.md.meta.yml", "år: 2019\n");
        var report = corpus.Index.Corpus.SyncPaths([sidecar], CancellationToken.None);

        Assert.Equal(1, report.Indexed);
        Assert.Equal(2019, corpus.Search("kvinnojour").Hits.Single().Year);
    }

    [Fact]
    public void SyncPaths_DeletedFolder_RemovesItsDocuments()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("mapp/a.md", "A", "Text om kvinnojour.");
        corpus.WriteMarkdown("b.md", "B", "Text om kvinnojour.");
        corpus.Sync();

        Directory.Delete(corpus.FullPath("mapp"), recursive: true);
        var report = corpus.Index.Corpus.SyncPaths([corpus.FullPath("mapp")], CancellationToken.None);

        Assert.Equal(1, report.Removed);
        Assert.Equal(["b.md"], corpus.Paths("kvinnojour"));
    }

    [Fact]
    public void Sync_HiddenTemporaryAndMetadataFiles_AreSkipped()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("riktig.md", "Riktig", "Text om kvinnojour.");
        corpus.Write(".dold.md", "kvinnojour");
        corpus.Write("~$utkast.md", "kvinnojour");
        corpus.Write("nedladdning.md.part", "kvinnojour");
        corpus.Write("spara.tmp", "kvinnojour");
        corpus.Write(".~lock.riktig.md#", "kvinnojour");
        corpus.Write(".git/objekt.md", "kvinnojour");

        var report = corpus.Sync();

        Assert.Equal(1, report.Indexed);
        Assert.Empty(report.Failed);
        Assert.Equal(["riktig.md"], corpus.Paths("kvinnojour"));
    }

    [Fact]
    public void Sync_FileNamesWithSpacesEmojiAndNfd_AreIndexed()
    {
        using var corpus = new TestCorpus();
        var nfd = "Va\u030Ald och fo\u0308rtryck.md";
        corpus.WriteMarkdown(nfd, "NFD", "Text om kvinnojour.");
        corpus.WriteMarkdown("rapport 🙂 2024.md", "Emoji", "Text om kvinnojour.");

        var report = corpus.Sync();

        Assert.Equal(2, report.Indexed);
        Assert.Equal(2, corpus.Search("kvinnojour").Total);
        Assert.Equal(0, corpus.Sync().Indexed);
    }

    [Fact]
    public void Sync_LinkOutOfTheCorpus_IsRefusedAndReported()
    {
        using var corpus = new TestCorpus();
        var outside = Path.Combine(corpus.Root, "hemlig.md");
        File.WriteAllText(outside, "---\ntitle: Hemlig\n---\n\nHemlig text om kvinnojour.");
        File.CreateSymbolicLink(corpus.FullPath("länk.md"), outside);
        Directory.CreateSymbolicLink(corpus.FullPath("länkmapp"), corpus.Root);
        corpus.WriteMarkdown("riktig.md", "Riktig", "Text om barnahus.");

        var report = corpus.Sync();

        Assert.Equal(1, report.Indexed);
        Assert.Contains(report.Failed, f => f.Path == "länk.md");
        Assert.Contains(report.Failed, f => f.Path == "länkmapp");
        Assert.Empty(corpus.Search("kvinnojour").Hits);
    }

    [Fact]
    public void Sync_BrokenFile_IsReportedAndTheRestIndexed()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("bra.md", "Bra", "Text om kvinnojour.");
        corpus.Write("trasig.pdf", "det här är ingen pdf");
        corpus.Write("tom.md", "");

        var report = corpus.Sync();

        Assert.Equal(1, report.Indexed);
        Assert.Contains(report.Failed, f => f.Path == "trasig.pdf");
        Assert.Contains(report.Failed, f => f.Path == "tom.md");
        var failed = corpus.Index.Corpus.GetReport().Failed;
        Assert.Contains(failed, f => f.Path == "trasig.pdf" && f.Reason.Length > 0);

        // An unchanged broken file is still reported but not retried.
        var again = corpus.Sync();
        Assert.Contains(again.Failed, f => f.Path == "trasig.pdf");
    }

    [Fact]
    public void Sync_CrashInTheMiddleOfADocument_LeavesAConsistentIndexThatTheNextRunCompletes()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();
        var path = corpus.WriteMarkdown("a.md", "A", "Text om barnahus och kvinnojour i ny version.");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        corpus.WriteMarkdown("b.md", "B", "Text om barnahus.");
        corpus.Index.Sync.BeforeDocumentWrite = _ => throw new SimulatedCrashException();

        Assert.Throws<SimulatedCrashException>(() => corpus.Sync());

        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
        corpus.Reopen();
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
        Assert.Empty(corpus.Search("barnahus").Hits);
        Assert.Single(corpus.Search("kvinnojour").Hits);

        var report = corpus.Sync();

        Assert.Equal(2, report.Indexed);
        Assert.Equal(2, corpus.Search("barnahus").Total);
        Assert.Empty(IndexChecker.Check(corpus.IndexPath));
    }

    [Fact]
    public void Report_ListsDocumentsWithTagReasons()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Rutin", "Text om kvinnojour.", "publisher: \"Socialstyrelsen\"\nyear: 2021\namne: [trauma]");
        corpus.Sync();

        var report = corpus.Index.Corpus.GetReport();

        var document = Assert.Single(report.Documents);
        Assert.Equal("Socialstyrelsen", document.Publisher);
        Assert.Contains(document.Tags, t => t.Facet == "amne" && t.Value == "trauma" && t.Reason.Length > 0);
        Assert.NotNull(report.LastSync);
    }

    [Fact]
    public void Report_ListsEveryFileOfTheLedgerAndTheRecentChangesNewestFirst()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Rutin A", "Text om kvinnojour.");
        corpus.WriteMarkdown("b.md", "Rutin B", "Text om barnahus.");
        corpus.Write("trasig.pdf", "ingen pdf");
        corpus.Sync();
        Directory.CreateDirectory(corpus.FullPath("arkiv"));
        File.Move(corpus.FullPath("a.md"), corpus.FullPath("arkiv/a.md"));
        File.Delete(corpus.FullPath("b.md"));
        corpus.Sync();

        var report = corpus.Index.Corpus.GetReport();

        Assert.Equal(["arkiv/a.md", "trasig.pdf"], report.Files.Select(f => f.Path));
        var indexed = report.Files[0];
        Assert.Equal(("indexed", "Rutin A"), (indexed.State, indexed.Title));
        Assert.NotNull(indexed.DocumentId);
        Assert.True(indexed.Size > 0);
        var failed = report.Files[1];
        Assert.Equal("failed", failed.State);
        Assert.Null(failed.DocumentId);
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
        Assert.Equal(["borttagen", "flyttad"], report.RecentChanges.Take(2).Select(c => c.Kind).Order());
        Assert.Contains(report.RecentChanges, c => c.Kind == "flyttad" && c.Path == "arkiv/a.md" && c.OldPath == "a.md");
        Assert.Contains(report.RecentChanges, c => c.Kind == "tillagd" && c.Path == "b.md");
        Assert.Contains(report.RecentChanges, c => c.Kind == "misslyckad" && c.Path == "trasig.pdf");
        Assert.True(report.RecentChanges.Zip(report.RecentChanges.Skip(1)).All(p => p.First.Time >= p.Second.Time));
    }

    [Fact]
    public void Report_RemovingAFailedFile_ListsItAsRemoved()
    {
        using var corpus = new TestCorpus();
        corpus.Write("trasig.pdf", "ingen pdf");
        corpus.Sync();
        File.Delete(corpus.FullPath("trasig.pdf"));
        corpus.Sync();

        var report = corpus.Index.Corpus.GetReport();

        Assert.Empty(report.Files);
        Assert.Equal(["borttagen", "misslyckad"], report.RecentChanges.Select(c => c.Kind));
        Assert.All(report.RecentChanges, c => Assert.Equal("trasig.pdf", c.Path));
    }

    [Fact]
    public void Sync_MovedFile_KeepsItsPassagesAndMetadataWithoutReextraction()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Rutin", "## Första\n\nKvinnojouren tar emot.\n\n## Andra\n\nBarnahus finns.", "amne: [trauma]\nyear: 2021");
        corpus.Sync();
        var before = corpus.Index.Search.GetDocument(corpus.Search("kvinnojour").Hits.Single().Id)!;

        File.Move(corpus.FullPath("a.md"), corpus.FullPath("b.md"));
        var report = corpus.Sync();
        var after = corpus.Index.Search.GetDocument(before.Id)!;

        Assert.Equal((1, 0), (report.Moved, report.Indexed));
        Assert.Equal("b.md", after.Path);
        Assert.Equal(before.Passages.Select(p => (p.Ordinal, p.Text, string.Join('/', p.HeadingPath))), after.Passages.Select(p => (p.Ordinal, p.Text, string.Join('/', p.HeadingPath))));
        Assert.Equal(before.Tags, after.Tags);
        Assert.Equal(before.Year, after.Year);
        Assert.Equal(["b.md"], corpus.Paths("barnahus"));
    }

    [Fact]
    public void SyncAll_MissingCorpusFolder_Throws()
    {
        using var corpus = new TestCorpus();
        Directory.Delete(corpus.CorpusPath);

        Assert.Throws<DirectoryNotFoundException>(() => corpus.Sync());
    }

    private sealed class SimulatedCrashException : Exception
    {
    }
}
