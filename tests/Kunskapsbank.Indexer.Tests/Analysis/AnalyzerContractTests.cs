using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

public class AnalyzerContractTests
{
    [Fact]
    public void Analyzer_keeps_swedish_letters_distinct()
    {
        var analyzer = SwedishAnalyzer.Create();
        Assert.NotEqual(analyzer.Analyze("får")[0].Term, analyzer.Analyze("far")[0].Term);
    }

    [Fact]
    public void Analyzer_offsets_point_into_the_original_text()
    {
        const string text = "Mäns våld";
        var tokens = SwedishAnalyzer.Create().Analyze(text);
        Assert.Equal("våld", text[tokens[1].Start..tokens[1].End]);
    }
}
