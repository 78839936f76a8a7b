using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class SwedishWordTokenizerTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Tokenizer = LuceneTokens.Chain(source => source);

    private static List<LuceneToken> Tokens(string text) => LuceneTokens.Of(Tokenizer, text);

    private static List<string> Whole(string text) => [.. Tokens(text).Where(t => !t.IsPart).Select(t => t.Term)];

    private static List<int> Positions(List<LuceneToken> tokens)
    {
        var position = -1;
        return [.. tokens.Select(t => position += t.Increment)];
    }

    [Fact]
    public void Tokenizer_gives_offsets_into_the_original_text()
    {
        const string text = "Mäns våld, mot kvinnor!";
        var tokens = Tokens(text);
        Assert.Equal(["Mäns", "våld", "mot", "kvinnor"], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal([0, 1, 2, 3], Positions(tokens));
        Assert.All(tokens, t => Assert.Equal(SwedishTokenTypes.Word, t.Type));
    }

    [Fact]
    public void Tokenizer_normalises_decomposed_letters_but_keeps_original_offsets()
    {
        var text = "va\u0308ld och a\u030Angest";
        var tokens = Tokens(text);
        Assert.Equal(["väld", "och", "ångest"], tokens.Select(t => t.Term));
        Assert.Equal("a\u030Angest", text[tokens[2].Start..tokens[2].End]);
    }

    [Fact]
    public void Tokenizer_gives_the_same_term_for_decomposed_and_composed_letters()
    {
        Assert.Equal(Whole("å ä ö Å Ä Ö"), Whole("a\u030A a\u0308 o\u0308 A\u030A A\u0308 O\u0308"));
    }

    [Theory]
    [InlineData("våld\u00ADsutsatta")]
    [InlineData("våld\u200Bsutsatta")]
    [InlineData("våld\u200Csutsatta")]
    [InlineData("våld\u200Dsutsatta")]
    [InlineData("våld\u2060sutsatta")]
    [InlineData("våld\uFEFFsutsatta")]
    public void Tokenizer_joins_words_split_by_invisible_characters(string text)
    {
        var token = Assert.Single(Tokens(text));
        Assert.Equal("våldsutsatta", token.Term);
        Assert.Equal((0, text.Length), (token.Start, token.End));
    }

    [Fact]
    public void Tokenizer_gives_a_hyphenated_word_whole_and_its_parts_at_one_position()
    {
        const string text = "FREDA-kortfrågor används";
        var tokens = Tokens(text);
        Assert.Equal(["FREDAkortfrågor", "FREDA", "kortfrågor", "används"], tokens.Select(t => t.Term));
        Assert.Equal([1, 0, 0, 1], tokens.Select(t => t.Increment));
        Assert.Equal([SwedishTokenTypes.Joined, SwedishTokenTypes.Part, SwedishTokenTypes.Part, SwedishTokenTypes.Word], tokens.Select(t => t.Type));
        Assert.Equal("kortfrågor", text[tokens[2].Start..tokens[2].End]);
        Assert.Equal("FREDA-kortfrågor", text[tokens[0].Start..tokens[0].End]);
    }

    [Fact]
    public void Tokenizer_does_not_join_a_trailing_hyphen_or_a_dash()
    {
        Assert.Equal(["barn", "och", "ungdomsvård"], Whole("barn- och ungdomsvård"));
        Assert.Equal(["1", "3", "§"], Whole("1–3 §§"));
    }

    [Theory]
    [InlineData("lag (1982:316)", new[] { "lag", "1982:316" })]
    [InlineData("14 kap. 1 § socialtjänstlagen", new[] { "14", "kap", "1", "§", "socialtjänstlagen" })]
    [InlineData("SOSFS 2014:4", new[] { "SOSFS", "2014:4" })]
    [InlineData("HSLF-FS 2022:39", new[] { "HSLFFS", "2022:39" })]
    [InlineData("4 a §", new[] { "4", "a", "§" })]
    [InlineData("5§", new[] { "5", "§" })]
    [InlineData("prop. 2022/23:34 år 2023", new[] { "prop", "2022/23:34", "år", "2023" })]
    [InlineData("och/eller", new[] { "och", "eller" })]
    public void Tokenizer_keeps_legal_references_and_numbers_searchable(string text, string[] terms) =>
        Assert.Equal(terms, Whole(text));

    [Fact]
    public void Tokenizer_gives_the_numbers_of_a_reference_as_parts()
    {
        var tokens = Tokens("SFS 1982:316");
        Assert.Equal(["SFS", "1982:316", "1982", "316"], tokens.Select(t => t.Term));
        Assert.Equal([0, 1, 1, 1], Positions(tokens));
    }

    [Fact]
    public void Tokenizer_skips_overlong_runs_but_counts_their_position()
    {
        var text = "före " + new string('x', 10_000) + " efter";
        var tokens = Tokens(text);
        Assert.Equal(["före", "efter"], tokens.Select(t => t.Term));
        Assert.Equal([0, 2], Positions(tokens));
    }

    [Fact]
    public void Tokenizer_measures_the_length_limit_on_the_composed_word()
    {
        // 200 letters å: 400 characters when decomposed (a + ring), still one word of 200 letters. The property test
        // comparing composed and decomposed text found this now and then, when a random word grew past 128 letters.
        var composed = "före " + new string('å', 200) + " efter";
        var decomposed = composed.Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(["före", new string('å', 200), "efter"], Tokens(composed).Select(t => t.Term));
        Assert.Equal(Tokens(composed).Select(t => (t.Term, t.Increment)), Tokens(decomposed).Select(t => (t.Term, t.Increment)));
        Assert.Equal(["före", "efter"], Tokens(("före " + new string('å', 256) + " efter").Normalize(System.Text.NormalizationForm.FormD)).Select(t => t.Term));
    }

    [Fact]
    public void Tokenizer_counts_a_trailing_overlong_run_in_the_final_position_increment()
    {
        using var stream = Tokenizer.GetTokenStream("f", "före " + new string('x', 300));
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
        }

        stream.End();
        Assert.Equal(1, increment.PositionIncrement);
    }

    [Fact]
    public void Tokenizer_treats_emoji_and_lone_surrogates_as_separators()
    {
        var text = "hej😀då\uD800x";
        Assert.Equal(["hej", "då", "x"], Whole(text));
    }

    [Fact]
    public void Tokenizer_keeps_letters_outside_the_basic_plane_whole()
    {
        const string text = "𝔘𝔫𝔦 text";
        var tokens = Tokens(text);
        Assert.Equal(2, tokens.Count);
        Assert.Equal((0, 6), (tokens[0].Start, tokens[0].End));
    }

    [Fact]
    public void Tokenizer_term_chars_are_letters_digits_and_the_documented_signs()
    {
        var tokens = Tokens("a-b 1:2 3/4:5 § x.y 50% e-post, \"citat\" (parentes) [1] #tagg @namn");
        Assert.All(tokens, t => Assert.All(t.Term, c => Assert.True(char.IsLetterOrDigit(c) || c is ':' or '/' or '§', $"{t.Term}")));
    }

    [Fact]
    public void Tokenizer_reads_a_text_longer_than_its_first_buffer()
    {
        var text = string.Join(' ', Enumerable.Repeat("våld", 5_000));
        var tokens = Tokens(text);
        Assert.Equal(5_000, tokens.Count);
        Assert.Equal((text.Length - 4, text.Length), (tokens[^1].Start, tokens[^1].End));
    }

    [Fact]
    public void Tokenizer_refuses_to_be_read_before_reset()
    {
        using var stream = Tokenizer.GetTokenStream("f", "våld");
        Assert.ThrowsAny<InvalidOperationException>(() => stream.IncrementToken());
    }
}
