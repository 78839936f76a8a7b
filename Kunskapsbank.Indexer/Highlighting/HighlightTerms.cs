using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Query;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>What to mark in a passage: the query's stems, exact words and prefixes.</summary>
public sealed class HighlightTerms
{
    private readonly HashSet<string> _stems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stemsBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;

    /// <summary>Collects the positive leaves of an analysed query.</summary>
    public HighlightTerms(IEnumerable<QueryClause> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        foreach (var leaf in leaves)
        {
            switch (leaf)
            {
                case TermClause term:
                    _stems.Add(term.Stem);
                    _words.Add(term.Word);
                    break;
                case PhraseClause phrase:
                    _stems.UnionWith(phrase.Stems);
                    _words.UnionWith(phrase.Words);
                    break;
                case PrefixClause prefix:
                    _prefixes.Add(prefix.Prefix);
                    break;
            }
        }

        _stemsBySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when nothing would ever be marked.</summary>
    public bool IsEmpty => _stems.Count == 0 && _prefixes.Count == 0;

    /// <summary>True when a token of the passage is a hit: same stem, same word, or a word with a queried prefix.</summary>
    public bool Matches(in TokenView token)
    {
        if (_stemsBySpan.Contains(token.Term) || _wordsBySpan.Contains(token.Word))
        {
            return true;
        }

        if (token.IsCompoundPart)
        {
            return false;
        }

        foreach (var prefix in _prefixes)
        {
            if (token.Word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
