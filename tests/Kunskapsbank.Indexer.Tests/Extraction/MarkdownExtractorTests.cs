using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Markdown;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class MarkdownExtractorTests
{
    private const string BenchmarkDocument = """
        ---
        title: "Tvångsäktenskap – en \"kunskapsöversikt\" C:\\mapp"
        malgrupp: [barn-som-upplever-vald, unga]
        amne: [tvangsaktenskap]
        yrkesgrupp: [halso-och-sjukvard, kommunledning, ideell-sektor]
        year: 2015
        publisher: "Sveriges Kommuner och Regioner"
        ---

        ## Orosanmälan

        Skolan ska göra en **orosanmälan** när ett barn *misstänks* fara illa.

        9. tillsynen över efterlevnaden,

        10. tillverkares information,

        ## Skydd

        Text om skydd.
        """;

    private readonly MarkdownExtractor _extractor = new();

    private static ExtractedDocument Extract(string markdown, string name = "dokument.md")
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File(name);
        File.WriteAllText(path, markdown);
        var result = new MarkdownExtractor().Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Document!;
    }

    [Fact]
    public void Markdown_front_matter_becomes_properties_with_lists_kept()
    {
        var document = Extract(BenchmarkDocument);
        var fields = document.Properties.Fields!;
        Assert.Equal("Tvångsäktenskap – en \"kunskapsöversikt\" C:\\mapp", document.Properties.Title);
        Assert.Equal(["barn-som-upplever-vald", "unga"], fields["malgrupp"]);
        Assert.Equal(["halso-och-sjukvard", "kommunledning", "ideell-sektor"], fields["yrkesgrupp"]);
        Assert.Equal(["2015"], fields["year"]);
        Assert.Equal(["Sveriges Kommuner och Regioner"], fields["publisher"]);
        Assert.Empty(document.Notes);
    }

    [Fact]
    public void Markdown_block_lists_and_single_quotes_are_read()
    {
        var document = Extract("---\ntitle: 'Barnens röst i ''skyddat'' boende'\namne:\n  - konsstympning\n  - \"trauma\"\nyear: 2021 # kommentar\n---\n\nBrödtext.\n");
        Assert.Equal("Barnens röst i 'skyddat' boende", document.Properties.Title);
        Assert.Equal(["konsstympning", "trauma"], document.Properties.Fields!["amne"]);
        Assert.Equal(["2021"], document.Properties.Fields["year"]);
    }

    [Fact]
    public void Markdown_front_matter_error_is_a_note_not_a_failure()
    {
        var document = Extract("---\ntitle: \"Ostängd\nmalgrupp: [unga, aldre\nden här raden saknar kolon\namne: [trauma]\n---\n\nBrödtext finns.\n");
        Assert.Equal(["trauma"], document.Properties.Fields!["amne"]);
        Assert.Equal(3, document.Notes.Count);
        Assert.All(document.Notes, note => Assert.StartsWith("Rad ", note, StringComparison.Ordinal));
        Assert.Equal("Brödtext finns.", document.Passages.Single().Text);
    }

    [Fact]
    public void Markdown_headings_start_passages_with_their_path()
    {
        var document = Extract(BenchmarkDocument);
        Assert.Equal(2, document.Passages.Count);
        Assert.Equal(["Orosanmälan"], document.Passages[0].HeadingPath);
        Assert.Equal("Skolan ska göra en orosanmälan när ett barn misstänks fara illa.\n\ntillsynen över efterlevnaden,\n\ntillverkares information,", document.Passages[0].Text);
        Assert.Equal(["Skydd"], document.Passages[1].HeadingPath);
    }

    [Fact]
    public void Markdown_nested_and_setext_headings_build_the_path()
    {
        var document = Extract("Inledande text.\n\nHuvudrubrik\n===========\n\nText ett.\n\nUnderrubrik\n-----------\n\nText två.\n\n### Tredje nivå ###\n\nText tre.\n\n# Ny del\n\nText fyra.\n");
        Assert.Equal(
            [[], ["Huvudrubrik"], ["Huvudrubrik", "Underrubrik"], ["Huvudrubrik", "Underrubrik", "Tredje nivå"], ["Ny del"]],
            document.Passages.Select(p => p.HeadingPath.ToArray()).ToArray());
    }

    [Fact]
    public void Markdown_syntax_is_stripped_to_what_a_reader_sees()
    {
        var document = Extract("""
            # Rubrik med [länk](https://example.org)

            Se ![Diagram över stöd](bild.png) och [Kvinnofridslinjen](https://kvinnofridslinjen.se "titel") eller <https://example.org>.
            Text med `kod`, ~~struket~~, __fet__, _kursiv_ och snake_case_namn samt 2 * 3 * 4.
            <span class="x">HTML&nbsp;i&amp;text</span> <!-- dold kommentar -->

            > Citat över
            > två rader.

            - punkt ett
            - punkt två
              fortsätter
            1. numrerad

            | Kolumn A | Kolumn B |
            |----------|:--------:|
            | cell 1   | cell 2   |

            ```bash
            echo "kod behålls"
            ```

            [ref]: https://example.org
            """);
        var text = TestDocuments.AllText(document);
        Assert.Equal(["Rubrik med länk"], document.Passages[0].HeadingPath);
        Assert.Equal(
            "Se Diagram över stöd och Kvinnofridslinjen eller https://example.org. Text med kod, struket, fet, kursiv och snake_case_namn samt 2 * 3 * 4. HTML i&text\n\n"
            + "Citat över två rader.\n\n"
            + "punkt ett\npunkt två fortsätter\nnumrerad\n\n"
            + "Kolumn A | Kolumn B\ncell 1 | cell 2\n\n"
            + "echo \"kod behålls\"",
            text);
    }

    [Fact]
    public void Markdown_generated_guidance_has_headings_and_title()
    {
        var document = TestDocuments.ExtractOk(_extractor, "generated/vagledning-vald-i-nara-relationer.md");
        Assert.Equal("Vägledning: Våld i nära relationer – stöd och skydd", document.Properties.Title);
        var passage = document.Passages.First(p => p.Heading == "Barn som upplever våld");
        Assert.Equal(["Våld i nära relationer", "Barn som upplever våld"], passage.HeadingPath);
        Assert.Contains("orosanmälan till socialtjänsten", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_without_front_matter_has_no_properties()
    {
        var document = Extract("# Rubrik\n\nText.\n\n---\n\nMer text.\n");
        Assert.Null(document.Properties.Title);
        Assert.Equal("Text.\n\nMer text.", document.Passages.Single().Text);
    }

    [Theory]
    [InlineData("[a](")]
    [InlineData("*a _b ")]
    [InlineData("`` ` ")]
    [InlineData("a <!-- <b ")]
    public void Markdown_hostile_lines_are_extracted_whole_as_text(string unit)
    {
        // Unclosed links, emphasis, code spans and comments that would make a backtracking scanner quadratic. What is
        // asserted is the outcome (speed belongs in bench/): nothing was cut or refused, and every line came through.
        var line = string.Concat(Enumerable.Repeat(unit, 9_000 / unit.Length));
        var document = Extract(string.Join("\n\n", Enumerable.Repeat(line, 20)) + "\n\nSista stycket efter raderna.");

        Assert.Empty(document.Notes);
        Assert.True(TestDocuments.AllText(document).Length >= 20 * line.Length / 3);
        Assert.EndsWith("Sista stycket efter raderna.", document.Passages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_long_section_is_split_into_answer_sized_passages()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Stycke {i} om stöd och skydd för våldsutsatta, med några ord till för att fylla ut raden ordentligt.");
        var document = Extract("## Lång rubrik\n\n" + string.Join("\n\n", paragraphs));
        Assert.True(document.Passages.Count > 1);
        Assert.All(document.Passages, p => Assert.True(p.Text.Length <= PassageBuilder.TargetPassageChars));
        Assert.All(document.Passages, p => Assert.Equal(["Lång rubrik"], p.HeadingPath));
    }

    [Theory]
    [InlineData(100_000, ">")]
    [InlineData(3_000, "  ")]
    [InlineData(20_000, "- ")]
    public void Markdown_nested_past_the_cap_is_indexed_as_plain_text_with_a_note(int depth, string unit)
    {
        var nested = unit == ">"
            ? new string('>', depth) + " djupt citat\n"
            : unit == "- "
                ? string.Concat(Enumerable.Repeat(unit, depth)) + "punkt\n"
                : string.Concat(Enumerable.Range(0, depth).Select(i => string.Concat(Enumerable.Repeat(unit, i)) + "- punkt\n"));

        var document = Extract("# Rubrik\n\nFörsta stycket.\n\n" + nested);

        Assert.Contains("Första stycket.", TestDocuments.AllText(document), StringComparison.Ordinal);
        Assert.Contains(document.Notes, n => n.Contains("nästlad i fler än 64 nivåer", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_tables_lists_and_reference_links_read_as_a_person_reads_them()
    {
        var document = Extract("""
            | Roll | **Ansvar** | Lag |
            |:-----|-----------:|-----|
            | Handläggare | [Skyddsbedömning][sb] | SoL 14 kap\|1 § |
            | Polis |  | |

            - tät lista
              - med underpunkt
            - sista

            1. lös lista

            2. andra punkten

            [sb]: https://example.org/sb
            """);

        Assert.Equal(
            [
                "Roll | Ansvar | Lag\nHandläggare | Skyddsbedömning | SoL 14 kap|1 §\nPolis",
                "tät lista\nmed underpunkt\nsista",
                "lös lista",
                "andra punkten",
            ],
            TestDocuments.AllText(document).Split("\n\n"));
    }

    [Fact]
    public void Markdown_html_blocks_give_their_visible_text_only()
    {
        var document = Extract("Före.\n\n<div class=\"ruta\">\n<p>Ring <b>020-50 50 50</b> &ndash; dygnet runt.</p>\n<script>alert('x')</script>\n</div>\n\nEfter.\n");

        Assert.Equal("Före.\n\nRing 020-50 50 50 – dygnet runt.\n\nEfter.", TestDocuments.AllText(document));
    }

    [Fact]
    public void Markdown_front_matter_problems_name_the_file_line_and_keep_the_rest()
    {
        var document = Extract("---\ntitle: Rutin\nförfattare:\n  namn: Kim\nyear: 2020\nyear: 2021\nkeywords: &k [a]\ntags: *k\n---\n\nText.\n");

        Assert.Equal("Rutin", document.Properties.Title);
        Assert.Equal(["2020"], document.Properties.Fields!["year"]);
        Assert.Equal(
            [
                "Rad 3 i metadatablocket: 'författare' ska ha ett värde på samma rad eller en lista: [a, b].",
                "Rad 6 i metadatablocket: 'year' står redan på rad 5; den senare raden används inte.",
                "Rad 8 i metadatablocket: hänvisningar (*k) stöds inte; skriv ut värdet.",
            ],
            document.Notes.Order().ToArray());
    }

    [Fact]
    public void Markdown_front_matter_without_a_closing_line_is_text_with_a_note()
    {
        var document = Extract("---\ntitle: Ostängt\n\nBrödtext.\n");

        Assert.Null(document.Properties.Title);
        Assert.Equal("title: Ostängt\n\nBrödtext.", TestDocuments.AllText(document));
        Assert.Contains("saknar en avslutande rad med ---", Assert.Single(document.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_front_matter_over_64_kB_is_not_read()
    {
        var document = Extract("---\ntitle: Stor\nkeywords: [" + string.Join(", ", Enumerable.Repeat("ord", 20_000)) + "]\n---\n\nText.\n");

        Assert.Null(document.Properties.Title);
        Assert.Equal("Text.", TestDocuments.AllText(document));
        Assert.Contains("större än 64 kB", Assert.Single(document.Notes), StringComparison.Ordinal);
    }
}
