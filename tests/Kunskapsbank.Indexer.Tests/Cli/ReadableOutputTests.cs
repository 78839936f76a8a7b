using System.Globalization;
using Kunskapsbank.Indexer.Cli;
using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Cli;

/// <summary>`report` and `search` as a person reads them: labels, failures first, Swedish agreement, 80 columns, and
/// colour only on a terminal that has not asked for none.</summary>
public sealed class ReadableOutputTests
{
    private static (int Code, string Out) Run(CliConsole console, StringWriter stdout, params string[] args)
    {
        var code = CommandLine.Run(args, console);
        return (code, stdout.ToString());
    }

    private static (int Code, string Out) RunRedirected(params string[] args)
    {
        using var stdout = new StringWriter();
        return Run(CliConsole.Redirected(stdout, TextWriter.Null, TextReader.Null), stdout, args);
    }

    private static TestCorpus IndexedCorpus()
    {
        var corpus = new TestCorpus();
        corpus.WriteMarkdown(
            "ett-mycket-langt-filnamn-om-hedersrelaterat-vald-och-fortryck-i-skolan-och-forskolan.md",
            "Hedersrelaterat våld och förtryck i skolan och förskolan – vägledning för rektorer, lärare och elevhälsa",
            "## Orosanmälan\n\nSkolan gör en orosanmälan till socialtjänsten vid misstanke om hedersrelaterat våld.",
            "amne: [hedersrelaterat-vald]\nstatus: gallande");
        corpus.Write("trasig.pdf", "ingen pdf");
        Assert.Equal(ExitCodes.Ok, RunRedirected("index", corpus.CorpusPath, "--index", corpus.IndexPath, "--tyst").Code);
        return corpus;
    }

    private static void AssertFitsEightyColumns(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            Assert.True(new StringInfo(line.TrimEnd('\r')).LengthInTextElements <= CliConsole.PlainWidth, $"Längre än 80 tecken: {line}");
        }
    }

    [Fact]
    public void Report_ListsFailuresFirstWithLabelsAndAgreement_InEightyColumnsWithoutEscapeCodes()
    {
        using var corpus = IndexedCorpus();

        var (code, output) = RunRedirected("report", "--index", corpus.IndexPath, "--corpus", corpus.CorpusPath);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("1 dokument · 1 fil kunde inte indexeras.", output, StringComparison.Ordinal);
        var failures = output.IndexOf("trasig.pdf", StringComparison.Ordinal);
        var documents = output.IndexOf("Titel", StringComparison.Ordinal);
        Assert.InRange(failures, 0, documents);
        Assert.Contains("Trasig", output, StringComparison.Ordinal);
        Assert.Contains("Gällande", output, StringComparison.Ordinal);
        Assert.Contains("Hedersrelaterat våld", output, StringComparison.Ordinal);
        Assert.DoesNotContain("gallande", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        AssertFitsEightyColumns(output);
    }

    [Fact]
    public void Search_OneHit_SaysTraffAndMarksTheWordsWithoutColourInAPipe()
    {
        using var corpus = IndexedCorpus();

        var (code, output) = RunRedirected("search", "orosanmälan", "--index", corpus.IndexPath);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("1 träff.", output, StringComparison.Ordinal);
        Assert.Contains("»", output, StringComparison.Ordinal);
        Assert.Contains("Gällande", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        AssertFitsEightyColumns(output);
    }

    [Fact]
    public void Search_OnATerminal_ColoursTheMatchedWordsUnlessNoColorIsSet()
    {
        using var corpus = IndexedCorpus();
        using var coloured = new StringWriter();
        using var plain = new StringWriter();

        var withColour = Run(new CliConsole(coloured, TextWriter.Null, TextReader.Null, true, true, NoColor: false), coloured, "search", "orosanmälan", "--index", corpus.IndexPath);
        var noColour = Run(new CliConsole(plain, TextWriter.Null, TextReader.Null, true, true, NoColor: true), plain, "search", "orosanmälan", "--index", corpus.IndexPath);

        Assert.Equal(ExitCodes.Ok, withColour.Code);
        Assert.DoesNotContain("»", withColour.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[", withColour.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, noColour.Code);
        Assert.Contains("»", noColour.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[3", noColour.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[9", noColour.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 filer")]
    [InlineData(1, "1 fil")]
    [InlineData(2, "2 filer")]
    public void Count_AgreesInNumber(long count, string expected) =>
        Assert.Equal(expected, SwedishText.Count(count, "fil", "filer"));

    [Theory]
    [InlineData(0.4, "0,4 filer/s")]
    [InlineData(170.2, "170 filer/s")]
    public void Rate_UsesTheSwedishDecimalComma(double perSecond, string expected) =>
        Assert.Equal(expected, SwedishText.Rate(perSecond));

    [Theory]
    [InlineData(47, "ca 47 s kvar")]
    [InlineData(190, "ca 3 min 10 s kvar")]
    [InlineData(7_500, "ca 2 h 5 min kvar")]
    public void TimeLeft_IsRoundedForAPerson(int seconds, string expected) =>
        Assert.Equal(expected, SwedishText.TimeLeft(TimeSpan.FromSeconds(seconds)));
}
