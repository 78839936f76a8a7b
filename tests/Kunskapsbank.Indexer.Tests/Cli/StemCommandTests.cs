using Kunskapsbank.Indexer.Cli;

namespace Kunskapsbank.Indexer.Tests.Cli;

public class StemCommandTests
{
    private static (int Code, string Out, string Err) Run(string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(["stem", .. args], stdout, stderr, new StringReader(input));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Stem_command_reproduces_the_snowball_vocabulary()
    {
        var input = File.ReadAllText(TestData.PathOf("snowball", "voc.txt"));
        var (code, output, _) = Run(input);
        Assert.Equal(0, code);
        Assert.Equal(TestData.Lines("snowball", "output.txt"), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Stem_command_writes_one_stem_a_line()
    {
        var (code, output, _) = Run("Barnen\nkvinnorna\n");
        Assert.Equal(0, code);
        Assert.Equal("barn\nkvinn\n", output);
    }

    [Fact]
    public void Stem_command_with_index_flag_uses_the_overrides()
    {
        var (_, plain, _) = Run("heder\nbarnet\n");
        var (_, index, _) = Run("heder\nbarnet\n", "--index");
        Assert.Equal("hed\nbarnet\n", plain);
        Assert.Equal("heder\nbarn\n", index);
    }

    [Fact]
    public void Stem_command_rejects_unknown_arguments_in_swedish()
    {
        var (code, _, err) = Run("", "--okänd");
        Assert.Equal(2, code);
        Assert.Contains("standard in", err, StringComparison.Ordinal);
    }
}
