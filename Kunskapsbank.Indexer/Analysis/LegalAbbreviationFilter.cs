namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Reads law abbreviations ("SoL", "BrB") as the law's name, so both spellings find each other.</summary>
/// <remarks>Runs before lower-casing because the casing is what tells "SoL" (the social services act) from "sol"
/// (sun). Data: Resources/analysis/legal-abbreviations.tsv.</remarks>
internal sealed class LegalAbbreviationFilter(IReadOnlyDictionary<string, string> names) : ITokenFilter
{
    /// <summary>Loads the embedded abbreviation table.</summary>
    public static LegalAbbreviationFilter Load() => new(AnalysisResources.TwoColumnTable("legal-abbreviations.tsv"));

    public IEnumerable<Token> Apply(IEnumerable<Token> tokens, string text)
    {
        foreach (var token in tokens)
        {
            yield return !token.IsCompoundPart && names.TryGetValue(token.Term, out var name)
                ? token with { Term = name, Word = name }
                : token;
        }
    }
}
