namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Builds the Swedish analysis chain: tokenizer, law abbreviations, lower-casing, stop-word marking, compound splitting, stemming.</summary>
public static class SwedishAnalyzer
{
    /// <summary>Creates the analyzer used for both documents and queries (loads the embedded dictionaries once).</summary>
    public static Analyzer Create()
    {
        var lexicon = CompoundLexicon.Load();
        ITokenFilter[] filters =
        [
            LegalAbbreviationFilter.Load(),
            new LowercaseFilter(),
            new StopWordFilter(StopWords.Load()),
            new CompoundSplitFilter(new CompoundSplitter(lexicon)),
            new StemFilter(StemOverrides.Load(), lexicon),
        ];
        return new Analyzer(text => Run(filters, text));
    }

    private static List<Token> Run(ITokenFilter[] filters, string text)
    {
        var tokens = WordTokenizer.Tokenize(text);
        foreach (var filter in filters)
        {
            tokens = filter.Apply(tokens, text);
        }

        return [.. tokens];
    }
}
