using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>The stem filter: stem-overrides.tsv, the -an rule, Snowball 3.0; keywords untouched.</summary>
public class StemmingTests
{
    private static readonly StemOverrides Overrides = StemOverrides.Load();
    private static readonly CompoundLexicon Lexicon = CompoundLexicon.Load();

    private static readonly Lucene.Net.Analysis.Analyzer Stage = LuceneTokens.Chain(source =>
        new Snowball3StemFilter(new ReferenceKeywordMarkerFilter(source), Lexicon, Overrides));

    private static string Stem(string word) => LuceneTokens.Of(Stage, word).Single().Term;

    [Theory]
    [InlineData("heder", "hed")]
    [InlineData("hedern", "heden")]
    [InlineData("myndighet", "myndig")]
    [InlineData("myndigheten", "myndiga")]
    [InlineData("lagret", "lagen")]
    [InlineData("hets", "het")]
    [InlineData("moder", "mod")]
    [InlineData("män", "man")]
    [InlineData("våld", "vålla")]
    [InlineData("får", "far")]
    public void Overrides_keep_unrelated_words_apart(string a, string b) => Assert.NotEqual(Stem(a), Stem(b));

    [Theory]
    [InlineData("heder", "hedern")]
    [InlineData("barn", "barnet")]
    [InlineData("barn", "barnen")]
    [InlineData("barn", "barns")]
    [InlineData("kvinna", "kvinnan")]
    [InlineData("kvinna", "kvinnor")]
    [InlineData("kvinnor", "kvinnorna")]
    [InlineData("utsatt", "utsatta")]
    [InlineData("våld", "våldet")]
    [InlineData("brott", "brottet")]
    [InlineData("offer", "offret")]
    [InlineData("förälder", "föräldrar")]
    [InlineData("vårdnad", "vårdnaden")]
    [InlineData("anmäla", "anmälan")]
    [InlineData("myndighet", "myndigheterna")]
    [InlineData("flicka", "flickan")]
    [InlineData("samtycke", "samtycket")]
    [InlineData("insats", "insatsen")]
    [InlineData("insats", "insatser")]
    [InlineData("umgänge", "umgänget")]
    public void Stems_merge_forms_of_one_word(string a, string b) => Assert.Equal(Stem(a), Stem(b));

    [Fact]
    public void Stemming_leaves_keywords_alone()
    {
        Assert.Equal(["1982:316", "§", "4a"], LuceneTokens.Of(Stage, "1982:316 § 4a").Where(t => !t.IsPart).Select(t => t.Term));
    }

    [Fact]
    public void Every_override_line_is_applied_by_the_filter_and_by_the_analyzer()
    {
        Assert.NotEmpty(Overrides.Stems);
        Assert.All(Overrides.Stems, line => Assert.Equal(line.Value, Stem(line.Key)));
        Assert.All(Overrides.Stems, line => Assert.Equal(line.Value, SharedAnalyzer.Instance.Stem(line.Key)));
    }

    [Fact]
    public void Stem_filter_gives_the_snowball_3_stem_of_the_whole_vocabulary()
    {
        // Overridden forms and words the lexicon calls a definite singular in -an are the filter's deliberate differences.
        var words = TestData.Lines("snowball", "voc.txt");
        var expected = TestData.Lines("snowball", "output.txt");
        var text = string.Join(' ', words);
        var tokens = LuceneTokens.Of(LuceneTokens.Chain(source => new Snowball3StemFilter(source, Lexicon, Overrides)), text);
        Assert.Equal(words.Length, tokens.Count);
        var mismatches = tokens.Select((t, i) => (t.Term, Expected: expected[i], Word: words[i]))
            .Where(r => r.Term != r.Expected && !Overrides.Stems.ContainsKey(r.Word) && !(r.Word.EndsWith("an", StringComparison.Ordinal) && Lexicon.IsFormOf(r.Word, r.Word.AsSpan()[..^1])))
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }
}
