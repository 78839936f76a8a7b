using System.IO.Compression;
using System.Text;

namespace Kunskapsbank.Stress.Corpora;

/// <summary>What a file in the hostile corpus must end up as.</summary>
public enum Expectation
{
    /// <summary>A good document: indexed, and findable by its marker word when it has one.</summary>
    MustIndex,

    /// <summary>A bad file: reported as failed with a reason.</summary>
    MustFail,

    /// <summary>Either is acceptable (e.g. a huge text indexed with a cap); it must be accounted for.</summary>
    Either,
}

/// <summary>One file of the hostile corpus and what must happen to it.</summary>
/// <param name="RelativePath">Relative to the corpus root, forward slashes, as written (NFD names stay NFD).</param>
/// <param name="Marker">A nonsense word only this document contains, when it is a good Markdown document.</param>
public sealed record HostileFile(string RelativePath, Expectation Expectation, string? Marker, string Description);

/// <summary>Builds a corpus of hostile files mixed with good documents.</summary>
/// <param name="ZipBombBytes">Uncompressed size of the zip bomb's document.xml.</param>
/// <param name="LargeTextBytes">Size of the big plain-text file (0 = none).</param>
public sealed record HostileCorpusOptions(long ZipBombBytes, long LargeTextBytes, int NestingDepth, int GoodDocuments);

/// <summary>Writes the hostile corpus: the problematic files, generated hostile files and good documents.</summary>
public static class HostileCorpus
{
    // The well-known 1×1 transparent PNG.
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    // Expected outcomes from the problematic folder's SOURCE.md (what poppler, Tesseract and a ZIP reader can do with each file).
    private static readonly Dictionary<string, Expectation> ProblematicExpectations = new(StringComparer.Ordinal)
    {
        ["broken-xref-offsets-pdfpig.pdf"] = Expectation.MustFail,
        ["broken-xref-wrong-offsets.pdf"] = Expectation.MustIndex,
        ["custom-font-encoding-prop-1999-2000-17.pdf"] = Expectation.MustIndex,
        ["empty-no-text.docx"] = Expectation.MustFail,
        ["empty-page-no-content-pdfpig.pdf"] = Expectation.MustFail,
        ["encrypted-aes-no-user-password-prop-2013-14-104.pdf"] = Expectation.MustIndex,
        ["encrypted-user-password-hemligt.pdf"] = Expectation.MustFail,
        ["missing-document-xml.docx"] = Expectation.MustFail,
        ["not-a-pdf-html-content.pdf"] = Expectation.MustFail,
        // Scanned pages are read by OCR (Tesseract, installed by scripts/ensure-deps.sh): indexed, marked as OCR text.
        ["scanned-no-text-layer-prop-1991-92-43.pdf"] = Expectation.MustIndex,
        ["scanned-no-text-layer-prop-2008-09-5-bilaga1.pdf"] = Expectation.MustIndex,
        ["truncated-no-xref-no-trailer.pdf"] = Expectation.Either,
        ["truncated-zip.docx"] = Expectation.MustFail,
        ["word95-doc-saved-as-docx-prop-2002-03-84.docx"] = Expectation.MustFail,
        ["zero-bytes.pdf"] = Expectation.MustFail,
        ["zero-pages.pdf"] = Expectation.MustFail,
    };

    private static readonly string[] GoodNames =
    [
        "sto\u0308d-och-skydd-nfd.md",
        "stöd-🌈-hbtqi.md",
        "دليل-vägledning-rtl.md",
        "Rutin för 'skydd' (utkast).md",
        "-inledande-bindestreck.md",
        "djup/mapp/i/flera/nivåer/dokument.md",
        "VERSALER-OCH-ÅÄÖ.MD",
        new string('l', 180) + ".md",
    ];

