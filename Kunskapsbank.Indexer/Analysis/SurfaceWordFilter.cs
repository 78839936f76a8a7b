using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Keeps each token's word as it is before stemming in <see cref="IWordAttribute"/>.</summary>
/// <remarks>Ranking puts an exact word above a stem, so the engine needs both; the stemmers rewrite the term in place.</remarks>
public sealed class SurfaceWordFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IWordAttribute _word;

    /// <summary>Wraps <paramref name="input"/>; place it right before the first stemming filter.</summary>
    public SurfaceWordFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _word = AddAttribute<IWordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        _word.SetWord(_term.Buffer, _term.Length);
        return true;
    }
}
