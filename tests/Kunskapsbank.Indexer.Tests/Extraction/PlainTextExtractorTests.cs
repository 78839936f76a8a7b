using System.Text;
using Kunskapsbank.Indexer.Extraction;
using Kunskapsbank.Indexer.Extraction.PlainText;

namespace Kunskapsbank.Indexer.Tests.Extraction;

public class PlainTextExtractorTests
{
    private const string Swedish = "Våld i nära relationer drabbar även äldre.\nSocialtjänsten ansvarar för stödet.\n\nÖppet dygnet runt – ”citat”.";

    private readonly PlainTextExtractor _extractor = new();

    public static TheoryData<string> Encodings() => ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Text_encoding_is_detected(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => new UTF8Encoding(false).GetBytes(Swedish),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Swedish)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Swedish)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Swedish)],
            _ => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(Swedish),
        };
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("text.txt");
        File.WriteAllBytes(path, bytes);
        var document = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None).Document!;
        Assert.Equal("Våld i nära relationer drabbar även äldre. Socialtjänsten ansvarar för stödet.\n\nÖppet dygnet runt – ”citat”.", TestDocuments.AllText(document));
    }

    [Fact]
    public void Text_decomposed_letters_become_nfc()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("nfd.txt");
        File.WriteAllText(path, "Va\u030Ald och o\u0308verfall");
        var document = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None).Document!;
        Assert.Equal("Våld och överfall", document.Passages.Single().Text);
    }

    [Fact]
    public void Text_paragraphs_are_grouped_into_passages_with_offsets()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("lång.txt");
        File.WriteAllText(path, string.Join("\n\n", Enumerable.Range(1, 100).Select(i => $"Stycke {i}: skyddat boende, kontaktförbud och stöd till barn som upplever våld.")));
        var document = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None).Document!;
        Assert.InRange(document.Passages.Count, 4, 10);
        var all = TestDocuments.AllText(document);
        Assert.All(document.Passages, p => Assert.Equal(p.Text, all.Substring(p.Offset, p.Text.Length)));
        Assert.All(document.Passages, p => Assert.Null(p.Page));
    }

    [Fact]
    public void Text_only_whitespace_is_empty()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("blank.txt");
        File.WriteAllText(path, " \n\n\t\r\n ");
        var result = _extractor.Extract(path, TestDocuments.Limits, CancellationToken.None);
        Assert.Equal(ExtractionFailureKind.Empty, result.Failure?.Kind);
    }

    [Fact]
    public void Text_of_60_megabytes_is_capped_with_a_note_in_bounded_time()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("stor.txt");
        var line = Encoding.UTF8.GetBytes("Stöd till våldsutsatta kvinnor och barn i skyddat boende, rad efter rad.\n");
        using (var stream = File.Create(path))
        {
            var block = Enumerable.Repeat(line, 1000).SelectMany(b => b).ToArray();
            while (stream.Length < 60L * 1024 * 1024)
            {
                stream.Write(block);
            }
        }

        var limits = TestDocuments.Limits with { MaxTextChars = 2_000_000 };
        var result = _extractor.Extract(path, limits, CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.True(TestDocuments.AllText(result.Document!).Length <= 2_000_000);
        Assert.Equal(["Texten var för lång; bara de första 2\u00A0000\u00A0000 tecknen indexerades."], result.Document!.Notes);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public void Text_longer_than_the_cap_is_cut_at_the_cap_whether_small_or_large(int words)
    {
        // A file under the sniffed 64 KB is decoded at once, a larger one is streamed: both cut at the same place.
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("lång.txt");
        File.WriteAllText(path, string.Join(' ', Enumerable.Range(0, words).Select(i => i % 7 == 0 ? "våld" : "stöd")));
        var result = _extractor.Extract(path, TestDocuments.Limits with { MaxTextChars = 999 }, CancellationToken.None);
        var text = TestDocuments.AllText(result.Document!);
        Assert.Equal(999, text.Length);
        Assert.StartsWith("våld stöd stöd", text, StringComparison.Ordinal);
        Assert.Equal(["Texten var för lång; bara de första 999 tecknen indexerades."], result.Document!.Notes);
    }

    [Fact]
    public void Text_file_over_the_input_limit_is_too_large()
    {
        using var folder = new TestDocuments.TempFolder();
        var path = folder.File("jätte.txt");
        File.WriteAllText(path, new string('a', 5000));
        var result = _extractor.Extract(path, TestDocuments.Limits with { MaxInputBytes = 1000 }, CancellationToken.None);
        Assert.Equal(ExtractionFailureKind.TooLarge, result.Failure?.Kind);
        Assert.Contains("för stor", result.Failure!.Message, StringComparison.Ordinal);
    }
}
