using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The Swedish analysis chain as a Lucene analyzer: one tokenizer and the filters after it, built here only.</summary>
/// <remarks>
/// <code>
/// SwedishWordTokenizer → LegalAbbreviationFilter → CapitalsKeywordMarkerFilter → WordMemoFilter [ LowerCaseFilter*
///   → SetKeywordMarkerFilter* (protected words) → ReferenceKeywordMarkerFilter → StopWordMarkerFilter
///   → CompoundPartsFilter → SurfaceWordFilter → Snowball3StemFilter (stem overrides, -an rule, Snowball 3.0) ]
/// </code>
/// (* = Lucene's own; the filters in brackets see one word at a time, and WordMemoFilter replays what they made of a
/// word seen before). The same chain serves documents and queries. Tokens carry: the term (stem), offsets into the
/// original text, position increments (parts at 0), a type (<see cref="SwedishTokenTypes"/>), the keyword flag,
/// <see cref="IStopWordAttribute"/> and <see cref="IWordAttribute"/> (the word before stemming).
/// Thread-safe: Lucene keeps one chain per thread; the dictionaries, the split cache and the word memo are shared
/// (the caches are safe for concurrent use). Build it once: loading the dictionaries takes ≈ 150 ms.
/// </remarks>
public sealed class SwedishLuceneAnalyzer : Lucene.Net.Analysis.Analyzer
{
    private readonly CharArrayDictionary<string> _lawNames;
    private readonly CharArraySet _protectedWords;
    private readonly CharArraySet _stopWords;
    private readonly CompoundSplitCache _splits;
    private readonly StemOverrides _overrides;
    private readonly AnalysedWordMemo? _memo;

    private SwedishLuceneAnalyzer(CompoundLexicon lexicon, bool rememberWords)
    {
        Lexicon = lexicon;
        var lawAbbreviations = LegalAbbreviationFilter.LoadTable();
        LawAbbreviations = lawAbbreviations;
        _lawNames = LegalAbbreviationFilter.Names(lawAbbreviations);
        _protectedWords = new CharArraySet(LuceneVersion.LUCENE_48, AnalysisResources.FirstColumn("protected-words.txt").ToList(), ignoreCase: false);
        _stopWords = StopWords.Load().ToCharArraySet();
        _splits = new CompoundSplitCache(new CompoundSplitter(lexicon));
        _overrides = StemOverrides.Load();
        _memo = rememberWords ? new AnalysedWordMemo() : null;
    }

    /// <summary>The law abbreviations the chain reads as their law's name ("SoL" → socialtjänstlagen), case-sensitive.</summary>
    public IReadOnlyDictionary<string, string> LawAbbreviations { get; }

    /// <summary>The compound lexicon the chain uses (also for the -an rule of the stemmer).</summary>
    public CompoundLexicon Lexicon { get; }

    /// <summary>Loads the embedded dictionaries (or uses an already loaded <paramref name="lexicon"/>) and builds the analyzer.</summary>
    public static SwedishLuceneAnalyzer Create(CompoundLexicon? lexicon = null) => new(lexicon ?? CompoundLexicon.Load(), rememberWords: true);

    /// <summary>The same chain without <see cref="WordMemoFilter"/>: every word goes through every filter (to check the memo against).</summary>
    internal static SwedishLuceneAnalyzer CreateWithoutMemo(CompoundLexicon lexicon) => new(lexicon, rememberWords: false);

    /// <summary>Empties the word memo (<see cref="WordMemoFilter"/>); the analysis stays the same, only slower until it refills.</summary>
    public void ForgetWords() => _memo?.Clear();

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new SwedishWordTokenizer(reader);
        TokenStream chain = new LegalAbbreviationFilter(source, _lawNames);
        chain = new CapitalsKeywordMarkerFilter(chain);
        chain = _memo is null ? WordFilters(chain) : new WordMemoFilter(chain, _memo, WordFilters);
        return new TokenStreamComponents(source, chain);
    }

    // The filters that look at one word at a time, whatever its neighbours (what WordMemoFilter may remember).
    private Snowball3StemFilter WordFilters(TokenStream chain)
    {
        chain = new LowerCaseFilter(LuceneVersion.LUCENE_48, chain);
        chain = new SetKeywordMarkerFilter(chain, _protectedWords);
        chain = new ReferenceKeywordMarkerFilter(chain);
        chain = new StopWordMarkerFilter(chain, _stopWords);
        chain = new CompoundPartsFilter(chain, _splits);
        chain = new SurfaceWordFilter(chain);
        return new Snowball3StemFilter(chain, Lexicon, _overrides);
    }
}
