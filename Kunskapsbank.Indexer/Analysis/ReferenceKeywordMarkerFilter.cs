using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Marks numbers and legal references (2023, 1982:316, §, 4a) as keywords, so they are never stemmed.</summary>
/// <remarks>A term with any character that is not a letter must match exactly. Lucene's PatternKeywordMarkerFilter
/// could say the same with a regular expression per token; a loop over the characters is the cheaper check.</remarks>
public sealed class ReferenceKeywordMarkerFilter : KeywordMarkerFilter
{
    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ReferenceKeywordMarkerFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    /// <inheritdoc/>
    protected override bool IsKeyword()
    {
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            if (!char.IsLetter(buffer[i]))
            {
                return true;
            }
        }

        return false;
    }
}
