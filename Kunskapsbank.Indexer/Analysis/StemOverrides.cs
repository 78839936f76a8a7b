namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Word forms whose stem is fixed by hand because the Snowball stem would merge unrelated words.</summary>
/// <remarks>Data in Resources/analysis/stem-overrides.tsv: <c>form&lt;TAB&gt;stem</c>, each group commented with why.</remarks>
public sealed class StemOverrides
{
    private readonly Dictionary<string, string> _stems;

    private StemOverrides(Dictionary<string, string> stems) => _stems = stems;

    /// <summary>Loads the embedded override table.</summary>
    public static StemOverrides Load()
    {
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in AnalysisResources.DataLines("stem-overrides.tsv"))
        {
            var fields = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
            {
                throw new InvalidOperationException($"Felaktig rad i stem-overrides.tsv: {line}");
            }

            stems[fields[0]] = fields[1];
        }

        return new StemOverrides(stems);
    }

    /// <summary>Gets the fixed stem of a lower-cased word form, if it has one.</summary>
    public bool TryGetStem(string word, out string stem) => _stems.TryGetValue(word, out stem!);
}
