using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class SwedishStemmerTests
{
    [Fact]
    public void Stemmer_reproduces_the_whole_snowball_3_vocabulary()
    {
        var words = TestData.Lines("snowball", "voc.txt");
        var expected = TestData.Lines("snowball", "output.txt");
        Assert.Equal(30_738, words.Length);
        Assert.Equal(words.Length, expected.Length);

        var mismatches = words
            .Select((word, i) => (word, expected: expected[i], actual: SwedishStemmer.Stem(word)))
            .Where(r => r.expected != r.actual)
            .Select(r => $"{r.word}: väntade {r.expected}, fick {r.actual}")
            .ToList();

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} fel, t.ex.:\n{string.Join('\n', mismatches.Take(20))}");
    }

    [Theory]
    [InlineData("arbetet", "arbet")]
    [InlineData("allvaret", "allvar")]
    [InlineData("adertonhundratalet", "adertonhundratal")]
    [InlineData("avlöste", "avlös")]
    public void Stemmer_applies_the_snowball_3_et_and_ost_rules(string word, string stem) =>
        Assert.Equal(stem, SwedishStemmer.Stem(word));

    [Theory]
    [InlineData("barn", "barnen")]
    [InlineData("kvinnor", "kvinnorna")]
    [InlineData("utsatt", "utsatta")]
    public void Stemmer_reduces_inflected_forms_to_a_common_stem(string a, string b) =>
        Assert.Equal(SwedishStemmer.Stem(a), SwedishStemmer.Stem(b));

    [Fact]
    public void Stemmer_leaves_short_words_alone() => Assert.Equal("ö", SwedishStemmer.Stem("ö"));
}
