using Kunskapsbank.Indexer.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class CompoundPartsFilterTests
{
    private static readonly CompoundSplitCache Splits = new(new CompoundSplitter(CompoundLexicon.Load()));

    private static readonly Lucene.Net.Analysis.Analyzer Stage = LuceneTokens.Chain(source =>
        new CompoundPartsFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, source), Splits));

    [Fact]
    public void Filter_emits_the_parts_after_the_word_at_increment_zero_with_their_own_offsets()
    {
        const string text = "Stöd till våldsutsatta kvinnor";
        var tokens = LuceneTokens.Of(Stage, text);
        Assert.Equal(["stöd", "till", "våldsutsatta", "våld", "utsatt", "kvinnor"], tokens.Select(t => t.Term));
        Assert.Equal([1, 1, 1, 0, 0, 1], tokens.Select(t => t.Increment));
        Assert.Equal(["vålds", "utsatta"], tokens.Where(t => t.IsPart).Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Part_offsets_survive_soft_hyphens_and_decomposed_letters()
    {
        var text = "va\u030Ald\u00ADsutsatta";
        var parts = LuceneTokens.Of(Stage, text).Where(t => t.IsPart).ToList();
        Assert.Equal(["va\u030Ald\u00ADs", "utsatta"], parts.Select(p => text[p.Start..p.End]));
    }

    [Fact]
    public void Parts_of_a_hyphenated_word_are_split_themselves_and_the_whole_is_not()
    {
        const string text = "FREDA-kortfrågor";
        var tokens = LuceneTokens.Of(Stage, text);
        Assert.Equal(["fredakortfrågor", "freda", "kortfrågor", "kort", "fråga"], tokens.Select(t => t.Term));
        Assert.Equal(["kort", "frågor"], tokens.Skip(3).Select(t => text[t.Start..t.End]));
    }

    [Theory]
    [InlineData("Hälso- och sjukvården ska ha rutiner", "hälso", "hälsa")]
    [InlineData("byggnads- eller anläggningsarbete", "byggnads", "byggnad")]
    [InlineData("kvinno-\nrespektive mansjourer", "kvinno", "kvinna")]
    [InlineData("barnskydds- samt familjefrågor", "barnskydds", "barnskydd barn skydd")]
    public void A_first_part_dangling_before_a_hyphen_and_a_conjunction_gets_its_dictionary_form_as_a_part(string text, string word, string lemmas)
    {
        var analyzer = LuceneTokens.Chain(source => new CompoundPartsFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, source), Splits));

        var tokens = LuceneTokens.Of(analyzer, text);

        var at = tokens.FindIndex(t => t.Term == word);
        var parts = tokens.Skip(at + 1).TakeWhile(t => t.IsPart).ToList();
        Assert.Equal(lemmas.Split(' '), parts.Select(p => p.Term));
        Assert.All(parts, p => Assert.Equal(0, p.Increment));
        Assert.All(parts, p => Assert.StartsWith(text[p.Start..p.End].ToLowerInvariant(), word[(p.Start - parts[0].Start)..], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hälso-och sjukvård")]
    [InlineData("hälso - och sjukvård")]
    [InlineData("barn- ungdomsvård")]
    [InlineData("hälso- ochsjukvård")]
    public void A_hyphen_without_a_conjunction_after_it_or_inside_a_word_makes_no_dangling_part(string text)
    {
        var tokens = LuceneTokens.Of(Stage, text);
        Assert.DoesNotContain(tokens, t => t.IsPart && t.Term is "hälsa" or "barn");
    }

    [Fact]
    public void Keywords_and_stop_words_are_not_split()
    {
        var keywordStage = LuceneTokens.Chain(source => new CompoundPartsFilter(
            new SetKeywordMarkerFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, source), new CharArraySet(LuceneVersion.LUCENE_48, ["våldsutsatta"], false)),
            Splits));
        Assert.Single(LuceneTokens.Of(keywordStage, "våldsutsatta"));

        var stopStage = LuceneTokens.Chain(source => new CompoundPartsFilter(
            new StopWordMarkerFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, source), new CharArraySet(LuceneVersion.LUCENE_48, ["våldsutsatta"], false)),
            Splits));
        Assert.Single(LuceneTokens.Of(stopStage, "våldsutsatta"));
    }

    [Fact]
    public void Cache_returns_the_same_parts_as_the_splitter_and_stays_within_its_bound()
    {
        var splitter = new CompoundSplitter(CompoundLexicon.Load());
        var cache = new CompoundSplitCache(splitter, capacity: 3);
        string[] words = ["våldsutsatta", "barnäktenskap", "hedersrelaterat", "myndighet", "familjevåld", "våldsutsatta"];
        Parallel.For(0, 400, i =>
        {
            var word = words[i % words.Length];
            Assert.Equal(splitter.Split(word), cache.Split(word));
        });
        Assert.Equal(3, cache.Capacity);
    }
}
