using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Stems each term that is not a keyword: its override from stem-overrides.tsv, else <see cref="SwedishStemmer"/> (Snowball 3.0).</summary>
/// <remarks>
/// Keywords are left alone: acronyms, protected words, numbers, references. The overrides have exactly the semantics
/// of Lucene's StemmerOverrideFilter (exact form → stem, never stemmed further), and the chain used it first; but in
/// Lucene.Net 4.8 it allocates on every token (FST outputs: 154 MB per 2,000 benchmark documents, the largest
/// allocation of the whole chain), and the garbage collection that caused cost more than the rest of the stemming.
/// Here the same table is a dictionary looked up by characters, and the result is cached per word. Snowball has no rule for the definite singular in -an (skolan,
/// barnmorskan): stripping -n blindly would also hit sedan, utan, mellan. So a word in -an is stemmed as its base form
/// only when the lexicon (hunspell forms) says it is an inflection of exactly that form (the base form's override, if
/// it has one, wins); the rule lives here, outside the pure Snowball <see cref="SwedishStemmer"/>. Lucene's
/// SnowballFilter("Swedish") is the older algorithm and fails the Snowball 3.0 vocabulary, so the stemmer is ours.
/// </remarks>
public sealed class Snowball3StemFilter : TokenFilter
{
    private readonly CompoundLexicon _lexicon;
    private readonly StemOverrides _overrides;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    // Recent words and their stems (a length, or a replacement from the -an rule): the lexicon look-up of the -an rule
    // and the suffix tests cost more than a look-up. Per chain, so per thread.
    private readonly RecentWordCache<(int Length, string? Replacement)> _recent = new();

    /// <summary>Stems <paramref name="input"/>; <paramref name="lexicon"/> decides the -an rule.</summary>
    public Snowball3StemFilter(TokenStream input, CompoundLexicon lexicon, StemOverrides overrides)
        : base(input)
    {
        _lexicon = lexicon;
        _overrides = overrides;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_keyword.IsKeyword || _term.Length == 0)
        {
            return true;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (!_recent.TryGet(word, out var stem, out var slot))
        {
            stem = Stem(word);
            _recent.Set(slot, word, stem);
        }

        if (stem.Replacement is { } replacement)
        {
            _term.SetEmpty().Append(replacement);
        }
        else
        {
            _term.SetLength(stem.Length);
        }

        return true;
    }

    // The stem as a length of the word (every step only removes letters) or a replacement: the word's override, or for
    // an -an form the override of its base form.
    private (int Length, string? Replacement) Stem(ReadOnlySpan<char> word)
    {
        if (_overrides.TryGetStem(word, out var fixedStem))
        {
            return (0, fixedStem);
        }

        if (IsDefiniteSingular(word))
        {
            var baseForm = word[..^1];
            return _overrides.TryGetStem(baseForm, out var stem) ? (0, stem) : (SwedishStemmer.StemLength(baseForm), null);
        }

        return (SwedishStemmer.StemLength(word), null);
    }

    // "skolan" is a form of "skola" when the lexicon lists it with exactly that lemma.
    private bool IsDefiniteSingular(ReadOnlySpan<char> word) =>
        word.Length >= 4 && word.EndsWith("an", StringComparison.Ordinal) && _lexicon.IsFormOf(word, word[..^1]);
}
