using Lucene.Net.Analysis.Miscellaneous;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Word forms whose stem is fixed by hand because the Snowball stem would merge unrelated words.</summary>
/// <remarks>Data in Resources/analysis/stem-overrides.tsv: <c>form&lt;TAB&gt;stem</c>, each group commented with why.
/// In the analyzer the table is applied by Lucene's StemmerOverrideFilter (<see cref="ToLuceneMap"/>).</remarks>
public sealed class StemOverrides
{
    private readonly Dictionary<string, string> _stems;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private StemOverrides(Dictionary<string, string> stems)
    {
        _stems = stems;
        _bySpan = stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every form and its fixed stem.</summary>
    public IReadOnlyDictionary<string, string> Stems => _stems;

    /// <summary>Loads the embedded override table.</summary>
    public static StemOverrides Load() => new(AnalysisResources.TwoColumnTable("stem-overrides.tsv"));

    /// <summary>Gets the fixed stem of a lower-cased word form, if it has one.</summary>
    public bool TryGetStem(ReadOnlySpan<char> word, out string stem) => _bySpan.TryGetValue(word, out stem!);

    /// <summary>The table as Lucene's StemmerOverrideFilter wants it (case-sensitive: it runs after lower-casing).</summary>
    public StemmerOverrideFilter.StemmerOverrideMap ToLuceneMap()
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (form, stem) in _stems)
        {
            builder.Add(form, stem);
        }

        return builder.Build();
    }
}
