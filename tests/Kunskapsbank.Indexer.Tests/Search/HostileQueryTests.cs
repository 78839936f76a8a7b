using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Search;

/// <summary>Any input gives results or a Swedish <see cref="SearchInputException"/>, never another exception.</summary>
public sealed class HostileQueryTests : IClassFixture<HostileQueryTests.Fixture>
{
    private readonly Fixture _fixture;

    public HostileQueryTests(Fixture fixture) => _fixture = fixture;

    public static TheoryData<string> Inputs => new()
    {
        "\"", "\"\"", "(((", ")))", "*", "**", "-", "--", "- -", "OR", "OR OR", "AND", "NOT", "våld OR", "OR våld", "NEAR(",
        "NEAR(våld skola, 2)", "col:term", "title_s:våld", "{title_s}: våld", "^våld", "våld^2", "våld*", "*våld", "v*ld",
        "\"våld", "våld\"", "(våld", "våld)", "-våld", "-(våld)", "våld -", "våld \0 skola", "våld\u0001\u0007\u001b[31m",
        "🙂", "våld 🙂 skola", "\uD800", "\uDFFF våld", "'; DROP TABLE documents; --", "a:b:c", "amne:", ":våld", "+våld",
        "våld + skola", "&&", "||", "\\", "%", "_", "\t\n\r", " ", "och", "i som med", "\"i och\"", "1982:316", "§", "5 §",
        "\u200B", "\uFEFFvåld", "a\u030A", "ÅÄÖ", new string('(', 2000), new string('"', 2000), string.Join(' ', Enumerable.Repeat("våld", 64)),
        string.Join(' ', Enumerable.Repeat("våld", 65)), new string('x', 20_000), string.Join(" OR ", Enumerable.Repeat("a", 500)),
        "amne:okand-vard våld", "publisher:nagon våld", "year:1800 våld", "year:abc våld",
        string.Concat(Enumerable.Repeat("NEAR(", 300)) + "våld" + new string(')', 300), "a*", "*:*", "title:våld", "body_w:våld^100",
        "kind:doc", "doc_key:1", "våld~2", "våld~", "[a TO z]", "{a TO z}", "/.*/", "a* b* c* d* e* f* g* h* i* j* k*",
        string.Join(" OR ", Enumerable.Range(0, 3000).Select(i => $"ord{i}")), string.Join(' ', Enumerable.Range(0, 64).Select(i => $"{(char)('a' + (i % 26))}*")),
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Search_HostileInput_GivesResultsOrASwedishError(string query)
    {
        try
        {
            var response = _fixture.Corpus.Search(query);
            Assert.True(response.Total >= 0);
        }
        catch (SearchInputException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.ErrorType));
            Assert.Matches("[a-zåäö]", ex.Message);
        }
    }

    [Fact]
    public void Search_ManyOrTerms_IsASwedishErrorAboutTooManyWords()
    {
        var error = Assert.Throws<SearchInputException>(() => _fixture.Corpus.Search(string.Join(" OR ", Enumerable.Range(0, 120).Select(i => $"o{i}"))));

        Assert.Equal("for-manga-ord", error.ErrorType);
    }

    [Fact]
    public void Search_ShortPrefixOverABigVocabulary_ExpandsToTheMostCommonWordsOnly()
    {
        var response = _fixture.Corpus.Search("a*", pageSize: 50);
        var explained = _fixture.Corpus.Index.Search.Search(new SearchRequest { Query = "a*", Explain = true });

        Assert.True(response.Total >= 1);
        Assert.InRange(explained.Explain!.LuceneQuery.Split("bm25f(").Length - 1, 1, Kunskapsbank.Indexer.Query.PrefixExpansion.MaxTerms);
    }

    [Fact]
    public void Search_RandomStrings_NeverThrowAnythingElse()
    {
        var random = new Random(4711);
        const string alphabet = "abcåäö \"()*-:^{}+|&!?.,;§/\\\0\u0001🙂ORNEAR";
        for (var i = 0; i < 10_000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            try
            {
                _fixture.Corpus.Search(new string(chars));
            }
            catch (SearchInputException)
            {
            }
        }
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Corpus.WriteMarkdown("a.md", "Våld i skolan", "## Skolan\n\nVåld i skolan och <script>alert(1)</script> på nätet.");

            // A vocabulary of thousands of words starting with "a", for prefix expansion.
            Corpus.WriteMarkdown("ordlista.md", "Ordlista", string.Join(' ', Enumerable.Range(0, 5000).Select(i => "a" + Word(i))));
            Corpus.Sync();
        }

        public TestCorpus Corpus { get; } = new();

        public void Dispose() => Corpus.Dispose();

        private static string Word(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('k' + (d - '0'))));
    }
}
