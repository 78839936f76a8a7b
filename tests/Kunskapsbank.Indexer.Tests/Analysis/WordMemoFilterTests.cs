using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>The word memo replays exactly what the word filters make, wherever and however often a word occurs.</summary>
public class WordMemoFilterTests
{
    // What the memo must not get wrong: acronyms and headings in capitals (the filter before it decides from the
    // neighbours), law abbreviations read as the law's name, references and numbers, hyphenated words and dangling
    // first parts, compounds with linking letters, soft hyphens and decomposed letters (offset maps), stop words.
    private static readonly string Tricky = string.Join(
        '\n',
        "FREDA och SARA används. BESLUT OM SKATTER OCH AVGIFTER. Enligt SoL och LVU 2 § samt 4 kap. 1982:316 gäller det.",
        "Hälso- och sjukvården möter våldsutsatta kvinnor; barnmorskan och skolan såg barnet. FREDA-kortfrågor, HSLF-FS.",
        "Skydds\u00ADbedömning i socialtjänsten, va\u0308ldsutsatt, e-post, 4a §, kontaktförbud och umgängesbegränsning.",
        "Det är så att de som är här ska ha det bra. Kvinnofridslinjen, hedersrelaterat våld och förtryck, könsstympning.");

    private static readonly SwedishLuceneAnalyzer WithMemo = SwedishLuceneAnalyzer.Create(SharedAnalyzer.Instance.Lucene.Lexicon);
    private static readonly SwedishLuceneAnalyzer WithoutMemo = SwedishLuceneAnalyzer.CreateWithoutMemo(SharedAnalyzer.Instance.Lucene.Lexicon);

    public static TheoryData<string> Texts() =>
    [
        Tricky,
        File.ReadAllText(TestData.PathOf("documents", "generated", "kunskapsunderlag-hedersrelaterat-vald-flersidig.source.txt")),
        File.ReadAllText(TestData.PathOf("documents", "generated", "svarlast-text-kodning-och-layout.expected.txt")),
        File.ReadAllText(TestData.PathOf("documents", "generated", "vagledning-vald-i-nara-relationer.md")),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_attribute_of_every_token_is_what_the_filters_alone_give(string text)
    {
        // Three copies: a word is remembered at its second miss and replayed from its third occurrence on, each time
        // at other offsets, so the parts' offsets are checked away from where they were recorded.
        var thrice = string.Join("\n\n", text, text, text);

        var expected = LuceneTokens.Of(WithoutMemo, thrice);
        var actual = LuceneTokens.Of(WithMemo, thrice);

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Analyzed_tokens_and_their_strings_are_the_same_with_and_without_the_memo()
    {
        var withMemo = new Analyzer(WithMemo);
        var withoutMemo = new Analyzer(WithoutMemo);
        var text = string.Join("\n\n", Enumerable.Repeat(Tricky, 4));

        Assert.Equal(withoutMemo.Analyze(text), withMemo.Analyze(text));
    }

    [Fact]
    public void Forgotten_words_are_analysed_as_before()
    {
        var lucene = SwedishLuceneAnalyzer.Create(SharedAnalyzer.Instance.Lucene.Lexicon);
        var analyzer = new Analyzer(lucene);
        var text = string.Join("\n\n", Enumerable.Repeat(Tricky, 3));
        var before = analyzer.Analyze(text);

        analyzer.ForgetWords();

        Assert.Equal(before, analyzer.Analyze(text));
        Assert.Equal(LuceneTokens.Of(WithoutMemo, text), LuceneTokens.Of(lucene, text));
    }
}
