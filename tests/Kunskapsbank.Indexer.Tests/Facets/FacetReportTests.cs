using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Tests.Facets;

public sealed class FacetReportTests
{
    private static readonly Taxonomy Taxonomy = new(
    [
        new FacetDefinition(FacetIds.Amne, "Ämne", [new FacetValue("trauma", "Trauma", []), new FacetValue("samverkan", "Samverkan", [])]),
    ]);

    private static readonly string[] Facets = [FacetIds.Amne, FacetIds.Ar, FacetIds.Utgivare];

    private static Dictionary<string, IReadOnlyList<FacetCount>> Count(FacetReport report, FacetOrdinals ordinals, params int[][] documents)
    {
        var counter = new FacetCounter(ordinals, new Dictionary<string, IReadOnlyList<int>>());
        foreach (var values in documents)
        {
            counter.Add(values, countFacets: true);
        }

        return report.Report(counter);
    }

    [Fact]
    public void Report_OrdersTaxonomyValuesYearsAndPublishersAsEditorsExpect()
    {
        var ordinals = new FacetOrdinals();
        var samverkan = ordinals.GetOrAdd(FacetIds.Amne, "samverkan");
        var trauma = ordinals.GetOrAdd(FacetIds.Amne, "trauma");
        var y2019 = ordinals.GetOrAdd(FacetIds.Ar, "2019");
        var y2021 = ordinals.GetOrAdd(FacetIds.Ar, "2021");
        var ostra = ordinals.GetOrAdd(FacetIds.Utgivare, "ostra", "Östra kommunen");
        var alfa = ordinals.GetOrAdd(FacetIds.Utgivare, "alfa", "Alfa");
        var beta = ordinals.GetOrAdd(FacetIds.Utgivare, "beta", "Beta");
        var report = FacetReport.Build(ordinals, Facets, Taxonomy);

        var counts = Count(report, ordinals, [samverkan, trauma, y2019, ostra], [trauma, y2021, alfa], [trauma, y2021, beta], [y2021, beta]);

        // The taxonomy's order, not the order the values were first seen in.
        Assert.Equal(["trauma", "samverkan"], counts[FacetIds.Amne].Select(v => v.Id));
        Assert.Equal("Trauma", counts[FacetIds.Amne][0].Label);
        Assert.Equal(["2021", "2019"], counts[FacetIds.Ar].Select(v => v.Id));

        // Publishers by count, then by label in Swedish order (Ö after A).
        Assert.Equal(["beta", "alfa", "ostra"], counts[FacetIds.Utgivare].Select(v => v.Id));
        Assert.Equal([2, 1, 1], counts[FacetIds.Utgivare].Select(v => v.Count));
    }

    [Fact]
    public void Report_NoLongerCovers_WhenAValueOrTheTaxonomyIsNew()
    {
        var ordinals = new FacetOrdinals();
        ordinals.GetOrAdd(FacetIds.Amne, "trauma");
        var report = FacetReport.Build(ordinals, Facets, Taxonomy);
        Assert.True(report.Covers(Taxonomy));

        Assert.False(report.Covers(Taxonomy with { }));

        ordinals.GetOrAdd(FacetIds.Ar, "2024");
        Assert.False(report.Covers(Taxonomy));
    }

    [Fact]
    public void Report_ShowsALabelLearnedAfterItWasBuilt()
    {
        var ordinals = new FacetOrdinals();
        var publisher = ordinals.GetOrAdd(FacetIds.Utgivare, "nck");
        var report = FacetReport.Build(ordinals, Facets, Taxonomy);

        ordinals.GetOrAdd(FacetIds.Utgivare, "nck", "Nationellt centrum för kvinnofrid");

        Assert.Equal("Nationellt centrum för kvinnofrid", Count(report, ordinals, [publisher])[FacetIds.Utgivare].Single().Label);
    }

    [Fact]
    public void Report_LeavesOutValuesWithoutHitsUnlessSelected()
    {
        var ordinals = new FacetOrdinals();
        var trauma = ordinals.GetOrAdd(FacetIds.Amne, "trauma");
        var samverkan = ordinals.GetOrAdd(FacetIds.Amne, "samverkan");
        var report = FacetReport.Build(ordinals, Facets, Taxonomy);
        var counter = new FacetCounter(ordinals, new Dictionary<string, IReadOnlyList<int>> { [FacetIds.Amne] = [samverkan] });

        counter.Add([trauma], countFacets: true);

        var amne = report.Report(counter)[FacetIds.Amne];
        Assert.Equal(["trauma", "samverkan"], amne.Select(v => v.Id));
        Assert.Equal([1, 0], amne.Select(v => v.Count));
        Assert.True(amne[1].Selected);
    }
}
