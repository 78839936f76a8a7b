namespace Kunskapsbank.Indexer.Analysis;

/// <summary>One stage after the tokenizer: rewrites, marks or adds tokens, never changes offsets.</summary>
internal interface ITokenFilter
{
    /// <summary>Applies the filter to a token stream in position order; <paramref name="text"/> is the original text the offsets point into.</summary>
    IEnumerable<Token> Apply(IEnumerable<Token> tokens, string text);
}
