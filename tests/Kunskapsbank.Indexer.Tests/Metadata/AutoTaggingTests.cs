using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Tests.Metadata;

public class AutoTaggingTests
{
    /// <summary>The automatic tags of a one-passage document (status is left out: it is derived, not tagged).</summary>
    private static List<FacetTag> AutoTags(string heading, string text) =>
        MetadataTestData.Resolver
            .Resolve("dokument.txt", MetadataTestData.Document(null, (heading.Length == 0 ? null : heading, text)))
            .Tags.Where(t => t.Source == TagSource.AutoTag && t.Facet != "status")
            .ToList();

    private static IEnumerable<string> Values(IReadOnlyList<FacetTag> tags, string facet) =>
        tags.Where(t => t.Facet == facet).Select(t => t.Value);

    [Fact]
    public void Aldre_is_not_found_inside_foraldrar()
    {
        var tags = AutoTags("", "Föräldrar och föräldrarna ska få stöd. Alla föräldrar har ansvar. Föräldrars oro tas på allvar.");

        Assert.DoesNotContain("aldre", Values(tags, "malgrupp"));
    }

    [Fact]
    public void Polis_is_not_found_inside_polisanmalan()
    {
        var tags = AutoTags("", "En polisanmälan görs. Polisanmälan kan göras av den utsatta. Efter polisanmälan följer förhör.");

        Assert.DoesNotContain("polis", Values(tags, "yrkesgrupp"));
        Assert.Contains("orosanmalan", Values(tags, "amne"));
    }

    [Fact]
    public void Inflected_forms_of_a_trigger_are_found()
    {
        var tags = AutoTags("", "Det hedersrelaterade våldet drabbar flickor. Hedersrelaterade våldets former varierar. Skolan motverkar hedersrelaterat våld. " +
            "Könsstympningen av flickan är ett brott. Könsstympningen kan upptäckas av skolsköterskan. Könsstympningar förekommer.");

        Assert.Contains("konsstympning", Values(tags, "amne"));
        Assert.Contains("hedersrelaterat-vald", Values(tags, "amne"));
    }

    [Fact]
    public void Inflected_compound_matches_a_compound_trigger_made_of_the_same_parts()
    {
        var tags = AutoTags("", "Hedersförtrycket begränsar flickorna. Hedersförtrycket syns i skolan. Om hedersförtrycket talar man sällan.");

        var tag = Assert.Single(tags, t => t.Value == "hedersrelaterat-vald");
        Assert.Contains("'hedersförtryck' förekommer 3 gånger", tag.Reason);
    }

    [Fact]
    public void A_part_set_off_by_a_hyphen_counts_as_a_word()
    {
        var tags = AutoTags("", "FREDA-bedömningen gjordes. Efter FREDA-kortfrågorna följde FREDA-farlighetsbedömning.");

        var tag = Assert.Single(tags, t => t.Value == "riskbedomning");
        Assert.Contains("'FREDA'", tag.Reason);
    }

    [Fact]
    public void Multi_word_trigger_matches_only_as_consecutive_words()
    {
        var together = AutoTags("", "Mäns våld mot kvinnor är ett samhällsproblem. Arbetet mot mäns våld mot kvinnor pågår. Mäns våld mot kvinnor kostar.");
        var apart = AutoTags("", "Mäns hälsa är viktig. Våld förekommer. Mot detta står kvinnor och män tillsammans. Våld mot barn.");

        Assert.Contains("valdsutsatta-kvinnor", Values(together, "malgrupp"));
        Assert.DoesNotContain("valdsutsatta-kvinnor", Values(apart, "malgrupp"));
    }

    [Fact]
    public void A_single_mention_in_running_text_is_not_enough()
    {
        var tags = AutoTags("", "Texten handlar om samtal. En gång nämns tandläkare. Resten handlar om annat.");

        Assert.DoesNotContain("tandvard", Values(tags, "yrkesgrupp"));
    }

    [Fact]
    public void Longer_documents_need_more_occurrences()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Här står en vanlig mening utan något särskilt innehåll alls.", 1000));

        var tags = AutoTags("", $"{filler} Tandläkaren ringde. En tandläkare till. {filler}");

