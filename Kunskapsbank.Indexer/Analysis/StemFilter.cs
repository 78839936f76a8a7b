namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Replaces each letters-only term by its stem: an override if there is one, else the Snowball stem.</summary>
/// <remarks>Terms with digits or signs (1982:316, §, 4a) are kept as they are so references match exactly.</remarks>
internal sealed class StemFilter(StemOverrides overrides) : ITokenFilter
{
    public IEnumerable<Token> Apply(IEnumerable<Token> tokens, string text)
    {
        foreach (var token in tokens)
        {
            yield return IsLettersOnly(token.Term) ? token with { Term = Stem(token.Term) } : token;
        }
    }

    /// <summary>The stem the index uses for one lower-cased word.</summary>
    public string Stem(string word) => overrides.TryGetStem(word, out var stem) ? stem : SwedishStemmer.Stem(word);

    private static bool IsLettersOnly(string term)
    {
        foreach (var c in term)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return term.Length > 0;
    }
}
