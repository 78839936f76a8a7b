using Kunskapsbank.Api.Gaps;
using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Api.Tests.Gaps;

public class QueryNormalizerTests
{
    private static readonly Analyzer Swedish = SwedishAnalyzer.Create();

    [Fact]
    public void Terms_are_lower_cased_sorted_and_deduplicated() =>
        Assert.Equal(
            QueryNormalizer.Normalize(Swedish, "tvång äktenskap"),
            QueryNormalizer.Normalize(Swedish, "Äktenskap TVÅNG äktenskap"));

    [Fact]
    public void Inflected_forms_count_as_the_same_query() =>
        Assert.Equal(QueryNormalizer.Normalize(Swedish, "barn"), QueryNormalizer.Normalize(Swedish, "Barnet"));

    [Fact]
    public void Query_syntax_does_not_change_the_normalised_form() =>
        Assert.Equal(QueryNormalizer.Normalize(Swedish, "skyddat boende"), QueryNormalizer.Normalize(Swedish, "\"skyddat boende\""));

    [Theory]
    [InlineData("19850101-1234 orosanmälan")]
    [InlineData("ring 0701234567")]
    [InlineData("   ")]
    [InlineData("!!! ??? ***")]
    [InlineData("ett två tre fyra fem sex sju åtta nio tio elva")]
    public void Queries_that_may_identify_someone_or_are_not_questions_are_not_recorded(string query) =>
        Assert.Null(QueryNormalizer.Normalize(Swedish, query));
}