        Assert.DoesNotContain("tandvard", Values(tags, "yrkesgrupp"));
        Assert.Equal(8, AutoTagOptions.Default.RequiredOccurrences(20_000));
        Assert.Equal(4, AutoTagOptions.Default.RequiredOccurrences(2_500));
        Assert.Equal(3, AutoTagOptions.Default.RequiredOccurrences(300));
    }

    [Fact]
    public void Overlapping_triggers_of_one_value_count_once()
    {
        var tags = AutoTags("", "Barn som bevittnat våld behöver stöd. Barn som bevittnat våld ska uppmärksammas. Ett barn som bevittnat våld.");

        var tag = Assert.Single(tags, t => t.Value == "barn-som-upplever-vald");
        Assert.Equal("Automatiskt: triggerordet 'barn som bevittnat våld' förekommer 3 gånger i texten (minst 3 krävs för ett dokument av den här längden).", tag.Reason);
    }

    [Fact]
    public void Capitalised_trigger_matches_only_capitals()
    {
        var name = AutoTags("", "Sara berättade. Sara var rädd. Sara fick hjälp av Sara:s syster.");
        var instrument = AutoTags("", "Bedömningen gjordes med SARA. SARA är ett strukturerat instrument. Läs mer om SARA.");

        Assert.DoesNotContain("riskbedomning", Values(name, "amne"));
        Assert.Contains("riskbedomning", Values(instrument, "amne"));
    }

    [Fact]
    public void At_most_three_automatic_values_per_facet_and_each_has_a_reason()
    {
        const string text =
            "Socialtjänsten, polisen, skolan, tandvården och domstolen. Socialtjänsten, polisen, skolan, tandvården och domstolen. " +
            "Socialtjänsten, polisen, skolan, tandvården och domstolen. Socialtjänsten och polisen.";

        var tags = AutoTags("", text);

        var yrkesgrupp = tags.Where(t => t.Facet == "yrkesgrupp").ToList();
        Assert.Equal(3, yrkesgrupp.Count);
        Assert.Contains("polis", yrkesgrupp.Select(t => t.Value));
        Assert.Contains("socialtjanst", yrkesgrupp.Select(t => t.Value));
        Assert.All(yrkesgrupp, t => Assert.StartsWith("Automatiskt: triggerordet", t.Reason));
        Assert.Contains("förekommer 4 gånger i texten (minst 3 krävs", Assert.Single(yrkesgrupp, t => t.Value == "polis").Reason);
    }

    [Fact]
    public void Document_type_is_taken_from_the_title_only()
    {
        var inTitle = MetadataTestData.Resolver.Resolve("x.txt", MetadataTestData.Document(new(Title: "Checklista vid misstanke om könsstympning"), (null, "Kort.")));
        var inBody = AutoTags("", "Använd checklistan. Checklista för samtal. Checklistor finns.");

        Assert.Equal("checklista", inTitle.DocumentType);
        Assert.Contains("i titeln", Assert.Single(inTitle.Tags, t => t.Facet == "dokumenttyp").Reason);
        Assert.Empty(Values(inBody, "dokumenttyp"));
    }

    [Fact]
    public void Trigger_matcher_analyses_every_trigger_once_and_drops_duplicates()
    {
        var taxonomy = TaxonomyLoader.BuiltIn();
        var matcher = new TriggerMatcher(taxonomy, MetadataTestData.Analyzer);

        foreach (var facet in taxonomy.Facets)
        {
            foreach (var value in facet.Values.Where(v => v.Triggers.Count > 0))
            {
                var patterns = matcher.Patterns.Where(p => p.FacetId == facet.Id && p.ValueId == value.Id).ToList();
                Assert.InRange(patterns.Count, 1, value.Triggers.Count);
                Assert.Equal(patterns.Count, patterns.Select(p => string.Join(' ', p.Terms) + p.RequireUppercase).Distinct().Count());
            }
        }

        Assert.Equal(4, matcher.Patterns.Single(p => p.Text == "mäns våld mot kvinnor").Terms.Count);
        Assert.True(matcher.Patterns.Single(p => p.Text == "FREDA").RequireUppercase);
    }
}
