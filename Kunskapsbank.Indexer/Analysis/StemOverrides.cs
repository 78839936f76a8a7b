namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Word forms whose stem is fixed by hand because the Snowball stem would merge unrelated words.</summary>
/// <remarks>Data in Resources/analysis/stem-overrides.tsv: <c>form&lt;TAB&gt;stem</c>, each group commented with why.
/// Applied by <see cref="Snowball3StemFilter"/> (it says why not by Lucene's StemmerOverrideFilter).</remarks>
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
}
