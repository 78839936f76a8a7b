using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class ExtractorRegistryTests
{
    private static readonly string[] GoodFiles =
    [
        "generated/kunskapsunderlag-hedersrelaterat-vald-flersidig.pdf",
        "generated/rutin-hedersrelaterat-vald.docx",
        "generated/rutin-hedersrelaterat-vald.pdf",
        "generated/svarlast-text-kodning-och-layout.pdf",
        "generated/vagledning-vald-i-nara-relationer.docx",
        "generated/vagledning-vald-i-nara-relationer.md",
        "generated/vagledning-vald-i-nara-relationer.pdf",
        "generated/kunskapsunderlag-hedersrelaterat-vald-flersidig.source.txt",
        "real-swedish/prop-2012-13-144-sjofartsstodet.pdf",
        "real-swedish/prop-2012-13-144-sjofartsstodet.docx",
        "real-swedish/ad-2013-63-arbetsdomstolen.docx",
        "problematic/broken-xref-wrong-offsets.pdf",
        "problematic/custom-font-encoding-prop-1999-2000-17.pdf",
        "encoding/diacritics-export-pdfpig.pdf",
        "real-swedish/prop-2002-03-84-exportradet-word95.doc",
    ];

    private static readonly (string File, ExtractionFailureKind Kind)[] BadFiles =
    [
        ("problematic/broken-xref-offsets-pdfpig.pdf", ExtractionFailureKind.Corrupt),
        ("problematic/empty-no-text.docx", ExtractionFailureKind.Empty),
        ("problematic/empty-page-no-content-pdfpig.pdf", ExtractionFailureKind.Empty),
        ("problematic/encrypted-user-password-hemligt.pdf", ExtractionFailureKind.Encrypted),
        ("problematic/missing-document-xml.docx", ExtractionFailureKind.Corrupt),
        ("problematic/not-a-pdf-html-content.pdf", ExtractionFailureKind.Corrupt),
        ("problematic/truncated-no-xref-no-trailer.pdf", ExtractionFailureKind.Corrupt),
        ("problematic/truncated-zip.docx", ExtractionFailureKind.Corrupt),
        ("problematic/word95-doc-saved-as-docx-prop-2002-03-84.docx", ExtractionFailureKind.UnsupportedFormat),
        ("problematic/zero-bytes.pdf", ExtractionFailureKind.Empty),
        ("problematic/zero-pages.pdf", ExtractionFailureKind.Empty),
    ];

    [Fact]
    public void Registry_reads_every_format_the_corpus_accepts()
    {
        var registry = ExtractorRegistry.CreateDefault();
        Assert.Equal(
            [".doc", ".docx", ".htm", ".html", ".markdown", ".md", ".pdf", ".txt"],
            registry.SupportedExtensions.Order(StringComparer.Ordinal).ToArray());
        Assert.True(registry.IsSupported("Rutin.PDF"));
    }

    [Fact]
    public void Registry_batch_over_good_and_bad_files_extracts_every_good_one()
    {
        // One folder, as an editor would fill it: good files with awkward names among broken ones.
        using var folder = new TestDocuments.TempFolder();
        var names = new Dictionary<string, string>();
        var awkward = new[] { "med mellanslag ", "åäö ", "emoji 👩🏽‍🚒 ", "Va\u030Ald " };
        for (var i = 0; i < GoodFiles.Length; i++)
        {
            var name = awkward[i % awkward.Length] + Path.GetFileName(GoodFiles[i]);
            File.Copy(TestDocuments.PathOf(GoodFiles[i]), folder.File(name));
            names[name] = "ok";
        }

        foreach (var (file, kind) in BadFiles)
        {
            File.Copy(TestDocuments.PathOf(file), folder.File(Path.GetFileName(file)));
            names[Path.GetFileName(file)] = kind.ToString();
        }

        File.WriteAllBytes(folder.File("bild.pdf"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        names["bild.pdf"] = nameof(ExtractionFailureKind.Corrupt);
        File.WriteAllText(folder.File("kalkyl.xlsx"), "inte läsbar");
        names["kalkyl.xlsx"] = nameof(ExtractionFailureKind.UnsupportedFormat);
        File.CreateSymbolicLink(folder.File("pekar-ingenstans.pdf"), folder.File("finns-inte.pdf"));
        names["pekar-ingenstans.pdf"] = nameof(ExtractionFailureKind.Unreadable);

        var registry = ExtractorRegistry.CreateDefault();
        var results = Directory.GetFiles(folder.Path)
            .AsParallel()
            .Select(path => (Name: Path.GetFileName(path), Result: registry.Extract(path, TestDocuments.Limits, CancellationToken.None)))
            .ToDictionary(r => r.Name, r => r.Result);

        Assert.Equal(names.Count, results.Count);
        foreach (var (name, expected) in names)
        {
            var result = results[name];
            if (expected == "ok")
            {
                Assert.True(result.Succeeded, $"{name}: {result.Failure?.Message}");
                Assert.NotEmpty(result.Document!.Passages);
                if (name.EndsWith(".pdf", StringComparison.Ordinal))
                {
                    Assert.All(result.Document.Passages, p => Assert.NotNull(p.Page));
                }
            }
            else
            {
                Assert.False(result.Succeeded, name);
                Assert.Equal(expected, result.Failure!.Kind.ToString());
                // Classified by its extractor, not caught as an unexpected error by the registry's safety net.
                Assert.NotEqual("Filen verkar vara skadad och kunde inte läsas.", result.Failure.Message);
                Assert.EndsWith(".", result.Failure.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void In_process_extractor_that_runs_past_the_time_limit_becomes_a_timeout_failure()
    {
        var registry = new ExtractorRegistry([new EndlessExtractor()]);
        var limits = ExtractionLimits.Default with { Timeout = TimeSpan.FromMilliseconds(200) };

        var result = registry.Extract("oandlig.slow", limits, CancellationToken.None);

        Assert.Equal(ExtractionFailureKind.Timeout, result.Failure?.Kind);
        Assert.Contains("tog för lång tid", result.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_the_run_still_cancels_instead_of_reporting_a_timeout()
    {
        var registry = new ExtractorRegistry([new EndlessExtractor()]);
        using var run = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => registry.Extract("oandlig.slow", ExtractionLimits.Default, run.Token));
    }

    /// <summary>Stands for a pathological file: works until it is told to stop, as the real extractors' loops do.</summary>
    private sealed class EndlessExtractor : ITextExtractor
    {
        public IReadOnlyCollection<string> Extensions { get; } = [".slow"];

        public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(5);
            }
        }
    }
}
