using System.Text;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Tests.Corpus;

/// <summary>A corpus folder and an index file in a fresh temp folder, opened with the real components.</summary>
public sealed class TestCorpus : IDisposable
{
    private KunskapsbankIndex? _index;

    public TestCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "kb-engine-tests", Guid.NewGuid().ToString("N"));
        CorpusPath = Path.Combine(Root, "corpus");
        IndexPath = Path.Combine(Root, "data", "index");
        Directory.CreateDirectory(CorpusPath);
    }

    public string Root { get; }

    public string CorpusPath { get; }

    public string IndexPath { get; }

    public KunskapsbankIndex Index => _index ??= KunskapsbankIndex.Open(new IndexOptions(IndexPath, CorpusPath) { RunOcr = RunOcr, Limits = Limits, IndexingThreads = IndexingThreads });

    /// <summary>Threads that prepare (and in a bulk change write) documents in the index opened next.</summary>
    public int IndexingThreads { get; set; } = new IndexOptions(".", ".").IndexingThreads;

    /// <summary>Whether the index opened next reads scanned pages in the background.</summary>
    public bool RunOcr { get; set; } = true;

    /// <summary>The extraction limits of the index opened next.</summary>
    public Kunskapsbank.Indexer.Extraction.ExtractionLimits Limits { get; set; } = Kunskapsbank.Indexer.Extraction.ExtractionLimits.Default;

    /// <summary>Copies a file from tests/data into the corpus.</summary>
    public string Copy(string relative, params string[] source)
    {
        var path = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(TestData.PathOf(source), path, overwrite: true);
        return path;
    }

    public string FullPath(string relative) => Path.Combine(CorpusPath, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a Markdown document with front matter; body paragraphs under one "## heading" each.</summary>
    public string WriteMarkdown(string relative, string title, string body, string? frontMatter = null)
    {
        var text = new StringBuilder();
        text.Append("---\n").Append("title: \"").Append(title).Append("\"\n");
        if (frontMatter is not null)
        {
            text.Append(frontMatter.TrimEnd()).Append('\n');
        }

        text.Append("---\n\n").Append(body).Append('\n');
        return Write(relative, text.ToString());
    }

    public string Write(string relative, string content)
    {
        var path = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public Kunskapsbank.Indexer.Corpus.SyncReport Sync() => Index.Corpus.SyncAll(null, CancellationToken.None);

    public SearchResponse Search(string query, Dictionary<string, IReadOnlyList<string>>? filters = null, int pageSize = 10) =>
        Index.Search.Search(new SearchRequest { Query = query, Filters = filters ?? [], PageSize = pageSize });

    public List<string> Paths(string query) => Search(query).Hits.Select(h => h.Path).ToList();

    /// <summary>Closes the index (to reopen it, e.g. after a simulated crash).</summary>
    public void Reopen()
    {
        _index?.Dispose();
        _index = null;
    }

    public void Dispose()
    {
        _index?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