    /// <summary>Writes everything under <paramref name="root"/>; <paramref name="problematicFolder"/> may be null.</summary>
    public static IReadOnlyList<HostileFile> Write(string root, string? problematicFolder, string? goodOfficeFolder, HostileCorpusOptions options, MarkerWords markers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(markers);
        Directory.CreateDirectory(root);
        var files = new List<HostileFile>();

        if (problematicFolder is not null)
        {
            foreach (var source in Directory.GetFiles(problematicFolder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(source);
                if (!ProblematicExpectations.TryGetValue(name, out var expectation))
                {
                    continue; // e.g. SOURCE.md
                }

                File.Copy(source, Path.Combine(root, "problem", name).CreateParent(), overwrite: true);
                files.Add(new HostileFile("problem/" + name, expectation, null, "problematisk fil"));
            }
        }

        if (goodOfficeFolder is not null)
        {
            foreach (var source in Directory.GetFiles(goodOfficeFolder).Where(f => f.EndsWith(".pdf", StringComparison.Ordinal) || f.EndsWith(".docx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(source);
                File.Copy(source, Path.Combine(root, "bra", name).CreateParent(), overwrite: true);
                files.Add(new HostileFile("bra/" + name, Expectation.MustIndex, null, "bra PDF/Word"));
            }
        }

        files.Add(WriteZipBomb(root, "genererat/zipbomb.docx", options.ZipBombBytes));
        files.Add(WriteNestedDocx(root, "genererat/djupt-nastlad.docx", options.NestingDepth));
        files.Add(WriteEntityExpansionDocx(root, "genererat/entitetsexpansion.docx"));
        File.WriteAllBytes(Path.Combine(root, "genererat/bild-som-heter-pdf.pdf").CreateParent(), Convert.FromBase64String(TinyPng));
        files.Add(new HostileFile("genererat/bild-som-heter-pdf.pdf", Expectation.MustFail, null, "PNG med namnet .pdf"));
        File.WriteAllBytes(Path.Combine(root, "genererat/tom.md").CreateParent(), []);
        files.Add(new HostileFile("genererat/tom.md", Expectation.MustFail, null, "tom Markdown-fil"));
        if (options.LargeTextBytes > 0)
        {
            files.Add(WriteLargeText(root, "genererat/stor-textfil.txt", options.LargeTextBytes));
        }

        for (var i = 0; i < options.GoodDocuments; i++)
        {
            var name = i < GoodNames.Length ? "bra/" + GoodNames[i] : $"bra/dokument-{i:D3}.md";
            var marker = markers.Next();
            File.WriteAllText(Path.Combine(root, name).CreateParent(), MarkdownDocument.Create(i, marker));
            files.Add(new HostileFile(name, Expectation.MustIndex, marker, "bra Markdown"));
        }

        return files;
    }

    private static HostileFile WriteZipBomb(string root, string relative, long uncompressedBytes)
    {
        var path = Path.Combine(root, relative).CreateParent();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteWordSkeleton(zip);
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(DocumentHead + "<w:p><w:r><w:t>"));
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'A');
            for (long written = 0; written < uncompressedBytes; written += chunk.Length)
            {
                stream.Write(chunk, 0, (int)Math.Min(chunk.Length, uncompressedBytes - written));
            }

            stream.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p>" + DocumentTail));
        }

        return new HostileFile(relative, Expectation.MustFail, null, $"zip-bomb ({uncompressedBytes / (1024 * 1024)} MB uppackad)");
    }

    private static HostileFile WriteNestedDocx(string root, string relative, int depth)
    {
        var path = Path.Combine(root, relative).CreateParent();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteWordSkeleton(zip);
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(DocumentHead);
            for (var i = 0; i < depth; i++)
            {
                writer.Write("<w:sdt><w:sdtContent>");
            }

            writer.Write("<w:p><w:r><w:t>Djupt nästlad text om våld i nära relationer.</w:t></w:r></w:p>");
            for (var i = 0; i < depth; i++)
            {
                writer.Write("</w:sdtContent></w:sdt>");
            }

            writer.Write(DocumentTail);
        }

        return new HostileFile(relative, Expectation.Either, null, $"Word med XML nästlad {depth} nivåer");
    }

    private static HostileFile WriteEntityExpansionDocx(string root, string relative)
    {
        var path = Path.Combine(root, relative).CreateParent();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteWordSkeleton(zip);
            var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY l0 \"hahahahaha\">");
            for (var i = 1; i <= 9; i++)
            {
                dtd.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
            }

            dtd.Append("]>");
            var xml = dtd + DocumentHead.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", string.Empty, StringComparison.Ordinal)
                + "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>" + DocumentTail;
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        return new HostileFile(relative, Expectation.Either, null, "Word med entitetsexpansion (billion laughs)");
    }

    private static HostileFile WriteLargeText(string root, string relative, long bytes)
    {
        var path = Path.Combine(root, relative).CreateParent();
        var line = Encoding.UTF8.GetBytes("Våld i nära relationer drabbar många och socialtjänsten ska ge stöd och skydd till den utsatta.\n");
        using (var stream = File.Create(path))
        {
            for (long written = 0; written < bytes; written += line.Length)
            {
                stream.Write(line);
            }
        }

        return new HostileFile(relative, Expectation.Either, null, $"textfil på {bytes / (1024 * 1024)} MB");
    }

    private const string DocumentHead =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

    private const string DocumentTail = "</w:body></w:document>";

    private static void WriteWordSkeleton(ZipArchive zip)
    {
        WriteEntry(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
            "</Types>");
        WriteEntry(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>" +
            "</Relationships>");
    }

    private static void WriteEntry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string CreateParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
