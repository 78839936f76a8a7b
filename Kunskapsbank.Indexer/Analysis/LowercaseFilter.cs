namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Lower-cases term and word; å, ä and ö stay the letters they are (no accent folding).</summary>
internal sealed class LowercaseFilter : ITokenFilter
{
    public IEnumerable<Token> Apply(IEnumerable<Token> tokens, string text)
    {
        foreach (var token in tokens)
        {
            // Invariant, not sv-SE: the result must not depend on which cultures the machine has installed.
            yield return token with { Term = token.Term.ToLowerInvariant(), Word = token.Word.ToLowerInvariant() };
        }
    }
}
