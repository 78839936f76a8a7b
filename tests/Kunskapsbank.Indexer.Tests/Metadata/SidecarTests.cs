using System.Text;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Metadata;
using Kunskapsbank.Indexer.Tests.Extraction;

namespace Kunskapsbank.Indexer.Tests.Metadata;

public class SidecarTests
{
    private static DocumentMetadata ResolveWithSidecar(string sidecarName)
    {
        // The document need not exist: the sidecar is found by its name next to the document's path.
        var documentPath = MetadataTestData.PathOf("sidecars", sidecarName[..^".meta.yml".Length]);
        return MetadataTestData.Resolver.Resolve(documentPath, MetadataTestData.Document(null, ("Inledning", "Kort text.")));
    }

    [Fact]
    public void Sidecar_with_ascii_keys_and_ids_sets_every_field()
    {
        var metadata = ResolveWithSidecar("ascii-keys.pdf.meta.yml");

        Assert.Empty(metadata.Problems);
        Assert.Equal("Rutin vid misstanke om hedersrelaterat våld", metadata.Title);
        Assert.Equal("Exempelkommunens socialtjänst", metadata.Publisher);
        Assert.Equal(2023, metadata.Year);
        Assert.Equal("rutin", metadata.DocumentType);
        Assert.Equal(DocumentStatus.Current, metadata.Status);
        Assert.Null(metadata.SupersededBy);
        Assert.Equal(["hederskontext", "unga"], MetadataTestData.ValuesOf(metadata, "malgrupp"));
        Assert.Equal(["hedersrelaterat-vald", "riskbedomning"], MetadataTestData.ValuesOf(metadata, "amne"));
        Assert.Equal(["socialtjanst", "skola"], MetadataTestData.ValuesOf(metadata, "yrkesgrupp"));
        Assert.Equal(["exempelkommunens-socialtjanst"], MetadataTestData.ValuesOf(metadata, "utgivare"));
        Assert.Equal(["2023"], MetadataTestData.ValuesOf(metadata, "ar"));
        Assert.Equal(["gallande"], MetadataTestData.ValuesOf(metadata, "status"));
        Assert.All(metadata.Tags, t => Assert.Equal(TagSource.Sidecar, t.Source));
    }

    [Fact]
    public void Sidecar_accepts_labels_in_any_case_and_every_list_style()
    {
        var metadata = ResolveWithSidecar("all-styles.pdf.meta.yml");

        Assert.Empty(metadata.Problems);
        Assert.Equal("Våld: en översikt för hemtjänsten", metadata.Title);
        Assert.Equal(2021, metadata.Year);
        Assert.Equal("vagledning", metadata.DocumentType);
        Assert.Equal(["aldre", "kvinnor-med-funktionsnedsattning"], MetadataTestData.ValuesOf(metadata, "malgrupp"));
        Assert.Equal(["stod-och-behandling", "hedersrelaterat-vald"], MetadataTestData.ValuesOf(metadata, "amne"));
        Assert.Equal(["omsorg", "halso-och-sjukvard"], MetadataTestData.ValuesOf(metadata, "yrkesgrupp"));
        Assert.Equal(DocumentStatus.Superseded, metadata.Status);
        Assert.Equal("Vägledning om våld mot äldre, 2024", metadata.SupersededBy);
        Assert.Equal("Vägledning 2015", metadata.Supersedes);
        Assert.Equal(["ersatt"], MetadataTestData.ValuesOf(metadata, "status"));
    }

