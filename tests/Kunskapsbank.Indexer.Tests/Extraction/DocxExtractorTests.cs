using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.Pdf;
using Kunskapsbank.Indexer.Extraction.Word;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class DocxExtractorTests
{
    private readonly DocxExtractor _extractor = new();

    [Fact]
    public void Docx_headings_start_passages_with_their_path()
    {
        var document = TestDocuments.ExtractOk(_extractor, "generated/vagledning-vald-i-nara-relationer.docx");
        var passage = document.Passages.Single(p => p.Heading == "Barn som upplever våld");
        Assert.Equal(["Våld i nära relationer", "Barn som upplever våld"], passage.HeadingPath);
        Assert.StartsWith("Barn som lever i en familj där det förekommer våld", passage.Text, StringComparison.Ordinal);
        Assert.Equal("Vägledning: Våld i nära relationer – stöd och skydd", document.Properties.Title);
    }

    [Fact]
    public void Docx_lists_and_tables_become_lines()
    {
        var document = TestDocuments.ExtractOk(_extractor, "generated/vagledning-vald-i-nara-relationer.docx");
        var text = TestDocuments.AllText(document);
        Assert.Contains("Vanliga former är:\n\nfysiskt våld, till exempel slag, sparkar, knuffar och strypgrepp,\npsykiskt våld,", text, StringComparison.Ordinal);
        Assert.Contains("Bestämmelse | Var den finns | Infördes\nGrov fridskränkning och grov kvinnofridskränkning | 4 kap. 4 a § brottsbalken | 1998", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_body_text_is_complete_and_headers_footers_are_left_out()
    {
        var document = TestDocuments.ExtractOk(_extractor, "generated/rutin-hedersrelaterat-vald.docx");
        var text = TestDocuments.AllText(document) + "\n" + string.Join("\n", document.Passages.SelectMany(p => p.HeadingPath));
        var expected = File.ReadAllText(TestDocuments.PathOf("generated/rutin-hedersrelaterat-vald.expected.txt"));
        foreach (Match word in Regex.Matches(expected, @"\w+"))
        {
            Assert.Contains(word.Value, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Rutin HRV 2024", text, StringComparison.Ordinal);
        Assert.Equal("Testförvaltningen", document.Properties.Author);
        Assert.Equal(["hedersrelaterat våld", "förtryck", "rutin", "socialtjänst"], document.Properties.Keywords);
        Assert.Equal(["2. Arbetsgång", "2.1 Ansvarsfördelning"], document.Passages.Single(p => p.Text.StartsWith("Roll | Ansvar", StringComparison.Ordinal)).HeadingPath);
    }

    [Fact]
    public void Docx_table_of_contents_and_field_codes_never_reach_the_text()
    {
        var document = TestDocuments.ExtractOk(_extractor, "real-swedish/prop-2012-13-144-sjofartsstodet.docx");
        var text = TestDocuments.AllText(document);
        Assert.DoesNotContain("PAGEREF", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_Toc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TOC \\o", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Innehållsförteckning", text, StringComparison.Ordinal);
        Assert.Contains(document.Passages, p => p.HeadingPath.SequenceEqual(["Förslag till riksdagsbeslut"]) && p.Text.Contains("(avsnitt 3.3)", StringComparison.Ordinal));
        Assert.Equal("Regeringens proposition", document.Properties.Title);
    }

    [Fact]
    public void Docx_form_fields_show_their_value_not_their_code()
    {
        var document = TestDocuments.ExtractOk(_extractor, "real-swedish/ad-2013-63-arbetsdomstolen.docx");
        var text = TestDocuments.AllText(document);
        Assert.DoesNotContain("FORMTEXT", text, StringComparison.Ordinal);
        Assert.Contains("Avgörandedatum: | 2013-08-21", text, StringComparison.Ordinal);
        Assert.Contains("Arbetsdomstolen bestämmer skadeståndet till 30 000 kr.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_long_judgment_is_split_into_passages()
    {
        var document = TestDocuments.ExtractOk(_extractor, "real-swedish/mig-2013-6-migrationsoverdomstolen-um7533-12.docx");
        Assert.True(document.Passages.Count > 3);
        Assert.All(document.Passages, p => Assert.InRange(p.Text.Length, 1, PassageBuilder.TargetPassageChars));
    }

    [Fact]
    public void Docx_passages_follow_the_paragraph_rule_and_keep_headings_tables_and_lists()
    {
        var document = TestDocuments.ExtractOk(_extractor, "generated/vagledning-vald-i-nara-relationer.docx");

        Assert.All(document.Passages, p => Assert.InRange(p.Text.Length, 1, PassageBuilder.TargetPassageChars));
        Assert.Equal(2, document.Passages.Count(p => p.HeadingPath.SequenceEqual(["Hedersrelaterat våld och förtryck", "Kännetecken"])));
        Assert.Contains(document.Passages, p => p.Heading == "Lagstiftning i korthet" && p.Text.Contains("\nHedersbrott | 4 kap. 4 e § brottsbalken | 2022\n", StringComparison.Ordinal));
        Assert.Contains(document.Passages, p => p.Heading == "Checklista för yrkesverksamma" && p.Text.StartsWith("Ställ frågor om våld rutinmässigt och i enrum.\nGör en risk- och skyddsbedömning", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_fields_footnotes_styles_and_revisions_are_handled()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("rutin.docx");
        WordTestDocument.WriteKitchenSink(path);
        var document = TestDocuments.ExtractOk(_extractor, path);
        var text = TestDocuments.AllText(document);

        Assert.Equal(
            [
                ("Rutin mot våld", "Underrubrik är brödtext"),
                ("Inledning", "Namn: A.B. ska få stöd.\n\nSe Socialstyrelsens handbok om våld."),
                ("Inledning > Steg", "Fråga om våld.\nGör en riskbedömning."),
                ("Egen rubrik på nivå ett > Rubrik genom dispositionsnivå", "Text under dispositionsnivån."),
            ],
            document.Passages.Select(p => (string.Join(" > ", p.HeadingPath), p.Text)).ToArray());
        Assert.DoesNotContain("innehåll", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("raderad", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sidhuvud", text, StringComparison.Ordinal);
        Assert.Equal("Rutin för test", document.Properties.Title);
        Assert.Equal("Testförvaltningen", document.Properties.Author);
        Assert.Equal(["våld", "rutin", "skydd"], document.Properties.Keywords);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), document.Properties.Created);
    }

    [Theory]
    [InlineData("empty-no-text.docx", ExtractionFailureKind.Empty, "ingen text")]
    [InlineData("missing-document-xml.docx", ExtractionFailureKind.Corrupt, "inte ett giltigt Word-dokument")]
    [InlineData("truncated-zip.docx", ExtractionFailureKind.Corrupt, "inte ett giltigt Word-dokument")]
    [InlineData("word95-doc-saved-as-docx-prop-2002-03-84.docx", ExtractionFailureKind.UnsupportedFormat, "spara det som .docx")]
    public void Docx_problem_file_fails_with_its_kind_and_a_swedish_reason(string file, ExtractionFailureKind kind, string reason)
    {
        var result = _extractor.Extract(TestDocuments.PathOf($"problematic/{file}"), TestDocuments.Limits, CancellationToken.None);
        Assert.Equal(kind, result.Failure?.Kind);
        Assert.Contains(reason, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_word95_doc_is_read_through_catdoc_without_field_codes()
    {
        var result = new LegacyWordExtractor(new ProcessRunner()).Extract(TestDocuments.PathOf("real-swedish/prop-2002-03-84-exportradet-word95.doc"), TestDocuments.Limits, CancellationToken.None);

        Assert.Null(result.Failure);
        var text = string.Join("\n", result.Document!.Passages.Select(p => p.Text));
        Assert.Contains("Exportrådets verksamhet grundar sig på ett avtal mellan staten och Sveriges Allmänna Exportförening", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PAGEREF", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_Toc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void File_named_doc_that_is_not_a_word_file_is_reported_as_corrupt()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("anteckning.doc");
        File.WriteAllText(path, "<html><body>Inte ett Word-dokument</body></html>");

        var result = new LegacyWordExtractor(new ProcessRunner()).Extract(path, TestDocuments.Limits, CancellationToken.None);

        Assert.Equal(ExtractionFailureKind.Corrupt, result.Failure?.Kind);
        Assert.Contains("inget Word-dokument", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Innehåll TOC \\o \"1-3\" \\h \\z 1\tFörslag  PAGEREF _Toc34631054 \\h  3", "Innehåll 1 Förslag")]
    [InlineData("Se HYPERLINK \"http://www.example.se\" webbplatsen", "Se webbplatsen")]
    public void Field_instructions_are_removed_from_the_text(string raw, string expected) =>
        Assert.Equal(expected, TextCleanup.CollapseSpaces(LegacyWordExtractor.WithoutFieldCodes(raw)));
}

public class DocxHostileFileTests
{
    private readonly DocxExtractor _extractor = new();

    [Fact]
    public void Docx_zip_bomb_is_refused_before_it_is_unpacked()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            CopyEntry(zip, "[Content_Types].xml");
            CopyEntry(zip, "_rels/.rels");
            CopyEntry(zip, "word/document.xml");
            var zeros = new byte[1 << 20];
            using var bomb = zip.CreateEntry("word/media/nollor.bin", CompressionLevel.Optimal).Open();
            for (var i = 0; i < 1024; i++)
            {
                bomb.Write(zeros);
            }
        }

        Assert.True(new FileInfo(path).Length < 5 * 1024 * 1024, $"{new FileInfo(path).Length} bytes");
        var result = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.Equal(ExtractionFailureKind.TooLarge, result.Failure?.Kind);
        Assert.Contains("zip-bomb", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_zip_that_lies_about_its_sizes_is_stopped_at_the_limit()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("lögn.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            CopyEntry(zip, "[Content_Types].xml");
            CopyEntry(zip, "_rels/.rels");
            CopyEntry(zip, "word/document.xml");
            using var bomb = zip.CreateEntry("word/media/nollor.bin", CompressionLevel.Fastest).Open();
            bomb.Write(new byte[8 * 1024 * 1024]);
        }

        // Rewrite the declared size of the big entry to 1 000 bytes in both headers.
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes("word/media/nollor.bin");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var local = bytes.AsSpan(i, 4).SequenceEqual("PK\x03\x04"u8) && bytes.AsSpan(i + 30).StartsWith(name);
            var central = bytes.AsSpan(i, 4).SequenceEqual("PK\x01\x02"u8) && bytes.AsSpan(i + 46).StartsWith(name);
            if (local || central)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + (local ? 22 : 24), 4), 1000);
            }
        }

        File.WriteAllBytes(path, bytes);
        var result = _extractor.Extract(path, TestDocuments.Limits with { MaxDecompressedBytes = 4 * 1024 * 1024 }, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Equal(ExtractionFailureKind.Corrupt, result.Failure!.Kind);
        Assert.Contains("skadad", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_with_absurdly_deep_nesting_is_refused_without_a_crash()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("djup.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            CopyEntry(zip, "[Content_Types].xml");
            CopyEntry(zip, "_rels/.rels");
            using var document = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            document.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            const int Depth = 100_000;
            for (var i = 0; i < Depth; i++)
            {
                document.Write("<w:sdt><w:sdtContent>");
            }

            document.Write("<w:p><w:r><w:t>djupt</w:t></w:r></w:p>");
            for (var i = 0; i < Depth; i++)
            {
                document.Write("</w:sdtContent></w:sdt>");
            }

            document.Write("</w:body></w:document>");
        }

        var result = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.Equal(ExtractionFailureKind.Corrupt, result.Failure?.Kind);
        Assert.Contains("djupt nästlat", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_named_file_that_is_a_png_is_reported_as_an_image()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("bild.docx");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        var result = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.Equal(ExtractionFailureKind.Corrupt, result.Failure?.Kind);
        Assert.Contains("PNG-bild", result.Failure!.Message, StringComparison.Ordinal);
    }

    private static void CopyEntry(ZipArchive target, string name)
    {
        using var source = ZipFile.OpenRead(TestDocuments.PathOf("generated/rutin-hedersrelaterat-vald.docx"));
        using var from = source.GetEntry(name)!.Open();
        using var to = target.CreateEntry(name).Open();
        from.CopyTo(to);
    }
}
