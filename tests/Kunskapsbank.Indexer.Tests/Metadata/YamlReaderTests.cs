using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Tests.Metadata;

/// <remarks>The time bounds in the hostile cases are generous guards against hangs and quadratic blow-ups (YamlDotNet
/// alone needs ~14 s for 100,000 nested '['), not speed measurements; those belong in bench/.</remarks>
public class YamlReaderTests
{
    [Fact]
    public void Parse_reads_nested_lists_of_mappings_with_line_numbers()
    {
        const string text = """
            # kommentar
            fasetter:
              - id: amne
                namn: Ämne   # efterföljande kommentar
                värden:
                  - id: trauma
                    triggerord: [PTSD, "psykisk ohälsa"]
            """;

        var result = YamlReader.Parse(text);

        Assert.Empty(result.Errors);
        var facets = Assert.IsType<YamlSequence>(result.Root.Find("fasetter")!.Value);
        var facet = Assert.IsType<YamlMapping>(Assert.Single(facets.Items));
        Assert.Equal(3, facet.Line);
        Assert.Equal("Ämne", Assert.IsType<YamlScalar>(facet.Find("namn")!.Value).Value);
        var value = Assert.IsType<YamlMapping>(Assert.Single(Assert.IsType<YamlSequence>(facet.Find("värden")!.Value).Items));
        var triggers = Assert.IsType<YamlSequence>(value.Find("triggerord")!.Value);
        Assert.Equal(["PTSD", "psykisk ohälsa"], triggers.Items.Cast<YamlScalar>().Select(s => s.Value));
        Assert.Equal(7, triggers.Line);
    }

