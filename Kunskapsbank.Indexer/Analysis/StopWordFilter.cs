namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Marks stop words with <see cref="TokenKind.StopWord"/> but keeps them, so phrases and positions stay intact.</summary>
/// <remarks>Dropping is a query-time choice (plain AND-queries may skip marked tokens; phrases keep them).</remarks>
internal sealed class StopWordFilter(StopWords stopWords) : ITokenFilter
{
    public IEnumerable<Token> Apply(IEnumerable<Token> tokens, string text)
    {
        foreach (var token in tokens)
        {
            yield return stopWords.Contains(token.Word) ? token with { Kind = token.Kind | TokenKind.StopWord } : token;
        }
    }
}
