namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Word forms whose stem is fixed by hand because the Snowball stem would merge unrelated words.</summary>
/// <remarks>Data in Resources/analysis/stem-overrides.tsv: <c>form&lt;TAB&gt;stem</c>, each group commented with why.</remarks>
public sealed class StemOverrides
{
    private readonly Dictionary<string, string> _stems;

    private StemOverrides(Dictionary<string, string> stems) => _stems = stems;

    /// <summary>Loads the embedded override table.</summary>
    public static StemOverrides Load() => new(AnalysisResources.TwoColumnTable("stem-overrides.tsv"));

    /// <summary>Gets the fixed stem of a lower-cased word form, if it has one.</summary>
    public bool TryGetStem(string word, out string stem) => _stems.TryGetValue(word, out stem!);
}
