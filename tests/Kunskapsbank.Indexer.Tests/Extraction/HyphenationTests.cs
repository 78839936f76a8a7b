using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class HyphenationTests
{
    [Theory]
    [InlineData("inom sjuk-", "vården", "inom sjukvården")]
    [InlineData("stöd till vålds-", "utsatta kvinnor", "stöd till våldsutsatta kvinnor")]
    [InlineData("inom hälso-", "och sjukvården", "inom hälso- och sjukvården")]
    [InlineData("vid byggnads-", "eller anläggningsarbete", "vid byggnads- eller anläggningsarbete")]
    [InlineData("för barn-", "samt ungdomsvården", "för barn- samt ungdomsvården")]
    [InlineData("lärar-", "respektive förskollärarlegitimation", "lärar- respektive förskollärarlegitimation")]
    [InlineData("inom offentlig-", "resp. privat sektor", "inom offentlig- resp. privat sektor")]
    [InlineData("både civil-", "som brottmål", "både civil- som brottmål")]
    [InlineData("inte barn-", "men vuxenpsykiatrin", "inte barn- men vuxenpsykiatrin")]
    [InlineData("statsrådet Hjelm-", "Wallén föredrar", "statsrådet Hjelm-Wallén föredrar")]
    [InlineData("skicka e-", "post", "skicka e-post")]
    [InlineData("enligt FN-", "konventionen", "enligt FN-konventionen")]
    [InlineData("inom EU-", "rätten", "inom EU-rätten")]
    [InlineData("använd FREDA-", "kortfrågor", "använd FREDA-kortfrågor")]
    [InlineData("under 1990-", "talet", "under 1990-talet")]
    [InlineData("ett gemen-", "samt ansvar", "ett gemensamt ansvar")]
    [InlineData("efter avlagd exa-", "men", "efter avlagd examen")]
    [InlineData("kvinno\u00AD", "frid", "kvinnofrid")]
    [InlineData("en rad", "och nästa", "en rad och nästa")]
    [InlineData("kostar 100 -", "200 kr", "kostar 100 - 200 kr")]
    public void Line_end_hyphenation_is_joined_the_Swedish_way(string first, string second, string expected) =>
        Assert.Equal(expected, Hyphenation.JoinLines(first, second));

    [Theory]
    [InlineData("i offentlighetsoch sekretesslagen", "i offentlighets- och sekretesslagen")]
    [InlineData("inom hälsooch sjukvården", "inom hälso- och sjukvården")]
    [InlineData("vid byggnadseller anläggningsarbete", "vid byggnads- eller anläggningsarbete")]
    [InlineData("lärarrespektive förskollärare", "lärar- respektive förskollärare")]
    [InlineData("barn och unga", "barn och unga")]
    [InlineData("Koch och Bloch skrev", "Koch och Bloch skrev")]
    [InlineData("modeller eller tabeller eller karuseller", "modeller eller tabeller eller karuseller")]
    [InlineData("en bestseller om våld", "en bestseller om våld")]
    public void Shared_ending_joined_by_a_tool_is_mended(string text, string expected) =>
        Assert.Equal(expected, Hyphenation.MendSharedEndings(text));

    [Fact]
    public void Mended_coordination_stays_findable_as_sjukvård_through_the_analyzer()
    {
        var analyzer = SwedishAnalyzer.Create();
        var mended = Hyphenation.JoinLines("inom hälso-", "och sjukvården");
        var terms = analyzer.Analyze(mended).Select(t => t.Term).ToHashSet();

        Assert.Superset(analyzer.Analyze("sjukvård").Select(t => t.Term).ToHashSet(), terms);
        Assert.Contains("hälso", terms);
        Assert.DoesNotContain("hälsooch", terms);
    }
}
