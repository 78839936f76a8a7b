using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>The replay hands Lucene each field's terms as UTF-8 it encoded itself: the index holds exactly the analysed
/// terms, in every field kind, whatever their characters (a word field holds a stop word once).</summary>
public sealed class TokenReplayTests
{
    private static readonly Analyzer Analyzer = SwedishAnalyzer.Create();

    [Theory]
    [InlineData("Våldsutsatta kvinnor får stöd av kvinnojouren dygnet runt; skyddsbedömningen görs på plats.")]
    [InlineData("Tolken talade 日本語 och ελληνικά med föräldrarna, kostnaden var 5 €.")]
    [InlineData("Märket 😀 och tecknet 𝔘 tar fyra byte, ĳ och ŉ två eller tre.")]
    public void Every_field_kind_indexes_exactly_the_analysed_terms(string text)
    {
        var tokens = new FieldTokens();
        var analysed = Analyzer.Analyze(text);
        tokens.Add(analysed, 0);
        var kinds = new[] { FieldTokenKind.Positional, FieldTokenKind.Parts, FieldTokenKind.Words, FieldTokenKind.Terms };

        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            var attributes = TokenReplay.NewAttributes();
            var type = new FieldType { IsIndexed = true, IsTokenized = true, IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS };
            type.Freeze();
            writer.AddDocument([.. kinds.Select(kind => new Field(kind.ToString(), new TokenReplay(tokens, kind, attributes), type))]);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var leaf = Assert.Single(reader.Leaves).AtomicReader;
        foreach (var kind in kinds)
        {
            var expected = analysed.Where(t => FieldTokens.Takes(kind, t))
                .GroupBy(t => kind == FieldTokenKind.Words ? t.Word : t.Term, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => kind == FieldTokenKind.Words && g.First().IsStopWord ? 1 : g.Count(), StringComparer.Ordinal);
            if (kind != FieldTokenKind.Parts || text.StartsWith("Våldsutsatta", StringComparison.Ordinal))
            {
                Assert.NotEmpty(expected);
            }

            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), Indexed(leaf, kind.ToString()).OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Each_term_reaches_Lucene_as_its_own_UTF8_bytes()
    {
        string[] terms = ["våld", "a", "€", "😀", "日本語", "skyddsbedömning"];
        var tokens = new FieldTokens();
        tokens.Add([.. terms.Select((term, i) => new Token(term, term, i * 20, i * 20 + term.Length, i))], 0);

        using var replay = new TokenReplay(tokens, FieldTokenKind.Positional, TokenReplay.NewAttributes());

        Assert.Equal(terms, Replayed(replay));
    }

    [Theory]
    [InlineData(FieldTokenKind.Words)]
    [InlineData(FieldTokenKind.Parts)]
    [InlineData(FieldTokenKind.Terms)]
    public void A_field_without_positions_gets_each_term_once_repeated_as_often_as_it_occurs(FieldTokenKind kind)
    {
        // Lucene finds a repeated term still in its cache when it comes right after itself; the field's frequencies and
        // token count (its norm) are the text's whatever the order.
        var analysed = Analyzer.Analyze("Barn och våld, barn och skolan, våldet och barnen: barn i skolbarnomsorgen och skolbarn.");
        var tokens = new FieldTokens();
        tokens.Add(analysed, 0);
        var seenStopWords = new HashSet<string>(StringComparer.Ordinal);
        var expected = analysed.Where(t => FieldTokens.Takes(kind, t))
            .Where(t => kind != FieldTokenKind.Words || !t.IsStopWord || seenStopWords.Add(t.Word))
            .Select(t => kind == FieldTokenKind.Words ? t.Word : t.Term).ToList();

        using var replay = new TokenReplay(tokens, kind, TokenReplay.NewAttributes());
        var bytes = replay.GetAttribute<Lucene.Net.Analysis.TokenAttributes.ITermToBytesRefAttribute>();
        var increments = replay.GetAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var replayed = new List<string>();
        replay.Reset();
        while (replay.IncrementToken())
        {
            bytes.FillBytesRef();
            Assert.Equal(1, increments.PositionIncrement);
            replayed.Add(System.Text.Encoding.UTF8.GetString(bytes.BytesRef.Bytes, bytes.BytesRef.Offset, bytes.BytesRef.Length));
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, replay.Length);
        Assert.Equal(expected.Order(StringComparer.Ordinal), replayed.Order(StringComparer.Ordinal));
        var groups = replayed.Select((term, i) => (term, i)).GroupBy(p => p.term).ToList();
        Assert.All(groups, g => Assert.Equal(g.Count() - 1, g.Last().i - g.First().i));
        Assert.Equal(expected.Distinct().ToList(), groups.Select(g => g.Key).ToList());
    }

    [Fact]
    public void A_stop_word_counts_once_in_the_word_field_and_only_holds_its_place_in_the_positional_field()
    {
        // Only a query of stop words alone scores them, so their exact form needs no frequency (a third of the body's
        // word-field tokens were stop words), and a phrase's stop word only holds a place, so the positional field keeps
        // the place but not the term (a quarter of the body's tokens).
        var analysed = Analyzer.Analyze("Våld och hot och kränkningar, och våld igen: och så vidare.");
        var tokens = new FieldTokens();
        tokens.Add(analysed, 0);
        Assert.Contains(analysed, t => t.Word == "och" && t.IsStopWord);

        using var words = new TokenReplay(tokens, FieldTokenKind.Words, TokenReplay.NewAttributes());
        using var positional = new TokenReplay(tokens, FieldTokenKind.Positional, TokenReplay.NewAttributes());
        var counts = Replayed(words).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var placed = Positions(positional);

        Assert.Equal(1, counts["och"]);
        Assert.Equal(2, counts["våld"]);
        Assert.DoesNotContain(placed, p => p.Term == "och");
        var analysedPositions = analysed.Where(t => FieldTokens.Takes(FieldTokenKind.Positional, t)).Select(t => (t.Term, t.Position)).ToList();
        Assert.Equal(analysedPositions, placed);
        Assert.Equal(2, placed.Single(p => p.Term == "hot").Position);
        Assert.Equal(tokens.Count(FieldTokenKind.Positional), positional.Length);
        Assert.Equal(analysed.Count(t => t.Term.Length > 0 && !t.IsStopWord), positional.Length);
        Assert.Equal(counts.Values.Sum(), words.Length);
        Assert.True(words.Length < tokens.Count(FieldTokenKind.Words));
    }

    private static List<(string Term, int Position)> Positions(TokenReplay replay)
    {
        var bytes = replay.GetAttribute<Lucene.Net.Analysis.TokenAttributes.ITermToBytesRefAttribute>();
        var increment = replay.GetAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var placed = new List<(string, int)>();
        var position = -1;
        replay.Reset();
        while (replay.IncrementToken())
        {
            bytes.FillBytesRef();
            position += increment.PositionIncrement;
            placed.Add((bytes.BytesRef.Utf8ToString(), position));
        }

        return placed;
    }

    private static List<string> Replayed(TokenReplay replay)
    {
        var bytes = replay.GetAttribute<Lucene.Net.Analysis.TokenAttributes.ITermToBytesRefAttribute>();
        var replayed = new List<string>();
        replay.Reset();
        while (replay.IncrementToken())
        {
            bytes.FillBytesRef();
            replayed.Add(System.Text.Encoding.UTF8.GetString(bytes.BytesRef.Bytes, bytes.BytesRef.Offset, bytes.BytesRef.Length));
        }

        return replayed;
    }

    private static Dictionary<string, int> Indexed(AtomicReader reader, string field)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        if (reader.GetTerms(field) is not { } fieldTerms)
        {
            return terms;
        }

        var termsEnum = fieldTerms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var postings = termsEnum.Docs(null, null, DocsFlags.FREQS);
            postings.NextDoc();
            terms[termsEnum.Term.Utf8ToString()] = postings.Freq;
        }

        return terms;
    }
}
