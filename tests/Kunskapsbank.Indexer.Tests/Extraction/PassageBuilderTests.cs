using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class PassageBuilderTests
{
    private const string Sentence = "Socialtjänsten ska erbjuda stöd till den som utsätts för våld av en närstående och till barn som bevittnar våldet. ";

    [Fact]
    public void Short_fragments_join_their_neighbours_up_to_the_passage_size()
    {
        var builder = new PassageBuilder(100_000);
        builder.AddParagraphs(["Tänk på följande:", "Boka en tid.", "Använd tolk.", "Dokumentera samtalet."], 4, []);

        var passage = Assert.Single(builder.Build(DocumentProperties.Empty).Passages);
        Assert.Equal("Tänk på följande:\n\nBoka en tid.\n\nAnvänd tolk.\n\nDokumentera samtalet.", passage.Text);
        Assert.Equal(4, passage.Page);
    }

    [Fact]
    public void Paragraphs_of_paragraph_size_stay_passages_of_their_own()
    {
        var first = string.Concat(Enumerable.Repeat(Sentence, 3)).Trim();
        var builder = new PassageBuilder(100_000);
        builder.AddParagraphs([first, first.Replace("våld", "hot", StringComparison.Ordinal)], null, ["Stöd"]);

        var passages = builder.Build(DocumentProperties.Empty).Passages;
        Assert.Equal(2, passages.Count);
        Assert.All(passages, p => Assert.Equal(["Stöd"], p.HeadingPath));
    }

    [Fact]
    public void Long_paragraph_is_cut_at_sentence_ends_into_passages_of_at_most_800_characters()
    {
        var paragraph = string.Concat(Enumerable.Repeat(Sentence, 20)).Trim();
        var builder = new PassageBuilder(100_000);
        builder.AddParagraphs([paragraph], 7, []);

        var passages = builder.Build(DocumentProperties.Empty).Passages;
        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.InRange(p.Text.Length, 1, PassageBuilder.TargetPassageChars));
        Assert.All(passages, p => Assert.EndsWith("bevittnar våldet.", p.Text, StringComparison.Ordinal));
        Assert.All(passages, p => Assert.Equal(7, p.Page));
    }

    [Fact]
    public void Passages_never_cross_a_page_even_when_both_pages_are_short()
    {
        var builder = new PassageBuilder(100_000);
        builder.AddParagraphs(["En kontakt med"], 4, []);
        builder.AddParagraphs(["föräldrarna kan i värsta fall öka risken."], 5, []);

        Assert.Equal([4, 5], builder.Build(DocumentProperties.Empty).Passages.Select(p => p.Page ?? 0));
    }

    [Fact]
    public void Ocr_text_is_marked_on_every_passage_it_makes()
    {
        var builder = new PassageBuilder(100_000);
        builder.AddParagraphs([string.Concat(Enumerable.Repeat(Sentence, 10))], 1, [], isOcr: true);
        builder.AddParagraphs(["Vanlig text."], 2, []);

        var passages = builder.Build(DocumentProperties.Empty).Passages;
        Assert.All(passages.Where(p => p.Page == 1), p => Assert.True(p.IsOcr));
        Assert.False(passages.Single(p => p.Page == 2).IsOcr);
    }

    [Theory]
    [InlineData("Enligt t.ex. Socialstyrelsen gäller detta. Nästa mening.", 2)]
    [InlineData("Se bl.a. SOU 2014:49 och prop. 2012/13:187. Nästa mening.", 2)]
    [InlineData("Enligt 14 kap. 1 § SoL ska anmälan göras. 2 § gäller också.", 2)]
    [InlineData("Ring 112! Vänta sedan på polisen? Ja.", 3)]
    public void Sentences_end_where_a_reader_would_stop(string paragraph, int sentences) =>
        Assert.Equal(sentences, ParagraphSplitter.Sentences(paragraph).Count);

    [Fact]
    public void Table_rows_are_cut_between_rows_not_inside_one()
    {
        var rows = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"Rad {i} | Socialtjänsten | Barn- och ungdomsenheten | 08-123 45 {i:00}"));

        var pieces = ParagraphSplitter.Split(rows, PassageBuilder.TargetPassageChars);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, piece => Assert.All(piece.Split('\n'), row => Assert.Matches(@"^Rad \d+ \| .* \| 08-123 45 \d\d$", row)));
    }
}
