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
    public void Search_RandomStrings_NeverThrowAnythingElse()
    {
        var random = new Random(4711);
        const string alphabet = "abcåäö \"()*-:^{}+|&!?.,;§/\\\0\u0001🙂ORNEAR";
        for (var i = 0; i < 500; i++)
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
            Corpus.Sync();
        }

        public TestCorpus Corpus { get; } = new();

        public void Dispose() => Corpus.Dispose();
    }
}
