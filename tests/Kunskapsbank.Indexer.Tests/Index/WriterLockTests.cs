using System.Diagnostics;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>One writer per index folder, across processes; readers need no lock and follow the writer's commits.</summary>
public sealed class WriterLockTests
{
    [Fact]
    public async Task Index_FromASecondProcessWhileTheFirstWrites_IsRefusedWithASwedishMessage()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();

        var (code, output) = await RunCliAsync("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst");

        Assert.Equal(1, code);
        Assert.Contains("används redan av en annan process", output, StringComparison.Ordinal);
        Assert.Equal(1, corpus.Search("kvinnojour").Total);
    }

    [Fact]
    public async Task Index_FromASecondProcessAfterTheFirstClosed_Runs()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();
        corpus.Reopen();

        var (code, output) = await RunCliAsync("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst");

        Assert.Equal(0, code);
        Assert.Contains("1 oförändrad,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAndCheck_FromASecondProcessWhileTheFirstWrites_ReadWithoutTheLock()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();

        var search = await RunCliAsync("search", "kvinnojour", "--index", corpus.IndexPath, "--json");
        var check = await RunCliAsync("check", "--index", corpus.IndexPath);

        Assert.Equal(0, search.Code);
        Assert.Contains("\"total\": 1", search.Output, StringComparison.Ordinal);
        Assert.Equal(0, check.Code);
    }

    [Fact]
    public void Open_ASecondWriterInTheSameProcess_IsRefused()
    {
        using var corpus = new TestCorpus();
        _ = corpus.Index;

        Assert.Throws<IndexLockedException>(() => KunskapsbankIndex.Open(new IndexOptions(corpus.IndexPath, corpus.CorpusPath)));
    }

    [Fact]
    public void ReadOnly_SeesTheWritersCommitsAfterItReopens()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Text om kvinnojour.");
        corpus.Sync();
        using var reader = KunskapsbankIndex.Open(new IndexOptions(corpus.IndexPath, corpus.CorpusPath) { ReadOnly = true });
        Assert.Equal(1, Total(reader, "kvinnojour"));

        corpus.WriteMarkdown("b.md", "B", "Kvinnojouren svarar.");
        corpus.Sync();

        // The read-only side looks for a newer commit at most every 200 ms.
        var deadline = Stopwatch.StartNew();
        while (Total(reader, "kvinnojour") < 2 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(50);
        }

        Assert.Equal(2, Total(reader, "kvinnojour"));
        Assert.True(reader.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => reader.Corpus.SyncAll(null, CancellationToken.None));
    }

    [Fact]
    public void ReadOnly_WithoutAnIndex_SaysHowToCreateOne()
    {
        using var corpus = new TestCorpus();

        var error = Assert.Throws<DirectoryNotFoundException>(() => KunskapsbankIndex.Open(new IndexOptions(corpus.IndexPath, corpus.CorpusPath) { ReadOnly = true }));

        Assert.Contains("kunskapsbank index", error.Message, StringComparison.Ordinal);
    }

    private static int Total(KunskapsbankIndex index, string query) =>
        index.Search.Search(new Kunskapsbank.Indexer.Search.SearchRequest { Query = query }).Total;

    // The real CLI as its own process: Lucene's native lock must keep a second process out, not only a second writer here.
    private static async Task<(int Code, string Output)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kunskapsbank.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
