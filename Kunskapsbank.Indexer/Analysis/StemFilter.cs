namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Replaces each letters-only term by its stem: an override if there is one, else the Snowball stem.</summary>
/// <remarks>Terms with digits or signs (1982:316, §, 4a) are kept as they are so references match exactly.
/// Snowball has no rule for the definite singular in -an (skolan, barnmorskan): stripping -n blindly would also hit
/// sedan, utan, mellan. So a word in -an is stemmed as its base form only when the lexicon (hunspell forms) says it is
/// an inflection of exactly that form; the rule lives here, outside the pure Snowball <see cref="SwedishStemmer"/>.</remarks>
internal sealed class StemFilter(StemOverrides overrides, CompoundLexicon? lexicon = null) : ITokenFilter
{
    public IEnumerable<Token> Apply(IEnumerable<Token> tokens, string text)
    {
        foreach (var token in tokens)
        {
            yield return IsLettersOnly(token.Term) ? token with { Term = Stem(token.Term) } : token;
        }
    }

    /// <summary>The stem the index uses for one lower-cased word.</summary>
    public string Stem(string word)
    {
        if (overrides.TryGetStem(word, out var stem))
        {
            return stem;
        }

        if (DefiniteSingularBase(word) is { } baseForm)
        {
            return overrides.TryGetStem(baseForm, out var baseStem) ? baseStem : SwedishStemmer.Stem(baseForm);
        }

        return SwedishStemmer.Stem(word);
    }

    /// <summary>"skolan" → "skola" when the lexicon lists skolan as a form of skola; otherwise null.</summary>
    private string? DefiniteSingularBase(string word)
    {
        if (lexicon is null || word.Length < 4 || !word.EndsWith("an", StringComparison.Ordinal))
        {
            return null;
        }

        var baseForm = word[..^1];
        return lexicon.TryGet(word, out _, out var lemma) && string.Equals(lemma, baseForm, StringComparison.Ordinal) ? baseForm : null;
    }

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
