using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Tests.Metadata;

public class SimpleYamlParserTests
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

        var result = SimpleYamlParser.Parse(text);

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
        var result = SimpleYamlParser.Parse("ämne:\n- trauma\n- sekretess\ntitel: X\n");

        Assert.Empty(result.Errors);
        var list = Assert.IsType<YamlSequence>(result.Root.Find("ämne")!.Value);
        Assert.Equal(["trauma", "sekretess"], list.Items.Cast<YamlScalar>().Select(s => s.Value));
        Assert.Equal("X", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
    }

    [Fact]
    public void Parse_reports_each_bad_line_by_number_and_keeps_the_good_ones()
    {
        const string text = "titel: Bra\nutan kolon här\n\tår: 2020\nstatus: \"gällande\nämne: [a, b\nutgivare: Kvar\ntitel: Igen\n";

        var result = SimpleYamlParser.Parse(text);

        Assert.Equal([2, 3, 4, 5, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("kolon", result.Errors[0].Message);
        Assert.Contains("tabb", result.Errors[1].Message);
        Assert.Contains("citattecknet", result.Errors[2].Message);
        Assert.Contains("]", result.Errors[3].Message);
        Assert.Contains("rad 1", result.Errors[4].Message);
        Assert.Equal(["titel", "status", "ämne", "utgivare"], result.Root.Entries.Select(e => e.Key));
        Assert.Equal("Bra", Assert.IsType<YamlScalar>(result.Root.Find("titel")!.Value).Value);
    }

    [Fact]
    public void Parse_keeps_a_hash_inside_quotes_and_a_colon_inside_a_value()
    {
        var result = SimpleYamlParser.Parse("titel: \"Nummer #1\"\nutgivare: Kommun: socialtjänsten\n");

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
            var result = SimpleYamlParser.Parse(input);
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

            var result = SimpleYamlParser.Parse(text);

            Assert.All(result.Errors, e => Assert.InRange(e.Line, 1, lineCount));
            Assert.All(result.Root.Entries, e => Assert.InRange(e.Line, 1, lineCount));
        }
    }

    [Fact]
    public void Parse_stops_at_a_bounded_depth_instead_of_exhausting_the_stack()
    {
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "k:\n"));

        var result = SimpleYamlParser.Parse(text);

        Assert.Contains(result.Errors, e => e.Message.Contains("för många nivåer"));
    }
}