    [Fact]
    public void Parse_accepts_a_block_list_at_the_same_indentation_as_its_key()
    {
        var result = YamlReader.Parse("ämne:\n- trauma\n- sekretess\ntitel: X\n");

        Assert.Empty(result.Errors);
        var list = Assert.IsType<YamlSequence>(result.Root.Find("ämne")!.Value);
        Assert.Equal(["trauma", "sekretess"], list.Items.Cast<YamlScalar>().Select(s => s.Value));
        Assert.Equal("X", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
    }

    [Fact]
    public void Parse_reports_each_bad_line_by_number_and_keeps_the_good_ones()
    {
        const string text = "titel: Bra\nutan kolon här\n\tår: 2020\nstatus: \"gällande\nämne: [a, b\nutgivare: Kvar\ntitel: Igen\n";

        var result = YamlReader.Parse(text);

        Assert.Equal([2, 3, 4, 5, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("kolon", result.Errors[0].Message);
        Assert.Contains("tabb", result.Errors[1].Message);
        Assert.Contains("citattecknet", result.Errors[2].Message);
        Assert.Contains("]", result.Errors[3].Message);
        Assert.Contains("rad 1", result.Errors[4].Message);
        // A reported line is left out whole (the hand-written parser kept half of "status: \"gällande").
        Assert.Equal(["titel", "utgivare"], result.Root.Entries.Select(e => e.Key));
        Assert.Equal("Bra", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
    }

    [Fact]
    public void Parse_keeps_a_hash_inside_quotes_and_a_colon_inside_a_value()
    {
        var result = YamlReader.Parse("titel: \"Nummer #1\"\nutgivare: Kommun: socialtjänsten\n");

        Assert.Empty(result.Errors);
        Assert.Equal("Nummer #1", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
        Assert.Equal("Kommun: socialtjänsten", Assert.IsType<YamlScalar>(result.Root.Find("utgivare")!.Value).Value);
    }

    [Fact]
    public void Parse_never_throws_on_odd_input()
    {
        string[] inputs = ["", "\uFEFF", "-", "- a\n- b", ":", "[", "a:\n  - \n  -", "a: |\n  text", "a: {b: c}", "   x: 1\ny: 2", "\0\0\0"];
        foreach (var input in inputs)
        {
            var result = YamlReader.Parse(input);
            Assert.NotNull(result.Root);
        }
    }

    [Fact]
    public void Parse_of_random_yaml_like_text_never_throws_and_reports_lines_inside_the_text()
    {
        const string alphabet = "ab åäö:-#[]\"',\t\n  |{}";
        var random = new Random(20261122);
        for (var round = 0; round < 2000; round++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var lineCount = text.Split('\n').Length;

            var result = YamlReader.Parse(text);

            Assert.All(result.Errors, e => Assert.InRange(e.Line, 1, lineCount));
            Assert.All(result.Root.Entries, e => Assert.InRange(e.Line, 1, lineCount));
        }
    }

    [Fact]
    public void Parse_stops_at_a_bounded_depth_instead_of_exhausting_the_stack()
    {
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "k:\n"));

        var result = YamlReader.Parse(text);

        Assert.Contains(result.Errors, e => e.Message.Contains("för många nivåer"));
    }

    [Fact]
    public void Parse_reads_a_quoted_title_with_escapes_and_a_flow_list_as_the_benchmark_corpus_writes_them()
    {
        var result = YamlReader.Parse("title: \"En \\\"översikt\\\" C:\\\\mapp\"\nmalgrupp: [barn-som-upplever-vald, unga]\n");

        Assert.Empty(result.Errors);
        Assert.Equal("En \"översikt\" C:\\mapp", Assert.IsType<YamlScalar>(result.Root.Find("title")!.Value).Value);
        Assert.Equal(["barn-som-upplever-vald", "unga"], result.Root.Find("malgrupp")!.Texts);
    }

    [Fact]
    public void Parse_reads_a_bom_crlf_line_ends_and_a_multi_line_value()
    {
        var result = YamlReader.Parse("\uFEFFtitel: Rutin\r\nutgivare: >\r\n  Exempelkommunens\r\n  socialtjänst\r\nfärg blå\r\når: 2020\r\n");

        Assert.Equal("Rutin", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
        Assert.Equal("Exempelkommunens socialtjänst\n", Assert.IsType<YamlScalar>(result.Root.Find("utgivare")!.Value).Value);
        Assert.Equal(5, Assert.Single(result.Errors).Line);
        Assert.Equal("2020", Assert.IsType<YamlScalar>(result.Root.Find("år")!.Value).Value);
    }

    [Fact]
    public void Parse_refuses_aliases_so_a_billion_laughs_file_expands_nothing()
    {
        var text = new System.Text.StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            text.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]\n");
        }

        var result = YamlReader.Parse(text.ToString());

        Assert.Contains(result.Errors, e => e.Line == 2 && e.Message.Contains("hänvisningar (*a) stöds inte"));
        Assert.Equal(9, Assert.IsType<YamlSequence>(result.Root.Find("a")!.Value).Items.Count);
        Assert.Empty(Assert.IsType<YamlSequence>(result.Root.Find("j")!.Value).Items);
    }

    [Theory]
    [InlineData(100_000, "[")]
    [InlineData(100_000, "{a: ")]
    [InlineData(30_000, "- ")]
    public void Parse_refuses_deep_flow_and_block_nesting_at_the_depth_cap(int depth, string unit)
    {
        var text = "titel: Kvar\nämne:\n  " + string.Concat(Enumerable.Repeat(unit, depth)) + "x\n";

        var result = YamlReader.Parse(text, YamlLimits.Default with { MaxChars = int.MaxValue });

        // The reason names the depth cap: the parser stopped there instead of walking 100,000 levels.
        Assert.Contains(result.Errors, e => e.Line == 3 && e.Message.Contains($"för många nivåer av indrag (högst {YamlLimits.Default.MaxDepth})"));
        Assert.Equal("Kvar", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
    }

    [Fact]
    public void Parse_refuses_text_over_the_size_cap_without_parsing_it()
    {
        var text = "titel: " + new string('x', 50 * 1024 * 1024);

        var result = YamlReader.Parse(text);

        Assert.Empty(result.Root.Entries);
        Assert.Equal($"texten är för stor ({text.Length} tecken; högst {YamlLimits.Default.MaxChars}) och lästes inte.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Parse_drops_a_huge_value_and_keeps_the_rest()
    {
        var result = YamlReader.Parse("titel: " + new string('x', 100_000) + "\når: 2021\n");

        Assert.Contains("för långt", Assert.Single(result.Errors).Message);
        Assert.Null(result.Root.Find("titel"));
        Assert.Equal("2021", Assert.IsType<YamlScalar>(result.Root.Find("år")!.Value).Value);
    }

    [Fact]
    public void Parse_gives_up_after_a_bounded_number_of_errors_and_keeps_the_lines_before()
    {
        var text = "titel: Kvar\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"rad {i} utan kolon\n"));

        var result = YamlReader.Parse(text);

        Assert.Equal(YamlLimits.Default.MaxErrors + 1, result.Errors.Count);
        Assert.Contains($"för många fel (mer än {YamlLimits.Default.MaxErrors})", result.Errors[^1].Message);
        Assert.Equal("Kvar", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
    }

    [Fact]
    public void Parse_refuses_a_file_with_too_many_values()
    {
        var text = "ämne: [" + string.Join(", ", Enumerable.Range(0, 60_000).Select(i => "v" + i)) + "]\n";

        var result = YamlReader.Parse(text, YamlLimits.Default with { MaxChars = int.MaxValue });

        Assert.Empty(result.Root.Entries);
        Assert.Contains("för många värden", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Parse_reads_a_value_with_an_unquoted_colon_the_way_the_editor_meant_it()
    {
        var result = YamlReader.Parse("fasetter:\n  - id: x\n    namn: Stöd: samtal # kommentar\n");

        Assert.Empty(result.Errors);
        var facet = Assert.IsType<YamlMapping>(Assert.Single(Assert.IsType<YamlSequence>(result.Root.Find("fasetter")!.Value).Items));
        Assert.Equal("Stöd: samtal", Assert.IsType<YamlScalar>(facet.Find("namn")!.Value).Value);
        var plain = YamlReader.Parse("titel: Våld: en översikt för 'hemtjänsten'\n");
        Assert.Empty(plain.Errors);
        Assert.Equal("Våld: en översikt för 'hemtjänsten'", Assert.IsType<YamlScalar>(plain.Root.Find("titel")!.Value).Value);
    }
}
