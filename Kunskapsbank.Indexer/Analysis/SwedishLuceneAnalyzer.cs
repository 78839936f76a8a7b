using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The Swedish analysis chain as a Lucene analyzer: one tokenizer and the filters after it, built here only.</summary>
/// <remarks>
/// <code>
/// SwedishWordTokenizer → LegalAbbreviationFilter → CapitalsKeywordMarkerFilter → LowerCaseFilter*
///   → SetKeywordMarkerFilter* (protected words) → ReferenceKeywordMarkerFilter → StopWordMarkerFilter
///   → CompoundPartsFilter → SurfaceWordFilter → Snowball3StemFilter (stem overrides, -an rule, Snowball 3.0)
/// </code>
/// (* = Lucene's own). The same chain serves documents and queries. Tokens carry: the term (stem), offsets into the
/// original text, position increments (parts at 0), a type (<see cref="SwedishTokenTypes"/>), the keyword flag,
/// <see cref="IStopWordAttribute"/> and <see cref="IWordAttribute"/> (the word before stemming).
/// Thread-safe: Lucene keeps one chain per thread; the dictionaries and the split cache are shared and read-only
/// (the cache is concurrent). Build it once: loading the dictionaries takes ≈ 150 ms.
/// </remarks>
public sealed class SwedishLuceneAnalyzer : Lucene.Net.Analysis.Analyzer
{
    private readonly CharArrayDictionary<string> _lawNames;
    private readonly CharArraySet _protectedWords;
    private readonly CharArraySet _stopWords;
    private readonly CompoundSplitCache _splits;
    private readonly StemOverrides _overrides;

    private SwedishLuceneAnalyzer(CompoundLexicon lexicon)
    {
        Lexicon = lexicon;
        var lawAbbreviations = LegalAbbreviationFilter.LoadTable();
        LawAbbreviations = lawAbbreviations;
        _lawNames = LegalAbbreviationFilter.Names(lawAbbreviations);
        _protectedWords = new CharArraySet(LuceneVersion.LUCENE_48, AnalysisResources.FirstColumn("protected-words.txt").ToList(), ignoreCase: false);
        _stopWords = StopWords.Load().ToCharArraySet();
        _splits = new CompoundSplitCache(new CompoundSplitter(lexicon));
        _overrides = StemOverrides.Load();
    }

    /// <summary>The law abbreviations the chain reads as their law's name ("SoL" → socialtjänstlagen), case-sensitive.</summary>
    public IReadOnlyDictionary<string, string> LawAbbreviations { get; }

    /// <summary>The compound lexicon the chain uses (also for the -an rule of the stemmer).</summary>
    public CompoundLexicon Lexicon { get; }

    /// <summary>Loads the embedded dictionaries (or uses an already loaded <paramref name="lexicon"/>) and builds the analyzer.</summary>
    public static SwedishLuceneAnalyzer Create(CompoundLexicon? lexicon = null) => new(lexicon ?? CompoundLexicon.Load());

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new SwedishWordTokenizer(reader);
        TokenStream chain = new LegalAbbreviationFilter(source, _lawNames);
        chain = new CapitalsKeywordMarkerFilter(chain);
        chain = new LowerCaseFilter(LuceneVersion.LUCENE_48, chain);
        chain = new SetKeywordMarkerFilter(chain, _protectedWords);
        chain = new ReferenceKeywordMarkerFilter(chain);
        chain = new StopWordMarkerFilter(chain, _stopWords);
        chain = new CompoundPartsFilter(chain, _splits);
        chain = new SurfaceWordFilter(chain);
        chain = new Snowball3StemFilter(chain, Lexicon, _overrides);
        return new TokenStreamComponents(source, chain);
    }
}
