using Kunskapsbank.Indexer.Cli;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Cli;

/// <summary>The parser: Swedish help for every command, Swedish parse errors with the command's usage, exit codes.</summary>
public sealed class CommandLineTests
{
    private static (int Code, string Out, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Help_ListsEveryCommandAndTheExitCodesInSwedish()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("ANVÄNDNING", output, StringComparison.Ordinal);
        Assert.Contains("KOMMANDON", output, StringComparison.Ordinal);
        foreach (var command in new[] { "index", "search", "report", "check", "analyze", "compounds", "extract", "stem" })
        {
            Assert.Contains($"    {command}", output, StringComparison.Ordinal);
        }

        Assert.Contains("SLUTKODER", output, StringComparison.Ordinal);
        Assert.Contains("fel i kommandoraden", output, StringComparison.Ordinal);
        Assert.DoesNotContain("USAGE", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index", "--tyst")]
    [InlineData("search", "--filter")]
    [InlineData("report", "--json")]
    [InlineData("check", "--index")]
    [InlineData("analyze", "Texten som ska delas")]
    [InlineData("compounds", "--evaluate")]
    [InlineData("extract", "--json")]
    [InlineData("stem", "--index")]
    public void CommandHelp_DescribesTheCommandAndItsOptionsInSwedish(string command, string option)
    {
        var (code, output, _) = Run(command, "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("BESKRIVNING", output, StringComparison.Ordinal);
        Assert.Contains($"kunskapsbank {command}", output, StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.DoesNotContain("OPTIONS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Prints help", output, StringComparison.Ordinal);
    }

    [Fact]
    public void HjalpBeforeACommand_ShowsThatCommandsHelp()
    {
        var (code, output, _) = Run("hjälp", "search");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("--sort", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCommand_ShowsTheHelpAndExitsWithTheUsageCode()
    {
        var (code, output, _) = Run();

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("KOMMANDON", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_IsNamedInSwedishWithTheCommandsUsage()
    {
        var (code, output, error) = Run("search", "våld", "--bogus");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Okänt val ”--bogus”", error, StringComparison.Ordinal);
        Assert.Contains("Användning: kunskapsbank search", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionWithoutItsValue_SaysWhichOptionNeedsOne()
    {
        var (code, _, error) = Run("search", "våld", "--filter");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Valet --filter behöver ett värde.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "0", "--limit ska vara ett heltal mellan 1 och 100.")]
    [InlineData("--limit", "tio", "--limit ska vara ett heltal mellan 1 och 100.")]
    [InlineData("--page", "-1", "--page ska vara ett positivt heltal.")]
    [InlineData("--sort", "datum", "--sort ska vara relevans eller nyast.")]
    [InlineData("--filter", "amne", "ska skrivas facett=värde")]
    public void MalformedValue_IsRefusedBeforeTheIndexIsOpened(string option, string value, string message)
    {
        var (code, _, error) = Run("search", "våld", option, value, "--index", Path.Combine(Path.GetTempPath(), "finns-inte-" + Guid.NewGuid()));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingArgument_NamesWhatTheCommandNeeds()
    {
        var (code, _, error) = Run("index");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Kommandot index behöver dokumentmapp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionBeforeTheCommand_AsksForTheCommandFirst()
    {
        var (code, _, error) = Run("--json", "search", "våld");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("står före kommandot", error, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryStartingWithMinus_WithoutDashes_PointsToTheDashes()
    {
        var (code, _, error) = Run("search", "-polisen våld");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("skrivs efter --", error, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryAfterDashes_IsSearchedAsTheShellGaveIt()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Polisen", "Polisen utreder våld i nära relationer.");
        corpus.WriteMarkdown("b.md", "Socialtjänsten", "Socialtjänsten stöder den som utsätts för våld.");
        Assert.Equal(ExitCodes.Ok, Run("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst").Code);

        var (code, output, _) = Run("search", "--index", corpus.IndexPath, "--json", "--", "-polisen våld");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"b.md\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"a.md\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingIndex_ExitsWithOneAndSaysHowToBuildIt()
    {
        var (code, _, error) = Run("report", "--index", Path.Combine(Path.GetTempPath(), "finns-inte-" + Guid.NewGuid()));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("Kör först: kunskapsbank index", error, StringComparison.Ordinal);
    }
}
