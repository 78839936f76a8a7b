using Kunskapsbank.Indexer.Cli;

namespace Kunskapsbank.Indexer.Tests.Cli;

public class AnalyzeCommandTests
{
    private static (int Code, string[] Lines, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(["analyze", .. args], stdout, stderr, TextReader.Null);
        return (code, stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    [Fact]
    public void Analyze_prints_term_word_offsets_position_and_kind()
    {
        var (code, lines, _) = Run("Barnet och", "FREDA-kortfrågor");
        Assert.Equal(0, code);
        Assert.Equal("term\tord\tstart\tslut\tposition\tdel\tstoppord\ttext", lines[0]);
        Assert.Equal("barn\tbarnet\t0\t6\t0\tnej\tnej\tBarnet", lines[1]);
        Assert.Equal("och\toch\t7\t10\t1\tnej\tja\toch", lines[2]);
        Assert.Contains("kortfråg\tkortfrågor\t17\t27\t2\tja\tnej\tkortfrågor", lines);
    }

    [Fact]
    public void Analyze_shows_invisible_characters_in_the_original_text()
    {
        var (_, lines, _) = Run("våld\u00ADsutsatta");
        Assert.EndsWith("våld<U+00AD>sutsatta", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_without_text_explains_in_swedish()
    {
        var (code, _, err) = Run();
        Assert.Equal(2, code);
        Assert.Contains("Ange en text", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_is_reported_in_swedish()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["okänt"], new StringWriter(), stderr, TextReader.Null));
        Assert.Contains("Okänt kommando", stderr.ToString(), StringComparison.Ordinal);
    }
}
