namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Turns text into index terms; the one analyzer serves both indexing and queries.</summary>
/// <remarks>Immutable and thread-safe: build it once (it loads dictionaries) and share it.</remarks>
public sealed class Analyzer
{
    private readonly Func<string, IReadOnlyList<Token>> _chain;

    internal Analyzer(Func<string, IReadOnlyList<Token>> chain) => _chain = chain;

    /// <summary>Analyses <paramref name="text"/> into tokens in position order.</summary>
    public IReadOnlyList<Token> Analyze(string text) => string.IsNullOrEmpty(text) ? [] : _chain(text);
}
