using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Tests.Metadata;

/// <summary>Paths to tests/data/metadata and a shared resolver over the built-in taxonomy.</summary>
internal static class MetadataTestData
{
    private static readonly Lazy<Analyzer> SharedAnalyzer = new(SwedishAnalyzer.Create);
    private static readonly Lazy<MetadataResolver> SharedResolver =
        new(() => new MetadataResolver(TaxonomyLoader.BuiltIn(), SharedAnalyzer.Value));

    public static Analyzer Analyzer => SharedAnalyzer.Value;

    /// <summary>A resolver over the built-in taxonomy (immutable, so tests share it).</summary>
    public static MetadataResolver Resolver => SharedResolver.Value;

    public static string PathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "data", "metadata", .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The repository root (the folder with Kunskapsbank.sln), found from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kunskapsbank.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kunskapsbank.sln not found above the test binaries.");
    }

    /// <summary>A document with the given passages (each a heading and its text) and properties.</summary>
    public static ExtractedDocument Document(DocumentProperties? properties, params (string? Heading, string Text)[] sections)
    {
        var passages = new List<ExtractedPassage>();
        var offset = 0;
        foreach (var (heading, text) in sections)
        {
            passages.Add(new ExtractedPassage(text, null, heading is null ? [] : [heading], offset));
            offset += text.Length + 2;
        }

        return new ExtractedDocument(properties ?? DocumentProperties.Empty, passages, []);
    }

    public static IEnumerable<string> ValuesOf(DocumentMetadata metadata, string facet) =>
        metadata.Tags.Where(t => t.Facet == facet).Select(t => t.Value);
}
