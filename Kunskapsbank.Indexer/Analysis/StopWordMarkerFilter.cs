using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Marks stop words with <see cref="IStopWordAttribute"/> but keeps them, so phrases and positions stay intact.</summary>
/// <remarks>Dropping is a query-time choice (plain AND-queries may skip marked tokens; phrases keep them). Lucene's
/// StopFilter removes the token, which is what this must not do. Runs after lower-casing.</remarks>
public sealed class StopWordMarkerFilter : TokenFilter
{
    private readonly CharArraySet _stopWords;
    private readonly ICharTermAttribute _term;
    private readonly IStopWordAttribute _stopWord;

    /// <summary>Marks the tokens of <paramref name="input"/> whose term is in <paramref name="stopWords"/>.</summary>
    public StopWordMarkerFilter(TokenStream input, CharArraySet stopWords)
        : base(input)
    {
        _stopWords = stopWords;
        _term = AddAttribute<ICharTermAttribute>();
        _stopWord = AddAttribute<IStopWordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_stopWords.Contains(_term.Buffer, 0, _term.Length))
        {
            _stopWord.IsStopWord = true;
        }

        return true;
    }
}