    [Fact]
    public void Bad_sidecar_reports_each_problem_with_file_and_line_and_keeps_the_valid_values()
    {
        var metadata = ResolveWithSidecar("bad.pdf.meta.yml");

        Assert.Equal("Checklista med fel i sidofilen", metadata.Title);
        Assert.Equal(["unga"], MetadataTestData.ValuesOf(metadata, "malgrupp"));
        Assert.Equal(["konsstympning"], MetadataTestData.ValuesOf(metadata, "amne"));
        Assert.Null(metadata.Year);
        Assert.Equal(DocumentStatus.Current, metadata.Status);
        string[] expected =
        [
            "bad.pdf.meta.yml rad 2: 'tjugohundratjugo' är inget giltigt år",
            "bad.pdf.meta.yml rad 3: okänd nyckel 'färg'",
            "bad.pdf.meta.yml rad 4: okänt värde 'hedersvald' för ämne",
            "bad.pdf.meta.yml rad 5: raden saknar kolon",
            "bad.pdf.meta.yml rad 6: listan saknar avslutande ']'",
            "bad.pdf.meta.yml rad 8: okänd status 'kanske'",
        ];
        foreach (var line in expected)
        {
            Assert.Contains(metadata.Problems, p => p.StartsWith(line, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, metadata.Problems.Count);
    }

    [Fact]
    public void Unknown_value_suggests_the_id_it_resembles()
    {
        var taxonomy = TaxonomyLoader.BuiltIn();
        var problems = new List<string>();

        var ids = new MetadataFieldReader(taxonomy).ResolveValues(taxonomy.Find("amne")!, ["riskbedomning, sekretes"], "x.meta.yml rad 1", problems);

        Assert.Equal(["riskbedomning"], ids);
        Assert.Contains("menade du 'sekretess'?", Assert.Single(problems));
    }

    [Fact]
    public void Sidecar_named_after_the_full_file_name_wins_over_the_short_name()
    {
        var document = MetadataTestData.PathOf("sidecars", "full", "Rutin.pdf");

        Assert.Equal(document + ".meta.yml", MetadataTestData.Resolver.FindSidecar(document));
        Assert.Equal("Rutin från full sidofil", MetadataTestData.Resolver.Resolve(document, MetadataTestData.Document(null)).Title);
    }

    [Fact]
    public void Short_sidecar_name_is_used_when_only_one_document_has_that_name()
    {
        var document = MetadataTestData.PathOf("sidecars", "short", "Checklista.pdf");

        Assert.Equal(MetadataTestData.PathOf("sidecars", "short", "Checklista.meta.yml"), MetadataTestData.Resolver.FindSidecar(document));
    }

    [Fact]
    public void Short_sidecar_name_is_ignored_when_two_documents_share_the_name()
    {
        Assert.Null(MetadataTestData.Resolver.FindSidecar(MetadataTestData.PathOf("sidecars", "ambiguous", "Plan.pdf")));
        Assert.Null(MetadataTestData.Resolver.FindSidecar(MetadataTestData.PathOf("sidecars", "ambiguous", "Plan.docx")));
    }

    [Fact]
    public void Sidecar_is_found_for_names_with_spaces_swedish_letters_and_either_unicode_form()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-sidecar-");
        try
        {
            var composed = Path.Combine(corpus.FullName, "Orosanmälan hälso- och sjukvård.docx");
            File.WriteAllText(composed + ".meta.yml", "titel: Sammansatt form\n");
            var decomposed = Path.Combine(corpus.FullName, "Skyddat boende – vägledning.pdf".Normalize(System.Text.NormalizationForm.FormD));
            File.WriteAllText(decomposed.Normalize(System.Text.NormalizationForm.FormC) + ".meta.yml", "titel: Ena formen i dokumentet, andra i sidofilen\n");

            Assert.Equal("Sammansatt form", MetadataTestData.Resolver.Resolve(composed, MetadataTestData.Document(null)).Title);
            Assert.Equal("Ena formen i dokumentet, andra i sidofilen", MetadataTestData.Resolver.Resolve(decomposed, MetadataTestData.Document(null)).Title);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public void Sidecar_that_is_a_symbolic_link_is_not_followed()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-sidecar-");
        try
        {
            var outside = Path.Combine(corpus.FullName, "..", corpus.Name + "-utanfor.yml");
            File.WriteAllText(outside, "titel: Hemlig titel utanför korpusen\n");
            var document = Path.Combine(corpus.FullName, "Rapport.pdf");
            File.CreateSymbolicLink(document + ".meta.yml", outside);

            var metadata = MetadataTestData.Resolver.Resolve(document, MetadataTestData.Document(null));

            Assert.Equal("Rapport", metadata.Title);
            Assert.Equal("Rapport.pdf.meta.yml: sidofilen är en symbolisk länk och lästes inte.", Assert.Single(metadata.Problems));
            File.Delete(outside);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public void Garbage_sidecar_reports_a_bounded_number_of_problems()
    {
        var corpus = Directory.CreateTempSubdirectory("kb-sidecar-");
        try
        {
            var document = Path.Combine(corpus.FullName, "Bild.pdf");
            var garbage = new byte[4000];
            new Random(7).NextBytes(garbage);
            File.WriteAllBytes(document + ".meta.yml", garbage);

            var metadata = MetadataTestData.Resolver.Resolve(document, MetadataTestData.Document(null));

            Assert.Equal("Bild", metadata.Title);
            Assert.InRange(metadata.Problems.Count, 1, 21);
            Assert.All(metadata.Problems, p => Assert.StartsWith("Bild.pdf.meta.yml", p));
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public void Sidecar_saved_as_windows_1252_is_refused_with_the_line_to_fix()
    {
        using var corpus = new TestDocuments.TempFolder();
        var document = Path.Combine(corpus.Path, "Rutin.pdf");
        var latin = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        File.WriteAllBytes(document + ".meta.yml", latin.GetBytes("titel: Rutin\nutgivare: Kommunen\nmålgrupp: äldre\n"));

        var metadata = MetadataTestData.Resolver.Resolve(document, MetadataTestData.Document(null));

        Assert.Equal(
            "Rutin.pdf.meta.yml: sidofilen är inte sparad som UTF-8 (första felaktiga tecknet på rad 3) och lästes inte; spara den som UTF-8 i editorn.",
            Assert.Single(metadata.Problems));
    }

    [Fact]
    public void Sidecar_of_50_MB_is_refused_without_being_read()
    {
        using var corpus = new TestDocuments.TempFolder();
        var document = Path.Combine(corpus.Path, "Stor.pdf");
        using (var huge = File.Create(document + ".meta.yml"))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        var metadata = MetadataTestData.Resolver.Resolve(document, MetadataTestData.Document(null));

        Assert.Equal("Stor.pdf.meta.yml: sidofilen är större än 64 kB och lästes inte.", Assert.Single(metadata.Problems));
        Assert.Equal("Stor", metadata.Title);
    }

    [Fact]
    public void Sidecar_with_aliases_tabs_and_deep_nesting_reports_each_and_keeps_the_good_lines()
    {
        using var corpus = new TestDocuments.TempFolder();
        var document = Path.Combine(corpus.Path, "Plan.pdf");
        var deep = string.Concat(Enumerable.Repeat("[", 10_000));
        File.WriteAllText(document + ".meta.yml", $"\uFEFFtitel: &t Plan mot våld\r\nutgivare: *t\r\n\tår: 2020\r\nämne: {deep}\r\nmålgrupp: unga\r\n");

        var metadata = MetadataTestData.Resolver.Resolve(document, MetadataTestData.Document(null));

        Assert.Equal("Plan mot våld", metadata.Title);
        Assert.Equal(["unga"], MetadataTestData.ValuesOf(metadata, "malgrupp"));
        Assert.Null(metadata.Publisher);
        Assert.Collection(
            metadata.Problems,
            p => Assert.StartsWith("Plan.pdf.meta.yml rad 2: hänvisningar (*t) stöds inte", p),
            p => Assert.StartsWith("Plan.pdf.meta.yml rad 3: indraget innehåller tabb", p),
            p => Assert.StartsWith("Plan.pdf.meta.yml rad 4: för många nivåer", p));
    }

    [Theory]
    [InlineData("corpus/Rutin.pdf.meta.yml", true)]
    [InlineData("corpus/Rutin.META.YML", true)]
    [InlineData("corpus/taxonomi.yml", true)]
    [InlineData("corpus/Rutin.pdf", false)]
    [InlineData("corpus/meta.yml.pdf", false)]
    public void IsMetadataFile_recognises_sidecars_and_the_taxonomy(string path, bool expected) =>
        Assert.Equal(expected, MetadataTestData.Resolver.IsMetadataFile(path));

    [Fact]
    public void Resolve_never_throws_on_a_path_in_a_missing_folder()
    {
        var metadata = MetadataTestData.Resolver.Resolve("/finns/inte/någonstans/rapport_om-våld.pdf", new ExtractedDocument(DocumentProperties.Empty, [], []));

        Assert.Equal("Rapport om våld", metadata.Title);
        Assert.Empty(metadata.Problems);
    }
}
