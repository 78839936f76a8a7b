using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Query;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>What to mark in a passage: the query's stems, exact words and prefixes.</summary>
public sealed class HighlightTerms
{
    private readonly HashSet<string> _stems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];
    private List<string>? _anchors;
    private List<string>? _abbreviationAnchors;
    private IReadOnlyDictionary<string, string>? _abbreviationsSource;
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

    /// <summary>Substrings one of which every hit's word contains, lower-cased (see <see cref="HitWindows"/>): the first
    /// <see cref="HitWindows.AnchorLength"/> letters of each stem, word and prefix. A stem is the start of its word
    /// (Snowball strips endings; the hand-made overrides keep the first letters, which a test checks) and a compound
    /// part's stem is the start of the part inside the compound.</summary>
    public IReadOnlyList<string> Anchors => _anchors ??= [.. _stems.Concat(_words).Select(HitWindows.Anchor).Concat(_prefixes).Distinct(StringComparer.Ordinal)];

    /// <summary>The law abbreviations (case-sensitive) whose law's name holds an anchor: the analyzer reads them as that
    /// name, so they can be hits without holding an anchor themselves.</summary>
    public IReadOnlyList<string> AbbreviationAnchors(IReadOnlyDictionary<string, string> lawAbbreviations)
    {
        ArgumentNullException.ThrowIfNull(lawAbbreviations);
        if (_abbreviationAnchors is null || !ReferenceEquals(_abbreviationsSource, lawAbbreviations))
        {
            _abbreviationsSource = lawAbbreviations;
            _abbreviationAnchors = [.. lawAbbreviations
                .Where(law => Anchors.Any(anchor => law.Value.Contains(anchor, StringComparison.OrdinalIgnoreCase)))
                .Select(law => law.Key)];
        }

        return _abbreviationAnchors;
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
