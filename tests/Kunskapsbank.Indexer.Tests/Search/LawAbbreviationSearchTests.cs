using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Search;

/// <summary>"SoL" and "socialtjänstlagen" find each other; "sol" (sun) finds neither.</summary>
public sealed class LawAbbreviationSearchTests : IClassFixture<LawAbbreviationSearchTests.Fixture>
{
    private readonly TestCorpus _corpus;

    public LawAbbreviationSearchTests(Fixture fixture) => _corpus = fixture.Corpus;

    [Theory]
    [InlineData("SoL")]
    [InlineData("socialtjänstlagen")]
    public void Abbreviation_and_name_find_both_spellings_and_not_the_sun(string query)
    {
        Assert.Equal(["forkortning.md", "lagnamn.md"], _corpus.Paths(query).Order());
    }

    [Fact]
    public void Everyday_word_does_not_find_the_law()
    {
        Assert.Equal(["vader.md"], _corpus.Paths("sol"));
    }

    [Fact]
    public void Searching_the_name_marks_the_abbreviation_in_the_snippet()
    {
        var hit = _corpus.Search("socialtjänstlagen").Hits.Single(h => h.Path == "forkortning.md");

        Assert.Contains("<mark>SoL</mark>", hit.Passages[0].Snippet, StringComparison.Ordinal);
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Corpus.WriteMarkdown("forkortning.md", "Orosanmälan", "Anmälan görs enligt 14 kap. 1 § SoL när ett barn far illa.");
            Corpus.WriteMarkdown("lagnamn.md", "Nämndens ansvar", "Enligt socialtjänstlagen ska nämnden verka för att den som utsatts för brott får stöd.");
            Corpus.WriteMarkdown("vader.md", "Sommar", "Solen sken över sjön hela dagen.");
            Corpus.Sync();
        }

        public TestCorpus Corpus { get; } = new();

        public void Dispose() => Corpus.Dispose();
    }
}
