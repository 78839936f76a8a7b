namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Builds the Swedish analyzer: tokenizer, law abbreviations, acronyms, lower-casing, stop-word marking,
/// compound splitting, stemming (the chain itself is <see cref="SwedishLuceneAnalyzer"/>).</summary>
public static class SwedishAnalyzer
{
    /// <summary>Creates the analyzer used for both documents and queries (loads the embedded dictionaries once).</summary>
    public static Analyzer Create() => new(SwedishLuceneAnalyzer.Create());

    /// <summary>As <see cref="Create()"/>, with a compound lexicon that is already loaded.</summary>
    public static Analyzer Create(CompoundLexicon lexicon) => new(SwedishLuceneAnalyzer.Create(lexicon));
}
