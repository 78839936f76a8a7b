using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class CompoundSplitterTests
{
    private static readonly CompoundSplitter Splitter = new(CompoundLexicon.Load());

    private static string Lemmas(string word) => string.Join('+', Splitter.Split(word).Select(p => p.Lemma));

    private static string Surface(string word) => string.Join('+', Splitter.Split(word).Select(p => word.Substring(p.Offset, p.Length)));

    [Theory]
    [InlineData("våldsutsatta", "vålds+utsatta", "våld+utsatt")]
    [InlineData("barnäktenskap", "barn+äktenskap", "barn+äktenskap")]
    [InlineData("hedersrelaterat", "heders+relaterat", "heder+relatera")]
    [InlineData("utreseförbud", "utrese+förbud", "utresa+förbud")]
    [InlineData("familjevåld", "familje+våld", "familj+våld")]
    public void Splitter_splits_domain_compounds_at_the_linking_letters(string word, string surface, string lemmas)
    {
        Assert.Equal(surface, Surface(word));
        Assert.Equal(lemmas, Lemmas(word));
    }

    [Theory]
    [InlineData("behandling")]
    [InlineData("myndighet")]
    [InlineData("kvinnor")]
    [InlineData("förtryck")]
    [InlineData("misshandel")]
    [InlineData("samverkan")]
    [InlineData("våldtäkt")]
    [InlineData("kontroll")]
    [InlineData("gemensamt")]
    [InlineData("ekonomiska")]
    [InlineData("redovisa")]
    public void Splitter_leaves_non_compounds_whole(string word) => Assert.Empty(Splitter.Split(word));

    [Theory]
    [InlineData("")]
    [InlineData("våld")]
    [InlineData("Våldsutsatta")]
    [InlineData("1982316abc")]
    public void Splitter_ignores_short_capitalised_or_non_letter_input(string word) => Assert.Empty(Splitter.Split(word));

    [Fact]
    public void Splitter_meets_the_precision_and_recall_aim_on_the_domain_test_set()
    {
        var result = CompoundEvaluation.Run(Splitter, SharedAnalyzer.Instance.Stem, TestData.Lines("compound", "domain-compounds-sv.tsv"));
        Assert.Equal(113, result.Compounds);
        Assert.Equal(27, result.Whole);
        Assert.True(result.Precision >= 0.95, $"Precision {result.Precision:P1}:\n{string.Join('\n', result.Errors)}");
        Assert.True(result.Recall >= 0.90, $"Recall {result.Recall:P1}:\n{string.Join('\n', result.Errors)}");
    }

    [Fact]
    public void Evaluation_counts_a_split_of_a_whole_word_against_precision()
    {
        string[] lines = ["våldsutsatta\tvålds+utsatta\tvåld+utsatt", "barnäktenskap\t-\t-", "myndighet\t-\t-", "ohälsa\to+hälsa\to+hälsa"];
        var result = CompoundEvaluation.Run(Splitter, SharedAnalyzer.Instance.Stem, lines);
        Assert.Equal((1, 0, 1, 1), (result.Correct, result.Wrong, result.Missed, result.FalseSplits));
        Assert.Equal(0.5, result.Precision);
        Assert.Equal(0.5, result.Recall);
    }

    [Fact]
    public void Analyzer_emits_parts_at_the_word_position_with_their_own_offsets()
    {
        const string text = "Stöd till våldsutsatta kvinnor";
        var tokens = SharedAnalyzer.Instance.Analyze(text);
        var whole = tokens.Single(t => t.Word == "våldsutsatta");
        var parts = tokens.Where(t => t.IsCompoundPart).ToList();
        Assert.False(whole.IsCompoundPart);
        Assert.Equal(["vålds", "utsatta"], parts.Select(p => text[p.Start..p.End]));
        Assert.All(parts, p => Assert.Equal(whole.Position, p.Position));
        Assert.Equal(SwedishStemmer.Stem("våld"), parts[0].Term);
        Assert.Equal(SwedishStemmer.Stem("utsatt"), parts[1].Term);
    }

    [Fact]
    public void Part_offsets_survive_soft_hyphens_and_decomposed_letters()
    {
        var text = "va\u030Ald\u00ADsutsatta";
        var tokens = SharedAnalyzer.Instance.Analyze(text);
        var parts = tokens.Where(t => t.IsCompoundPart).ToList();
        Assert.Equal(["va\u030Ald\u00ADs", "utsatta"], parts.Select(p => text[p.Start..p.End]));
    }

    [Fact]
    public void A_query_for_a_part_finds_the_compound()
    {
        var analyzer = SharedAnalyzer.Instance;
        var documentTerms = analyzer.Analyze("Hedersrelaterat våld drabbar våldsutsatta barn.").Select(t => t.Term).ToHashSet();
        Assert.Contains(analyzer.Analyze("utsatt")[0].Term, documentTerms);
        Assert.Contains(analyzer.Analyze("heder")[0].Term, documentTerms);
    }
}
